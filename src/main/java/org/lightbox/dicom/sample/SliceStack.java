package org.lightbox.dicom.sample;

import static org.lightbox.dicom.sample.DecimalStrings.ds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Where the slices of a cross-sectional series lie, and the phantom sampled on them.
 *
 * <p>PS3.3 C.7.6.2.1.1: Image Orientation (Patient) gives the direction of a row (along which the
 * column index grows) and of a column; Image Position (Patient) is the centre of the first pixel.
 * Pixel (r, c) lies at position + c * column spacing * row direction + r * row spacing * column
 * direction.
 */
final class SliceStack {

    private static final double[] LEFT = {1, 0, 0};
    private static final double[] POSTERIOR = {0, 1, 0};
    private static final double[] FOOT = {0, 0, -1};

    private final int size;
    private final double pixelSpacing;
    private final double[] rowDirection;
    private final double[] columnDirection;
    private final double[] firstCentre;
    private final double[] step;
    private final int count;
    private final double thickness;

    private SliceStack(int size, double fieldOfView, double[] rowDirection, double[] columnDirection,
                       double[] firstCentre, double[] step, int count, double thickness) {
        this.size = size;
        this.pixelSpacing = fieldOfView / size;
        this.rowDirection = rowDirection;
        this.columnDirection = columnDirection;
        this.firstCentre = firstCentre;
        this.step = step;
        this.count = count;
        this.thickness = thickness;
    }

    /** Axial slices from the top down, the order CT scanners number them in. */
    static SliceStack axial(int size, double fieldOfView, double topZ, double spacing, int count, double thickness) {
        return new SliceStack(size, fieldOfView, LEFT, POSTERIOR, new double[] {0, 0, topZ}, new double[] {0, 0, -spacing},
                count, thickness);
    }

    /** Sagittal slices from the patient's right to left, seen with anterior on the left of the screen. */
    static SliceStack sagittal(int size, double fieldOfView, double firstX, double spacing, int count, double thickness) {
        return new SliceStack(size, fieldOfView, POSTERIOR, FOOT, new double[] {firstX, 0, 0}, new double[] {spacing, 0, 0},
                count, thickness);
    }

    /** Coronal slices from front to back, seen with the patient's right on the left of the screen. */
    static SliceStack coronal(int size, double fieldOfView, double firstY, double spacing, int count, double thickness) {
        return new SliceStack(size, fieldOfView, LEFT, FOOT, new double[] {0, firstY, 0}, new double[] {0, spacing, 0},
                count, thickness);
    }

    int count() {
        return count;
    }

    int size() {
        return size;
    }

    /** The tissue values of one slice, row by row. */
    double[] sample(TissuePhantom phantom, int slice, ToDoubleFunction<Tissue> value) {
        double[] first = firstPixel(slice);
        double[] values = new double[size * size];
        for (int r = 0; r < size; r++) {
            for (int c = 0; c < size; c++) {
                double x = first[0] + (c * rowDirection[0] + r * columnDirection[0]) * pixelSpacing;
                double y = first[1] + (c * rowDirection[1] + r * columnDirection[1]) * pixelSpacing;
                double z = first[2] + (c * rowDirection[2] + r * columnDirection[2]) * pixelSpacing;
                values[r * size + c] = value.applyAsDouble(phantom.tissueAt(x, y, z));
            }
        }
        return values;
    }

    /** Rows, Columns and the Image Plane module (PS3.3 C.7.6.2) of one slice. */
    Map<String, List<String>> planeAttributes(int slice) {
        double[] first = firstPixel(slice);
        double[] centre = centre(slice);
        double[] normal = cross(rowDirection, columnDirection);
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("Rows", List.of(Integer.toString(size)));
        attributes.put("Columns", List.of(Integer.toString(size)));
        attributes.put("PixelSpacing", ds(pixelSpacing, pixelSpacing));
        attributes.put("ImageOrientationPatient", ds(rowDirection[0], rowDirection[1], rowDirection[2],
                columnDirection[0], columnDirection[1], columnDirection[2]));
        attributes.put("ImagePositionPatient", ds(first[0], first[1], first[2]));
        attributes.put("SliceThickness", List.of(ds(thickness)));
        attributes.put("SpacingBetweenSlices", List.of(ds(Math.sqrt(dot(step, step)))));
        attributes.put("SliceLocation", List.of(ds(dot(centre, normal))));
        return attributes;
    }

    private double[] centre(int slice) {
        return new double[] {firstCentre[0] + slice * step[0], firstCentre[1] + slice * step[1],
                firstCentre[2] + slice * step[2]};
    }

    private double[] firstPixel(int slice) {
        double[] centre = centre(slice);
        double half = (size - 1) / 2.0 * pixelSpacing;
        double[] first = new double[3];
        for (int i = 0; i < 3; i++) {
            first[i] = centre[i] - half * rowDirection[i] - half * columnDirection[i];
        }
        return first;
    }

    private static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
