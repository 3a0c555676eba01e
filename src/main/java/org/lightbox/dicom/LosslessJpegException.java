package org.lightbox.dicom;

/**
 * A JPEG stream the own lossless decoder does not take: a variant it does not implement (colour,
 * arithmetic coding, hierarchical...) or a stream it finds damaged. Either way the frame goes to
 * the DICOM toolkit's decoder instead, which gives the user its own answer.
 */
final class LosslessJpegException extends Exception {

    LosslessJpegException(String message) {
        super(message, null, false, false);
    }
}
