package org.lightbox.report;

import java.time.Instant;

/**
 * One signed state of a report: written once, never changed. An addendum is a version of its own
 * whose {@code addendum} holds the added text; the sections are those of the version it amends.
 */
public record SignedVersion(
        String id,
        String reportId,
        int version,
        VersionStatus status,
        ReportSections sections,
        String addendum,
        String criticalJson,
        String signedBy,
        String signerName,
        Instant signedAt,
        String prevHash,
        String contentHash) {

    public static final String CLASS_NAME = "ReportVersion";

    public boolean isAddendum() {
        return status == VersionStatus.AMENDED;
    }

    /** Whether the stored content still hashes to the hash stored with it. */
    public boolean isIntact() {
        return ContentHash.of(this).equals(contentHash);
    }

    SignedVersion hashed() {
        SignedVersion v = new SignedVersion(id, reportId, version, status, sections, addendum, criticalJson, signedBy, signerName,
                signedAt, prevHash, "");
        return new SignedVersion(id, reportId, version, status, sections, addendum, criticalJson, signedBy, signerName, signedAt,
                prevHash, ContentHash.of(v));
    }
}
