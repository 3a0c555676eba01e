package org.lightbox.dicom.sample;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Re-encodes a DICOM file into another transfer syntax with the dcmtk command-line tools. dcmtk
 * rather than PixelMed: PixelMed does not write RLE or JPEG, and files made by an independent
 * toolkit make a fairer test of our decoders.
 */
public final class DcmtkTranscoder {

    private static final List<String> TOOLS = List.of("dcmconv", "dcmcrle", "dcmcjpeg");
    private static final long TIMEOUT_SECONDS = 120;

    private DcmtkTranscoder() {
    }

    /** A transcoder if every dcmtk tool it needs is on the PATH. */
    public static Optional<DcmtkTranscoder> ifInstalled() {
        return TOOLS.stream().allMatch(DcmtkTranscoder::onPath) ? Optional.of(new DcmtkTranscoder()) : Optional.empty();
    }

    static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String folder : path.split(File.pathSeparator)) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
                return true;
            }
        }
        return false;
    }

    public void transcode(Path source, SampleTransferSyntax target, Path destination) throws IOException {
        if (!target.needsTranscoding()) {
            throw new IllegalArgumentException(target + " is written directly, not transcoded");
        }
        List<String> command = new ArrayList<>(target.dcmtkCommand());
        command.add(source.toString());
        command.add(destination.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + output.strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + command.get(0), e);
        }
    }
}
