package org.lightbox.dicom.sample;

import java.time.LocalDateTime;

/**
 * Who and what one demo study is; {@link DemoStudies} lists them all.
 *
 * @param number      the study's place under the demo UID root
 * @param folder      its folder under the sample-dicom folder
 * @param accession   the accession number the demo requests are seeded with; empty for the study
 *                    that must land in the unmatched queue
 */
public record DemoStudy(int number, String folder, DemoPatient patient, String accession, String modality,
                        String description, LocalDateTime performedAt) {

    public String studyInstanceUid() {
        return DemoUids.study(number);
    }
}
