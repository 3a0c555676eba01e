package org.lightbox.viewer;

import java.util.List;

/** A series as a stack of images, in reading order (instance number, then frame). */
public record ImageSeries(String id, String seriesInstanceUid, Integer number, String modality, String description,
                          List<StackImage> images) {

    public ImageSeries {
        images = List.copyOf(images);
    }

    public int size() {
        return images.size();
    }

    /** "Series 2: COR T1 (16 images)". */
    public String label() {
        String name = description.isBlank() ? modality : description;
        return (number == null ? "" : "Series " + number + ": ") + name;
    }

    /**
     * The image whose slice location is nearest to {@code location}, for synchronized scrolling;
     * -1 when this series has no slice locations.
     */
    public int nearestTo(double location) {
        int best = -1;
        double bestDistance = Double.MAX_VALUE;
        for (int i = 0; i < images.size(); i++) {
            Double at = images.get(i).sliceLocation();
            if (at != null && Math.abs(at - location) < bestDistance) {
                bestDistance = Math.abs(at - location);
                best = i;
            }
        }
        return best;
    }
}
