package org.lightbox.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A signed version as plain text, section by section: what the diff compares and FHIR's presentedForm carries. */
public final class ReportText {
    private ReportText() {
    }

    public static String of(SignedVersion v) {
        List<String> parts = new ArrayList<>();
        if (v.isAddendum()) {
            parts.add("ADDENDUM\n" + v.addendum());
        }
        for (ReportSection s : ReportSection.values()) {
            String text = v.sections().get(s);
            if (!text.isBlank()) {
                parts.add(s.label().toUpperCase(Locale.ROOT) + "\n" + text);
            }
        }
        return String.join("\n\n", parts);
    }

    /** The whole report as released: the addenda, newest last, then the report they add to. */
    public static String of(ReportDocument document) {
        List<String> parts = new ArrayList<>();
        int n = 1;
        for (SignedVersion a : document.addenda()) {
            parts.add("ADDENDUM " + n++ + " (" + a.signerName() + ", " + a.signedAt() + ")\n" + a.addendum());
        }
        SignedVersion main = document.mainVersion();
        parts.add(of(main) + "\n\nSigned by " + main.signerName() + ", " + main.signedAt());
        return String.join("\n\n", parts);
    }
}
