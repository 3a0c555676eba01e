package org.lightbox.bench;

import java.nio.file.Path;
import java.time.LocalDate;
import org.lightbox.dicom.testing.TestDicomFile;
import org.lightbox.dicom.testing.TestDicomFiles;

/**
 * Writes the synthetic corpus of the header-indexing benchmark (packaging/dev/bench-indexing):
 * CT series of 128x128 16-bit slices, 100 per study, with the header a scanner writes.
 *
 * <pre>java -cp ... org.lightbox.bench.IndexingCorpus FOLDER FILES</pre>
 */
public final class IndexingCorpus {
    private static final int SLICES_PER_STUDY = 100;

    private IndexingCorpus() {
    }

    public static void main(String[] args) {
        Path folder = Path.of(args[0]);
        int files = Integer.parseInt(args[1]);
        String study = null;
        String series = null;
        for (int i = 0; i < files; i++) {
            int slice = i % SLICES_PER_STUDY;
            if (slice == 0) {
                study = TestDicomFile.newUid();
                series = TestDicomFile.newUid();
            }
            int patient = i / SLICES_PER_STUDY;
            TestDicomFiles.ct().image(128, 128).patient("BENCH-" + patient, "BENCH^PATIENT" + patient)
                    .birthDate(LocalDate.of(1950 + patient % 50, 1 + patient % 12, 1 + patient % 28))
                    .accession("BENCH" + patient).study(study).series(series).instanceNumber(slice + 1)
                    .with("SliceLocation", Double.toString(slice * 2.5))
                    .with("ImagePositionPatient", "-100", "-100", Double.toString(slice * 2.5))
                    .with("PixelSpacing", "0.7", "0.7").with("SliceThickness", "2.5")
                    .with("InstitutionName", "Lightbox Bench Hospital").with("Manufacturer", "Lightbox")
                    .writeTo(folder.resolve("study" + patient));
        }
    }
}
