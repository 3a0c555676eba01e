package org.lightbox.dicom.net;

import com.pixelmed.dicom.StoredFilePathStrategy;
import com.pixelmed.network.AnyExplicitStoreFindMoveGetPresentationContextSelectionPolicy;
import com.pixelmed.network.Association;
import com.pixelmed.network.AssociationStatusHandler;
import com.pixelmed.network.ReceivedObjectHandler;
import com.pixelmed.network.StorageSOPClassSCPDispatcher;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A DICOM Storage SCP (PS3.4 Annex B) with Verification (C-ECHO, Annex A): PixelMed's dispatcher
 * accepts associations on a port, writes each C-STORE into a spool folder, and this class hands
 * the files of an association to a {@link ReceivedInstances} once the association is released,
 * so that what it delivered is indexed as one run rather than one transaction per image.
 */
public final class StorageScp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(StorageScp.class);
    private static final long START_TIMEOUT_MS = 10_000;

    private final String aeTitle;
    private final int port;
    private final ReceivedInstances receiver;
    private final Map<String, List<Path>> pending = new ConcurrentHashMap<>();
    private final StorageSOPClassSCPDispatcher dispatcher;
    private final Thread thread;

    private StorageScp(String aeTitle, int port, Path spool, ReceivedInstances receiver) throws IOException {
        this.aeTitle = aeTitle;
        this.port = port;
        this.receiver = receiver;
        this.dispatcher = new StorageSOPClassSCPDispatcher(port, aeTitle, spool.toFile(),
                StoredFilePathStrategy.BYSOPINSTANCEUIDINSINGLEFOLDER, new Received(), new Released(), null, null, null,
                new AnyExplicitStoreFindMoveGetPresentationContextSelectionPolicy(), false);
        this.thread = new Thread(dispatcher, "storage-scp-" + port);
        this.thread.setDaemon(true);
    }

    /**
     * Starts listening on all interfaces.
     *
     * @param spool where received files are written before the receiver takes them
     * @throws DimseException if the port is taken or cannot be opened
     */
    public static StorageScp start(String aeTitle, int port, Path spool, ReceivedInstances receiver) throws DimseException {
        String title = DicomNode.checkedAeTitle(aeTitle);
        checkPortIsFree(port);
        try {
            Files.createDirectories(spool);
            StorageScp scp = new StorageScp(title, port, spool, receiver);
            scp.thread.start();
            scp.awaitReady();
            log.info("Storage SCP {} listening on port {}", title, port);
            return scp;
        } catch (IOException e) {
            throw new DimseException("Cannot start the Storage SCP on port " + port + ": " + e.getMessage(), e);
        }
    }

    /** PixelMed only logs a failed bind; find out first, with a message an operator can act on. */
    private static void checkPortIsFree(int port) throws DimseException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new DimseException("Port " + port + " is already in use or not allowed (" + e.getMessage()
                    + "); choose another port for the Storage SCP");
        }
    }

    private void awaitReady() throws DimseException {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        while (!dispatcher.isReady()) {
            if (!thread.isAlive() || System.currentTimeMillis() > deadline) {
                dispatcher.shutdown();
                throw new DimseException("The Storage SCP did not start listening on port " + port);
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(5); // PixelMed offers no signal to wait on, only isReady()
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DimseException("Interrupted while starting the Storage SCP");
            }
        }
    }

    public String aeTitle() {
        return aeTitle;
    }

    public int port() {
        return port;
    }

    /** Stops accepting associations and hands over what is still waiting. */
    @Override
    public void close() {
        dispatcher.shutdown();
        wakeAcceptLoop();
        try {
            thread.join(START_TIMEOUT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pending.keySet().forEach(this::handOver);
        log.info("Storage SCP {} on port {} stopped", aeTitle, port);
    }

    /**
     * PixelMed's dispatcher notices shutdown() only when accept() returns, which without a
     * connection takes its socket timeout (seconds); a connection that closes at once makes it
     * return now, so the port is free again when close() returns.
     */
    private void wakeAcceptLoop() {
        try (Socket wake = new Socket()) {
            wake.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
        } catch (IOException e) {
            // already stopped listening: nothing to wake
        }
    }

    private void handOver(String callingAeTitle) {
        // remove() and compute() are atomic per key: no file is added to a list already handed over.
        List<Path> files = pending.remove(callingAeTitle);
        if (files != null && !files.isEmpty()) {
            receiver.received(callingAeTitle, List.copyOf(files));
        }
    }

    private final class Received extends ReceivedObjectHandler {
        @Override
        public void sendReceivedObjectIndication(String fileName, String transferSyntax, String callingAeTitle) {
            if (fileName == null) {
                return;
            }
            // Only paths wait here (the files are in the spool), and only until the association is released:
            // the sender's release is the one sign that a study has arrived whole, so it is indexed and
            // registered then, never with part of its images.
            String caller = callingAeTitle == null ? "" : callingAeTitle.strip();
            pending.compute(caller, (k, waiting) -> {
                List<Path> list = waiting == null ? new ArrayList<>() : waiting;
                list.add(Path.of(fileName));
                return list;
            });
        }
    }

    private final class Released extends AssociationStatusHandler {
        @Override
        public void sendAssociationReleaseIndication(Association association) {
            // Files of an association that was aborted wait for the next release or for close().
            String caller = association == null ? "" : String.valueOf(association.getCallingAETitle()).strip();
            handOver(caller);
        }
    }
}
