package org.lightbox.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.lightbox.dicom.DicomHeader;
import org.lightbox.dicom.DicomHeaderReader;
import org.lightbox.dicom.DicomReadException;
import org.lightbox.store.StoreException;

/**
 * Reads the headers of a batch of files in parallel (parsing stops before the pixel data) and
 * sorts them into readable and rejected. Reading is where indexing spends its time, and it is
 * independent per file, so it runs on every core; writing the index stays on one thread.
 */
final class HeaderReads {

    /** The outcome for one batch, in the batch's order. */
    record Batch(List<ReadHeader> readable, List<Rejected> rejected) {
    }

    /** A file that cannot be indexed and the reason. */
    record Rejected(Path file, Rejection why) {
    }

    private final DicomHeaderReader reader;
    private final ManagedStore store;

    /** @param store where copies are staged; null to read headers only (the benchmark) */
    HeaderReads(DicomHeaderReader reader, ManagedStore store) {
        this.reader = reader;
        this.store = store;
    }

    /**
     * Starts reading a batch on the workers and returns at once, so that the caller can index the
     * batch before while these files are read.
     *
     * @param stop once true, files not yet begun are skipped; the caller then drops the batch
     */
    Pending start(List<Path> files, ExecutorService workers, BooleanSupplier stop) {
        CompletionService<Object> reads = new ExecutorCompletionService<>(workers);
        Map<Future<Object>, Integer> order = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            Path file = files.get(i);
            order.put(reads.submit(() -> stop.getAsBoolean() ? null : readOne(file)), i);
        }
        return new Pending(files, reads, order);
    }

    /** A batch whose files are being read. */
    static final class Pending {
        private final List<Path> files;
        private final CompletionService<Object> reads;
        private final Map<Future<Object>, Integer> order;

        private Pending(List<Path> files, CompletionService<Object> reads, Map<Future<Object>, Integer> order) {
            this.files = files;
            this.reads = reads;
            this.order = order;
        }

        /**
         * Waits for the whole batch.
         *
         * @param eachRead told after each file is read, on the calling thread (so a progress bar moves per file)
         */
        Batch finish(Runnable eachRead) throws InterruptedException {
            Object[] outcomes = new Object[files.size()];
            for (int n = 0; n < files.size(); n++) {
                Future<Object> done = reads.take();
                int i = order.get(done);
                outcomes[i] = result(done, files.get(i));
                if (outcomes[i] != null) {
                    eachRead.run();
                }
            }
            List<ReadHeader> readable = new ArrayList<>();
            List<Rejected> rejected = new ArrayList<>();
            for (Object outcome : outcomes) {
                if (outcome instanceof ReadHeader ok) {
                    readable.add(ok);
                } else if (outcome != null) {
                    rejected.add((Rejected) outcome);
                }
            }
            return new Batch(readable, rejected);
        }
    }

    private Object readOne(Path file) {
        try {
            DicomHeader header = reader.read(file);
            String badUid = invalidUid(header);
            if (badUid != null) {
                return new Rejected(file, new Rejection(file.toString(), "INVALID_UID", badUid));
            }
            return new ReadHeader(file, header, Files.size(file), staged(file));
        } catch (DicomReadException e) {
            return new Rejected(file, new Rejection(file.toString(), e.reason().name(), e.problem()));
        } catch (IOException e) {
            return new Rejected(file, new Rejection(file.toString(), "CANNOT_OPEN", "the file cannot be read ("
                    + e.getMessage() + ")"));
        }
    }

    /** The copy is made here, in parallel, rather than one by one inside the indexing transaction. */
    private Path staged(Path file) {
        if (store == null) {
            return null;
        }
        try {
            return store.stage(file);
        } catch (IOException e) {
            throw store.cannotCopy(file, e);
        }
    }

    /** UIDs name folders and files in the managed store; a malformed one must not. */
    private static String invalidUid(DicomHeader h) {
        String[][] uids = {{"Study Instance UID", h.study().instanceUid()}, {"Series Instance UID", h.series().instanceUid()},
                {"SOP Instance UID", h.instance().sopInstanceUid()}};
        for (String[] uid : uids) {
            if (!DicomUids.isValid(uid[1])) {
                return "invalid " + uid[0] + " \"" + uid[1] + "\": a UID is digits and dots, at most 64 characters"
                        + " (PS3.5 9.1); the sending system must fix it";
            }
        }
        return null;
    }

    private static Object result(Future<Object> outcome, Path file) throws InterruptedException {
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StoreException store) {
                throw store; // the data folder is the problem, not the file: the import cannot go on
            }
            // The reader promises DicomReadException only; anything else is still one bad file, not a failed import.
            Throwable cause = e.getCause();
            return new Rejected(file, new Rejection(file.toString(), "DAMAGED", "the file could not be read ("
                    + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")"));
        }
    }
}
