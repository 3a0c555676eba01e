package org.lightbox.dicom;

import java.util.List;

/** One instance read to its pixels: its header and every frame, in frame order. */
public record DecodedImage(DicomHeader header, List<RawFrame> frames) {

    public DecodedImage {
        frames = List.copyOf(frames);
    }
}
