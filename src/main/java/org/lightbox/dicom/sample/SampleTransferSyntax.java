package org.lightbox.dicom.sample;

import java.util.List;

/**
 * The transfer syntaxes the demo studies are spread over, so that the viewer proves it decodes
 * each, with the dcmtk command that produces each from the explicit VR little endian file PixelMed
 * writes (PS3.5 Annex A for the syntaxes).
 */
public enum SampleTransferSyntax {
    EXPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2.1", "explicit VR little endian", List.of()),
    IMPLICIT_VR_LITTLE_ENDIAN("1.2.840.10008.1.2", "implicit VR little endian", List.of("dcmconv", "+ti")),
    /** Retired from PS3.5 since 2004, but still arrives from old archives. */
    EXPLICIT_VR_BIG_ENDIAN("1.2.840.10008.1.2.2", "explicit VR big endian", List.of("dcmconv", "+tb")),
    DEFLATED("1.2.840.10008.1.2.1.99", "deflated explicit VR little endian", List.of("dcmconv", "+td", "+cl", "9")),
    RLE_LOSSLESS("1.2.840.10008.1.2.5", "RLE lossless", List.of("dcmcrle")),
    JPEG_LOSSLESS_SV1("1.2.840.10008.1.2.4.70", "JPEG lossless, first-order prediction (process 14 SV1)",
            List.of("dcmcjpeg", "+e1")),
    /**
     * Lossy. {@code +un} keeps the SOP Instance UID: PS3.4 wants a new one when a stored instance is
     * lossy-compressed, but the uncompressed original here is a temporary file nobody ever sees, and
     * a fixed UID keeps regeneration byte for byte the same.
     */
    JPEG_BASELINE("1.2.840.10008.1.2.4.50", "JPEG baseline (process 1), lossy", List.of("dcmcjpeg", "+eb", "+un"));

    private final String uid;
    private final String description;
    private final List<String> dcmtkCommand;

    SampleTransferSyntax(String uid, String description, List<String> dcmtkCommand) {
        this.uid = uid;
        this.description = description;
        this.dcmtkCommand = dcmtkCommand;
    }

    public String uid() {
        return uid;
    }

    public String description() {
        return description;
    }

    /** The dcmtk program and options that re-encode into this syntax; empty for the syntax PixelMed writes. */
    public List<String> dcmtkCommand() {
        return dcmtkCommand;
    }

    public boolean needsTranscoding() {
        return !dcmtkCommand.isEmpty();
    }
}
