package org.lightbox.dicom.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dcmtk's command-line tools as an independent oracle and file factory for tests: {@code dcmdump}
 * says what a file holds, {@code dump2dcm} makes a file from text, {@code dcmconv}, {@code dcmcrle}
 * and {@code dcmcjpeg} re-encode. Tests may assume dcmtk is installed; CI installs it.
 */
public final class Dcmtk {

    /** What a command printed (stdout and stderr together) and how it ended. */
    public record Result(int exitCode, String output) {

        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    // (0010,0010) PN [MOREAU^ALICE]    # 12, 1 PatientName    or    (0028,0010) US 256    # 2, 1 Rows
    private static final Pattern DUMP_LINE = Pattern.compile(
            "^\\s*\\(([0-9a-f]{4},[0-9a-f]{4})\\) (\\w\\w) (?:\\[(.*)\\]|=?(.*?))\\s+#\\s*\\d+,\\s*\\d+ \\S+\\s*$");

    private Dcmtk() {
    }

    public static Result run(Path workingDirectory, Charset outputCharset, String... command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (workingDirectory != null) {
                builder.directory(workingDirectory.toFile());
            }
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), outputCharset);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " timed out");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command[0] + " (is dcmtk installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static Result run(String... command) {
        return run(null, StandardCharsets.UTF_8, command);
    }

    /** Runs a command that must succeed, e.g. {@code dcmconv +tb in out}. */
    public static void runOrFail(String... command) {
        Result result = run(command);
        if (!result.succeeded()) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + result.output());
        }
    }

    /** Re-encodes {@code source} with a dcmtk tool and its options, e.g. {@code transcode(in, out, "dcmcjpeg", "+e1")}. */
    public static Path transcode(Path source, Path destination, String... toolAndOptions) {
        List<String> command = new ArrayList<>(Arrays.asList(toolAndOptions));
        command.add(source.toString());
        command.add(destination.toString());
        runOrFail(command.toArray(String[]::new));
        return destination;
    }

    /** Makes a DICOM file from a dump in dcmdump's text format; the dump's bytes are taken as they are. */
    public static Path dump2dcm(Path dump, Path destination) {
        return dump2dcm(dump, destination, "--write-xfer-little");
    }

    /** @param options how to write, e.g. {@code +ti -e}: implicit VR, sequences and items of undefined length */
    public static Path dump2dcm(Path dump, Path destination, String... options) {
        List<String> command = new ArrayList<>(List.of("dump2dcm"));
        command.addAll(Arrays.asList(options));
        command.add(dump.toString());
        command.add(destination.toString());
        runOrFail(command.toArray(String[]::new));
        return destination;
    }

    /**
     * The value of one top-level attribute as dcmdump prints it ({@code 40\400} for several values),
     * "" if present but empty, null if absent. UIDs come as numbers, not names.
     *
     * @param tag e.g. {@code "0010,0010"}
     * @param utf8 converts texts to UTF-8 using the file's Specific Character Set (dcmdump +U8)
     */
    public static String value(Path file, String tag, boolean utf8) {
        List<String> command = new ArrayList<>(List.of("dcmdump", "-q", "-Un", "+P", tag));
        if (utf8) {
            command.add("+U8");
        }
        command.add(file.toString());
        Result result = run(null, StandardCharsets.UTF_8, command.toArray(String[]::new));
        if (!result.succeeded()) {
            throw new IllegalStateException("dcmdump failed on " + file + ": " + result.output());
        }
        for (String line : result.output().split("\n")) {
            Matcher matcher = DUMP_LINE.matcher(line);
            if (matcher.matches() && matcher.group(1).equalsIgnoreCase(tag) && !line.startsWith(" ")) {
                String value = matcher.group(3) != null ? matcher.group(3) : matcher.group(4);
                return value.equals("(no value available)") ? "" : value;
            }
        }
        return null;
    }

    public static String value(Path file, String tag) {
        return value(file, tag, false);
    }

    /** Several top-level attributes (meta header included) in one dcmdump run: tag to value, absent tags left out. */
    public static java.util.Map<String, String> values(Path file, String... tags) {
        List<String> command = new ArrayList<>(List.of("dcmdump", "-q", "-Un"));
        for (String tag : tags) {
            command.add("+P");
            command.add(tag);
        }
        command.add(file.toString());
        Result result = run(null, StandardCharsets.UTF_8, command.toArray(String[]::new));
        if (!result.succeeded()) {
            throw new IllegalStateException("dcmdump failed on " + file + ": " + result.output());
        }
        java.util.Map<String, String> values = new java.util.HashMap<>();
        for (String line : result.output().split("\n")) {
            Matcher matcher = DUMP_LINE.matcher(line);
            if (matcher.matches() && !line.startsWith(" ")) {
                String value = matcher.group(3) != null ? matcher.group(3) : matcher.group(4);
                values.putIfAbsent(matcher.group(1).toLowerCase(java.util.Locale.ROOT),
                        value.equals("(no value available)") ? "" : value);
            }
        }
        return values;
    }
}
