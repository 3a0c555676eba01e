package org.lightbox.ingest;

import org.lightbox.domain.Coded;

/** How images reached the workstation; recorded with quarantined files and in the audit trail. */
public enum IngestOrigin implements Coded {
    IMPORT("import", "Import"),
    STORAGE_SCP("storage_scp", "Storage SCP (C-STORE)"),
    DICOMWEB("dicomweb", "PACS retrieve (WADO-RS)"),
    DIMSE("dimse", "PACS retrieve (C-MOVE)");

    private final String code;
    private final String label;

    IngestOrigin(String code, String label) {
        this.code = code;
        this.label = label;
    }

    @Override
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static IngestOrigin of(String code) {
        return Coded.fromCode(IngestOrigin.class, code, "Ingest origin");
    }
}
