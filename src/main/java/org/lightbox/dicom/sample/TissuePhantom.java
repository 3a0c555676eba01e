package org.lightbox.dicom.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * A body built from solids, each filled with a tissue. Solids are painted in order, so a later
 * one replaces an earlier one where they overlap: the skull first, the brain inside it, the
 * ventricles inside the brain. Outside every solid is air.
 */
final class TissuePhantom {

    private record Region(Shape shape, Tissue tissue, double[] bounds) {
    }

    private final List<Region> regions = new ArrayList<>();

    TissuePhantom paint(Tissue tissue, Shape shape) {
        regions.add(new Region(shape, tissue, shape.bounds()));
        return this;
    }

    Tissue tissueAt(double x, double y, double z) {
        for (int i = regions.size() - 1; i >= 0; i--) {
            Region region = regions.get(i);
            double[] b = region.bounds();
            if (x >= b[0] && x <= b[1] && y >= b[2] && y <= b[3] && z >= b[4] && z <= b[5]
                    && region.shape().contains(x, y, z)) {
                return region.tissue();
            }
        }
        return Tissue.AIR;
    }
}
