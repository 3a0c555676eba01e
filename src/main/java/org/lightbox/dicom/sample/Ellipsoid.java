package org.lightbox.dicom.sample;

/**
 * An ellipsoid with semi-axes {@code rx, ry, rz}, first tilted about the x axis (a forward lean,
 * like a ligament or a rib) and then turned about the z axis, then moved to its centre.
 */
record Ellipsoid(double cx, double cy, double cz, double rx, double ry, double rz, double tiltDegrees,
                 double turnDegrees) implements Shape {

    static Ellipsoid at(double cx, double cy, double cz, double rx, double ry, double rz) {
        return new Ellipsoid(cx, cy, cz, rx, ry, rz, 0, 0);
    }

    Ellipsoid tilted(double degrees) {
        return new Ellipsoid(cx, cy, cz, rx, ry, rz, degrees, turnDegrees);
    }

    Ellipsoid turned(double degrees) {
        return new Ellipsoid(cx, cy, cz, rx, ry, rz, tiltDegrees, degrees);
    }

    /** The same ellipsoid, {@code by} mm thinner all round. */
    Ellipsoid shrunk(double by) {
        return new Ellipsoid(cx, cy, cz, rx - by, ry - by, rz - by, tiltDegrees, turnDegrees);
    }

    @Override
    public boolean contains(double x, double y, double z) {
        double dx = x - cx;
        double dy = y - cy;
        double dz = z - cz;
        if (turnDegrees != 0) {
            double turn = Math.toRadians(-turnDegrees);
            double rotatedX = dx * Math.cos(turn) - dy * Math.sin(turn);
            dy = dx * Math.sin(turn) + dy * Math.cos(turn);
            dx = rotatedX;
        }
        if (tiltDegrees != 0) {
            double tilt = Math.toRadians(-tiltDegrees);
            double rotatedY = dy * Math.cos(tilt) - dz * Math.sin(tilt);
            dz = dy * Math.sin(tilt) + dz * Math.cos(tilt);
            dy = rotatedY;
        }
        double u = dx / rx;
        double v = dy / ry;
        double w = dz / rz;
        return u * u + v * v + w * w <= 1;
    }

    @Override
    public double[] bounds() {
        double reach = tiltDegrees == 0 && turnDegrees == 0 ? 0 : Math.max(rx, Math.max(ry, rz));
        double ex = reach == 0 ? rx : reach;
        double ey = reach == 0 ? ry : reach;
        double ez = reach == 0 ? rz : reach;
        return new double[] {cx - ex, cx + ex, cy - ey, cy + ey, cz - ez, cz + ez};
    }
}
