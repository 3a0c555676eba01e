package org.lightbox.ingest;

import java.nio.file.Path;
import org.lightbox.dicom.DicomHeader;

/**
 * One source file whose header was read and checked, ready to be indexed.
 *
 * @param staged its copy in the managed store's staging folder; null when only headers are indexed (benchmark)
 */
record ReadHeader(Path file, DicomHeader header, long size, Path staged) {
}
