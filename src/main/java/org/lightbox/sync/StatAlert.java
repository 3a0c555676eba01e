package org.lightbox.sync;

/** A new STAT study reached the worklist from elsewhere: worth interrupting the reader for. */
public record StatAlert(String requestId, String accession, String modality, String description) {
    public String text() {
        return "New STAT: " + accession + "  " + modality + "  " + description;
    }
}
