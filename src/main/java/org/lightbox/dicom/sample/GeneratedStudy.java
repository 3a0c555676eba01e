package org.lightbox.dicom.sample;

import java.util.List;
import java.util.Locale;

/** What the generator wrote for one demo study. */
public record GeneratedStudy(DemoStudy study, int series, int instances, long bytes, List<String> transferSyntaxes) {

    public GeneratedStudy {
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }

    /** One line for the console, e.g. {@code DEMO0001  LB-100001  MOREAU^ALICE  CT head without contrast  ...}. */
    public String summary() {
        String accession = study.accession().isEmpty() ? "(none)" : study.accession();
        return String.format(Locale.ROOT, "%-8s  %-9s  %-20s  %-2s  %-26s  %d series, %3d images, %5d KB  %s  -> %s",
                accession, study.patient().mrn(), study.patient().dicomName(), study.modality(), study.description(),
                series, instances, (bytes + 1023) / 1024, String.join(" + ", transferSyntaxes), study.folder());
    }
}
