package org.lightbox.report;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** One signed version as the history lists it, with its diff against the version before it. */
public record VersionRow(SignedVersion version, String title, String signedLine, String text, List<TextDiff.Line> diff) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm");

    public VersionRow {
        diff = List.copyOf(diff);
    }

    static VersionRow of(SignedVersion v, SignedVersion previous, ZoneId zone) {
        String text = ReportText.of(v);
        String older = previous == null ? "" : ReportText.of(previous);
        String title = "Version " + v.version() + "  ·  " + v.status().label() + (v.isIntact() ? "" : "  ·  FAILS ITS HASH CHECK");
        String signed = "Signed by " + v.signerName() + ", " + WHEN.format(v.signedAt().atZone(zone));
        return new VersionRow(v, title, signed, text, TextDiff.lines(older, text));
    }

    public boolean intact() {
        return version.isIntact();
    }

    @Override
    public String toString() {
        return title;
    }
}
