package org.lightbox.dicom.sample;

/** The space between two ellipsoids: a skull, a rib, a meniscus. */
record Shell(Ellipsoid outer, Ellipsoid inner) implements Shape {

    @Override
    public boolean contains(double x, double y, double z) {
        return outer.contains(x, y, z) && !inner.contains(x, y, z);
    }

    @Override
    public double[] bounds() {
        return outer.bounds();
    }
}
