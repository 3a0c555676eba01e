package org.lightbox.dicom.sample;

/** One series of a demo study and how to make its images. */
record DemoSeries(int number, String description, String bodyPart, String sopClassUid, SampleTransferSyntax syntax,
                  ImageSource images) {
}
