package org.lightbox.ingest.pacs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.lightbox.dicom.net.DicomNode;
import org.lightbox.dicom.net.DimseException;
import org.lightbox.dicom.net.QueryRetrieveScu;
import org.lightbox.domain.Actor;
import org.lightbox.domain.DomainException;
import org.lightbox.domain.Permission;
import org.lightbox.ingest.DicomImporter;
import org.lightbox.ingest.ImportSummary;
import org.lightbox.ingest.IngestOrigin;
import org.lightbox.ingest.Rejection;
import org.lightbox.ingest.StorageScpService;

/**
 * Brings a study from a PACS into the workstation (a prior to compare with, or a study that is
 * not on media), through the same importer as everything else: over DICOMweb (WADO-RS into a
 * temporary folder) or over DIMSE (C-MOVE to our Storage SCP).
 */
public final class PacsRetrieval {
    private final DicomImporter importer;
    private final StorageScpService storageScp;
    private final Path incoming;

    public PacsRetrieval(DicomImporter importer, StorageScpService storageScp, Path incoming) {
        this.importer = importer;
        this.storageScp = storageScp;
        this.incoming = incoming;
    }

    public ImportSummary retrieveByDicomWeb(Actor actor, DicomWebClient pacs, String studyInstanceUid) {
        return retrieveByDicomWeb(actor, pacs, studyInstanceUid, null, RetrieveProgress.NONE);
    }

    /**
     * With progress and Cancel: a retrieve cancelled while the images arrive keeps none of them (a
     * part of a study would look complete in the viewer); cancelled while indexing, it stops as an
     * import does.
     *
     * @param expected the instance count the query answered, for the progress; null if unknown
     */
    public ImportSummary retrieveByDicomWeb(Actor actor, DicomWebClient pacs, String studyInstanceUid, Integer expected,
            RetrieveProgress progress) {
        actor.require(Permission.REGISTER_SCAN);
        Path folder = null;
        try {
            Files.createDirectories(incoming);
            folder = Files.createTempDirectory(incoming, "wado-");
            List<Path> files = pacs.retrieveStudy(studyInstanceUid, folder, expected, progress);
            if (progress.isCancelled()) {
                return new ImportSummary(0, 0, 0, 0, 0, List.of(), true);
            }
            return importer.importPaths(actor, files, IngestOrigin.DICOMWEB, "WADO-RS study " + studyInstanceUid,
                    progress);
        } catch (DicomWebException e) {
            throw new DomainException(e.getMessage());
        } catch (IOException e) {
            throw new DomainException("Cannot make a folder for the retrieved images in " + incoming + ": " + e.getMessage());
        } finally {
            if (folder != null) {
                deleteTree(folder);
            }
        }
    }

    /**
     * C-MOVE to our Storage SCP. If it is not running, it is started for the retrieve as
     * {@code ourAeTitle} on {@code scpPort} and stopped afterwards; the PACS must know that AE title
     * with this workstation's address and port.
     */
    public ImportSummary retrieveByCMove(Actor actor, DicomNode pacs, String ourAeTitle, int scpPort,
            String studyInstanceUid) {
        actor.require(Permission.REGISTER_SCAN);
        List<ImportSummary> deliveries = new ArrayList<>();
        Consumer<ImportSummary> collect = summary -> {
            synchronized (deliveries) {
                deliveries.add(summary);
            }
        };
        boolean startedHere = !storageScp.isRunning();
        if (startedHere) {
            storageScp.start(actor, ourAeTitle, scpPort);
        }
        storageScp.onImported(collect);
        try {
            new QueryRetrieveScu(ourAeTitle).moveStudy(pacs, studyInstanceUid, ourAeTitle);
            if (startedHere) {
                storageScp.stop(actor); // hands over anything still waiting
            }
            storageScp.awaitIndexed();
        } catch (DimseException e) {
            throw new DomainException(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DomainException("The retrieve was interrupted");
        } finally {
            storageScp.removeListener(collect);
            if (startedHere && storageScp.isRunning()) {
                storageScp.stop(actor);
            }
        }
        synchronized (deliveries) {
            return combined(deliveries);
        }
    }

    private static ImportSummary combined(List<ImportSummary> parts) {
        int indexed = 0;
        int duplicates = 0;
        int studies = 0;
        int series = 0;
        int unmatched = 0;
        List<Rejection> rejected = new ArrayList<>();
        for (ImportSummary p : parts) {
            indexed += p.indexed();
            duplicates += p.duplicates();
            studies = Math.max(studies, p.studies());
            series = Math.max(series, p.series());
            unmatched = Math.max(unmatched, p.unmatched());
            rejected.addAll(p.rejected());
        }
        return new ImportSummary(indexed, duplicates, studies, series, unmatched, rejected, false);
    }

    private static void deleteTree(Path folder) {
        try (Stream<Path> tree = Files.walk(folder)) {
            tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
