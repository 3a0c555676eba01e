package org.lightbox.dicom.sample;

/** Makes the images of one demo series on demand, so that a study never sits in memory whole. */
interface ImageSource {

    int count();

    /** @param index 0 for the first image; its Instance Number is {@code index + 1} */
    SampleImage image(int index);
}
