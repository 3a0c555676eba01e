package org.lightbox.ingest.pacs;

/** How this workstation talks to its PACS for query/retrieve, or that it has none. */
public enum PacsProtocol {
    NONE("No PACS"),
    /** QIDO-RS to find, WADO-RS to retrieve (PS3.18): one HTTP address, no firewall rule back to us. */
    DICOMWEB("DICOMweb"),
    /** C-FIND to find, C-MOVE to our Storage SCP to retrieve (PS3.4 C.4): the PACS must know our AE title. */
    DIMSE("DIMSE (C-FIND / C-MOVE)");

    private final String label;

    PacsProtocol(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
