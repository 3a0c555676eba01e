package org.lightbox.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log of a real run of the jar's main class, in a process of its own. */
class LogFilesTest {
    @TempDir
    Path dir;

    private String lightbox(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process run = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String terminal = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return terminal;
    }

    @Test
    void aHeadlessRunLogsIntoTheDataFolderAndTheTerminalGetsOnlyWhatNeedsAttention() throws Exception {
        Path data = dir.resolve("data");
        Path scans = Files.createDirectories(dir.resolve("scans"));
        Files.write(scans.resolve("broken.dcm"), "DICM? not really".getBytes(StandardCharsets.US_ASCII));

        String terminal = lightbox("import", scans.toString(), "--data-dir", data.toString());

        Path log = data.resolve("logs/lightbox.log");
        assertThat(log).exists();
        String logged = Files.readString(log);
        assertThat(logged).contains("INFO", "data folder " + data);
        assertThat(logged).as("PixelMed stays quiet").doesNotContain("com.pixelmed");
        assertThat(terminal).doesNotContain("INFO");
    }

    @Test
    void helpWritesNoLog() throws Exception {
        assertThat(lightbox("--help", "--data-dir", dir.toString())).contains("Usage: lightbox");
        assertThat(dir.resolve("logs")).doesNotExist();
    }
}
