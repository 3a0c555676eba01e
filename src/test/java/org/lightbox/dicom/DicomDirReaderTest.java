package org.lightbox.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.dicom.DicomReadException.Reason;
import org.lightbox.dicom.testing.Dcmtk;
import org.lightbox.dicom.testing.TestDicomFile;
import org.lightbox.dicom.testing.TestDicomFiles;

/** DICOMDIRs made by dcmtk's dcmmkdir, as on a patient CD, and a few hand-made broken ones. */
class DicomDirReaderTest {

    @TempDir
    Path medium;

    private final DicomDirReader reader = new DicomDirReader();
    private List<Path> images;

    @BeforeEach
    void burnThreeImagesWithADicomdir() {
        Path folder = medium.resolve("IMAGES");
        String study = TestDicomFile.newUid();
        images = List.of(
                TestDicomFiles.ct().study(study).instanceNumber(1).writeAs(folder.resolve("IM000001")),
                TestDicomFiles.ct().study(study).instanceNumber(2).writeAs(folder.resolve("IM000002")),
                TestDicomFiles.mr().writeAs(medium.resolve("SUB").resolve("IM000003")));
        Dcmtk.Result made = Dcmtk.run(medium, StandardCharsets.UTF_8, "dcmmkdir", "+r", "IMAGES", "SUB");
        assertThat(made.succeeded()).as(made.output()).isTrue();
    }

    @Test
    void listsEveryFileTheDicomdirRefersToResolvedAgainstItsFolder() throws Exception {
        List<Path> files = reader.referencedFiles(medium.resolve("DICOMDIR"));

        assertThat(files).containsExactlyInAnyOrderElementsOf(images.stream().map(Path::toAbsolutePath).toList());
        assertThat(files).allSatisfy(file -> assertThat(file).exists());
    }

    @Test
    void findsTheFilesOnAMediumMountedInLowerCase() throws Exception {
        Path lowerCased = medium.resolve("lower");
        Files.createDirectories(lowerCased.resolve("images"));
        Files.createDirectories(lowerCased.resolve("sub"));
        for (Path image : images) {
            Path relative = medium.relativize(image);
            Files.copy(image, lowerCased.resolve(relative.toString().toLowerCase(Locale.ROOT)));
        }
        Files.copy(medium.resolve("DICOMDIR"), lowerCased.resolve("dicomdir"));

        List<Path> files = reader.referencedFiles(lowerCased.resolve("dicomdir"));

        assertThat(files).hasSize(3).allSatisfy(file -> {
            assertThat(file).exists();
            assertThat(file.getFileName().toString()).startsWith("im00000");
        });
    }

    @Test
    void stillListsAFileTheMediumLacksSoThatReadingItReportsIt() throws Exception {
        Files.delete(images.get(0));

        assertThat(reader.referencedFiles(medium.resolve("DICOMDIR"))).contains(images.get(0).toAbsolutePath());
    }

    @Test
    void refusesADicomdirThatListsNothing() throws Exception {
        Path dicomdir = dicomdirFromDump("EMPTY", "");

        DicomReadException e = failure(() -> reader.referencedFiles(dicomdir));

        assertThat(e.reason()).isEqualTo(Reason.EMPTY_DIRECTORY);
        assertThat(e).hasMessageContaining("lists no files");
    }

    @Test
    void refusesADicomdirThatPointsOutsideItsFolder() throws Exception {
        Path dicomdir = dicomdirFromDump("EVIL", """
                  (fffe,e000) na (Item with undefined length)
                    (0004,1430) CS [IMAGE]
                    (0004,1500) CS [..\\..\\ETC\\PASSWD]
                  (fffe,e00d) na (ItemDelimitationItem)
                """);

        DicomReadException e = failure(() -> reader.referencedFiles(dicomdir));

        assertThat(e.reason()).isEqualTo(Reason.DAMAGED);
        assertThat(e).hasMessageContaining("not a file inside its folder");
    }

    @Test
    void refusesADicomdirCutShort() throws Exception {
        byte[] whole = Files.readAllBytes(medium.resolve("DICOMDIR"));
        Path cut = Files.write(medium.resolve("CUT"), Arrays.copyOf(whole, whole.length / 2));

        DicomReadException e = failure(() -> reader.referencedFiles(cut));

        assertThat(e.reason()).isIn(Reason.TRUNCATED, Reason.DAMAGED);
    }

    @Test
    void refusesAnImageOfferedAsDicomdir() {
        DicomReadException e = failure(() -> reader.referencedFiles(images.get(0)));

        assertThat(e.reason()).isEqualTo(Reason.WRONG_KIND);
        assertThat(e).hasMessageContaining("not a DICOMDIR");
    }

    @Test
    void refusesATextFileOfferedAsDicomdir() throws Exception {
        Path text = Files.writeString(medium.resolve("AUTORUN.INF"), "[autorun]\r\nopen=viewer.exe\r\n");

        assertThat(failure(() -> reader.referencedFiles(text)).reason())
                .isEqualTo(Reason.NOT_DICOM);
    }

    @Test
    void theHeaderReaderPointsADicomdirToTheDicomdirReader() {
        DicomReadException e = failure(() -> new DicomHeaderReader().read(medium.resolve("DICOMDIR")));

        assertThat(e.reason()).isEqualTo(Reason.WRONG_KIND);
        assertThat(e).hasMessageContaining("DICOMDIR");
    }

    private static DicomReadException failure(ThrowingCallable read) {
        Throwable thrown = catchThrowable(read);
        assertThat(thrown).isInstanceOf(DicomReadException.class);
        return (DicomReadException) thrown;
    }

    private Path dicomdirFromDump(String name, String records) throws Exception {
        String dump = """
                (0002,0002) UI =MediaStorageDirectoryStorage
                (0002,0003) UI [1.2.3.4]
                (0002,0010) UI =LittleEndianExplicit
                (0004,1130) CS [TEST]
                (0004,1200) up 0
                (0004,1202) up 0
                (0004,1212) US 0
                (0004,1220) SQ (Sequence with undefined length)
                """ + records + """
                (fffe,e0dd) na (SequenceDelimitationItem)
                """;
        Path dumpFile = Files.writeString(medium.resolve(name + ".dump"), dump);
        return Dcmtk.dump2dcm(dumpFile, medium.resolve(name));
    }
}
