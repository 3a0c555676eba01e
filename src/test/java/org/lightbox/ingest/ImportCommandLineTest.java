package org.lightbox.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.dicom.testing.TestDicomFiles;

/**
 * {@code java ... lightbox import} as a user runs it, through the jar's main class in a JVM of its
 * own: a data folder it cannot write is a failed run (non-zero exit) with a message that says what
 * is wrong with which folder, not a stack trace.
 */
class ImportCommandLineTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private Run lightbox(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.lightbox.app.Main"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void aDataFolderThatIsAFileEndsTheRunWithANonZeroExitAndSaysWhy() throws Exception {
        Path notAFolder = Files.writeString(dir.resolve("lightbox-data"), "a file, not a folder");
        Path slice = TestDicomFiles.ct().writeTo(dir.resolve("scan"));

        Run run = lightbox("--data-dir", notAFolder.toString(), "import", "--json", slice.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().strip()).startsWith("lightbox: ").contains(notAFolder.toString())
                .contains("is a file where a folder must be").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void anImageStoreThatCannotBeWrittenEndsTheRunWithANonZeroExitAndSaysWhy() throws Exception {
        Path data = dir.resolve("data");
        Path slice = TestDicomFiles.ct().writeTo(dir.resolve("scan"));
        assertThat(lightbox("--data-dir", data.toString(), "audit", "verify").exit()).isZero();
        Files.writeString(data.resolve("dicom"), "in the way");

        Run run = lightbox("import", "--data-dir", data.toString(), slice.toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("lightbox: Cannot copy " + slice + " into the image store "
                + data.resolve("dicom") + ": " + data.resolve("dicom/.staging") + ": Not a directory");
    }
}
