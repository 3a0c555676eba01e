package org.lightbox.dicom.sample;

/** A solid in patient coordinates (mm, LPS: x to the patient's left, y posterior, z head-wards). */
sealed interface Shape permits Ellipsoid, Shell {

    boolean contains(double x, double y, double z);

    /** A box around the shape, {minX, maxX, minY, maxY, minZ, maxZ}, to skip it quickly. */
    double[] bounds();
}
