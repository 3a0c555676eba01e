package org.lightbox.ingest;

/**
 * The Storage SCP's AE title and port, as the technologist last set them. Modalities and PACS
 * are configured to send to this AE title at this workstation's address and port.
 */
public record StorageScpSettings(String aeTitle, int port) {
    public static final String KEY = "ingest.storage-scp";
    /** 11112 is the registered DICOM port without root rights (PS3.8 C.1, IANA "dicom-iscl" aside). */
    public static final StorageScpSettings DEFAULTS = new StorageScpSettings("LIGHTBOX", 11112);
}
