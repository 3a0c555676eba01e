package org.lightbox.ingest;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.lightbox.dicom.DicomHeader;

/**
 * Patient safety at the index: an arriving image whose Study Instance UID is already indexed for
 * another patient, or whose Series Instance UID already belongs to another study, must never join
 * that study or series. The index keys studies and series by these UIDs (and the managed store lays
 * files out by them), so such a file cannot be a study of its own either: it is kept out, with a
 * reason, for a person to decide which identity is right. Most often the patient was corrected at
 * the modality after a first send, or a modality reused UIDs.
 */
final class UidConflicts {
    static final String STUDY_OF_ANOTHER_PATIENT = "STUDY_OF_ANOTHER_PATIENT";
    static final String SERIES_OF_ANOTHER_STUDY = "SERIES_OF_ANOTHER_STUDY";

    private UidConflicts() {
    }

    /**
     * @param indexedStudy  the study indexed under the header's Study Instance UID; null if none
     * @param indexedSeries the series indexed under the header's Series Instance UID; null if none
     * @return why the file must stay out of the index, if it must
     */
    static Optional<Rejection> check(Path file, DicomHeader header, IndexedStudy indexedStudy,
            StudyIndex.IndexedSeries indexedSeries) {
        if (indexedStudy != null) {
            HeaderIdentity arriving = HeaderIdentity.of(header.patient());
            Set<IdentityField> differences = IdentityComparison.between(indexedStudy.identity(), arriving);
            if (!differences.isEmpty()) {
                return Optional.of(new Rejection(file.toString(), STUDY_OF_ANOTHER_PATIENT, "Another patient than its"
                        + " study's: this file names " + arriving.described() + ", but its study (Study Instance UID "
                        + header.study().instanceUid() + ") is already indexed for " + indexedStudy.identity().described()
                        + ". Differs in: " + IdentityComparison.text(differences) + ". The file was not added to that"
                        + " study: one of the two identities is wrong. Check the patient with the modality before the"
                        + " study is read."));
            }
        }
        if (indexedSeries != null && !indexedSeries.studyInstanceUid().equals(header.study().instanceUid())) {
            return Optional.of(new Rejection(file.toString(), SERIES_OF_ANOTHER_STUDY, "Its series belongs to another"
                    + " study: Series Instance UID " + header.series().instanceUid() + " already belongs to study "
                    + indexedSeries.studyInstanceUid() + " (" + indexedSeries.patient().described() + "); this file puts"
                    + " it in study " + header.study().instanceUid() + ". The file was not added: the modality reused a"
                    + " UID or the file was edited. Check the images with the modality."));
        }
        return Optional.empty();
    }
}
