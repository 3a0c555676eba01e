package org.lightbox.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of a signed version's content: every field a reader relies on, each length-prefixed
 * so that no two different versions can serialise alike, and the previous version's hash, so that a
 * removed or reordered version breaks the chain.
 */
final class ContentHash {
    private ContentHash() {
    }

    static String of(SignedVersion v) {
        StringBuilder canonical = new StringBuilder("lightbox-report-version/1\n");
        field(canonical, v.reportId());
        field(canonical, Integer.toString(v.version()));
        field(canonical, v.status().code());
        for (ReportSection s : ReportSection.values()) {
            field(canonical, v.sections().get(s));
        }
        field(canonical, v.addendum());
        field(canonical, v.criticalJson() == null ? "" : v.criticalJson());
        field(canonical, v.signedBy());
        field(canonical, v.signerName());
        field(canonical, Long.toString(v.signedAt().toEpochMilli()));
        field(canonical, v.prevHash());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    private static void field(StringBuilder out, String value) {
        out.append(value.length()).append(':').append(value).append('\n');
    }
}
