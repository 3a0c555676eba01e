package org.lightbox.dicom;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file could not be read as DICOM. The message names the file and says what is wrong in words a
 * technologist can act on ("file is truncated", "missing SOP Instance UID (0008,0018)"); the
 * {@link Reason} lets an import decide what to do, e.g. skip a README on a patient CD silently but
 * report a damaged image.
 */
public class DicomReadException extends Exception {

    /** Why the file could not be read, coarse enough for an import to act on. */
    public enum Reason {
        /** The file cannot be opened or read at all (missing, no permission, I/O error). */
        CANNOT_OPEN,
        /** The file is not DICOM (a text file, a JPEG, a file with its preamble cut off...). */
        NOT_DICOM,
        /** The file ends before the data it announces (an interrupted copy or transfer). */
        TRUNCATED,
        /** The file is DICOM but its encoding is broken (bad lengths, bad tags, garbage bytes). */
        DAMAGED,
        /** An attribute every image must carry is absent or empty. */
        MISSING_ATTRIBUTE,
        /** The transfer syntax is unknown, so the data set cannot even be parsed. */
        UNSUPPORTED_TRANSFER_SYNTAX,
        /** The header reads, but the pixels are compressed in a way this workstation cannot decode (e.g. JPEG-LS). */
        UNDECODABLE_PIXELS,
        /** A DICOMDIR that lists no files: typically a CD whose burning was never finished. */
        EMPTY_DIRECTORY,
        /** The file is valid DICOM of the wrong kind for the request (a DICOMDIR where an image was expected, or the other way round). */
        WRONG_KIND
    }

    private final Path file;
    private final Reason reason;
    private final String problem;

    public DicomReadException(Path file, Reason reason, String problem) {
        this(file, reason, problem, null);
    }

    public DicomReadException(Path file, Reason reason, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = Objects.requireNonNull(file);
        this.reason = Objects.requireNonNull(reason);
        this.problem = Objects.requireNonNull(problem);
    }

    /** The file that could not be read. */
    public Path file() {
        return file;
    }

    public Reason reason() {
        return reason;
    }

    /** What is wrong, without the file name: for a list that already shows the file. */
    public String problem() {
        return problem;
    }
}
