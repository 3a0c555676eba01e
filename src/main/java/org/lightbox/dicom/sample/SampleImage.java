package org.lightbox.dicom.sample;

import java.util.List;
import java.util.Map;

/** One image of a demo series: its image-level attributes by keyword, and its pixels. */
record SampleImage(Map<String, List<String>> attributes, PixelPayload pixels) {

    SampleImage {
        attributes = Map.copyOf(attributes);
    }
}
