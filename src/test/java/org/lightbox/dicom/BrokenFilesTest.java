package org.lightbox.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.lightbox.dicom.DicomReadException.Reason.CANNOT_OPEN;
import static org.lightbox.dicom.DicomReadException.Reason.DAMAGED;
import static org.lightbox.dicom.DicomReadException.Reason.NOT_DICOM;
import static org.lightbox.dicom.DicomReadException.Reason.TRUNCATED;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lightbox.dicom.testing.Dcmtk;
import org.lightbox.dicom.testing.TestDicomFiles;

/**
 * What an import meets on a real patient CD or network share: files that are not DICOM, copies
 * cut short, bytes flipped. Every one must end in a DicomReadException a user can read, and never
 * in any other exception.
 */
class BrokenFilesTest {

    @TempDir
    Path folder;

    private final DicomHeaderReader reader = new DicomHeaderReader();

    @Test
    void aTextFileIsNotDicom() throws Exception {
        Path file = Files.writeString(folder.resolve("README.TXT"), "Patient CD\r\nInsert into any PC and run VIEWER.EXE\r\n");

        assertThat(failure(file)).satisfies(e -> assertThat(e.reason()).isEqualTo(NOT_DICOM))
                .hasMessage(file + ": not a DICOM file");
    }

    @Test
    void aJpegPictureIsNotDicom() throws Exception {
        byte[] jpeg = new byte[400];
        jpeg[0] = (byte) 0xff;
        jpeg[1] = (byte) 0xd8;
        jpeg[2] = (byte) 0xff;
        jpeg[3] = (byte) 0xe0;

        assertThat(failure(Files.write(folder.resolve("photo.jpg"), jpeg)).reason()).isEqualTo(NOT_DICOM);
    }

    @Test
    void anEmptyFileSaysItIsEmpty() throws Exception {
        Path file = Files.write(folder.resolve("empty.dcm"), new byte[0]);

        assertThat(failure(file)).satisfies(e -> assertThat(e.reason()).isEqualTo(NOT_DICOM)).hasMessageContaining("empty");
    }

    @Test
    void aMissingFileCannotBeOpened() {
        Path file = folder.resolve("gone.dcm");

        assertThat(failure(file)).satisfies(e -> assertThat(e.reason()).isEqualTo(CANNOT_OPEN)).hasMessageContaining("not found");
    }

    @Test
    void aFolderCannotBeOpenedAsAFile() {
        assertThat(failure(folder).reason()).isEqualTo(CANNOT_OPEN);
    }

    @Test
    void aFileWithoutItsPreambleIsDamaged() throws Exception {
        byte[] bytes = Files.readAllBytes(TestDicomFiles.ct().writeTo(folder));
        Path file = Files.write(folder.resolve("cut.dcm"), Arrays.copyOfRange(bytes, 128, bytes.length));

        assertThat(failure(file)).satisfies(e -> assertThat(e.reason()).isEqualTo(DAMAGED))
                .hasMessageContaining("preamble is missing");
    }

    static Stream<Arguments> encodings() {
        return Stream.of(
                Arguments.of("explicit VR little endian", List.of()),
                Arguments.of("implicit VR little endian", List.of("dcmconv", "+ti")),
                Arguments.of("raw implicit VR data set", List.of("dcmconv", "--write-dataset", "+ti")),
                Arguments.of("explicit VR big endian", List.of("dcmconv", "+tb")),
                Arguments.of("deflated", List.of("dcmconv", "+td")),
                Arguments.of("RLE", List.of("dcmcrle")),
                Arguments.of("JPEG lossless", List.of("dcmcjpeg", "+e1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void aFileCutShortAnywhereIsTruncated(String name, List<String> reEncoding) throws Exception {
        byte[] whole = Files.readAllBytes(encoded(reEncoding));

        for (int length = 1; length < whole.length; length += Math.max(1, Math.min(41, whole.length / 150))) {
            Path cut = Files.write(folder.resolve("cut-" + length + ".dcm"), Arrays.copyOf(whole, length));

            DicomReadException e = failure(cut);

            assertThat(e.reason()).as("cut at %d of %d bytes: %s", length, whole.length, e.getMessage())
                    .isIn(TRUNCATED, NOT_DICOM, DAMAGED);
            Files.delete(cut);
        }
        Path lastByteMissing = Files.write(folder.resolve("last.dcm"), Arrays.copyOf(whole, whole.length - 1));
        assertThat(failure(lastByteMissing).reason()).isEqualTo(TRUNCATED);
    }

    @Test
    void aCopyInterruptedInsideThePixelsSaysSo() throws Exception {
        byte[] whole = Files.readAllBytes(TestDicomFiles.ct().image(64, 64).writeTo(folder));
        Path cut = Files.write(folder.resolve("cut.dcm"), Arrays.copyOf(whole, whole.length - 1000));

        assertThat(failure(cut)).satisfies(e -> assertThat(e.reason()).isEqualTo(TRUNCATED))
                .hasMessageContaining("pixel data is cut short");
    }

    @Test
    void aValueLengthLongerThanTheFileIsDamaged() throws Exception {
        Path file = TestDicomFiles.ct().patient("LB-1", "LENGTH^TEST").writeTo(folder);
        byte[] bytes = Files.readAllBytes(file);
        int name = indexOf(bytes, "LENGTH^TEST".getBytes(StandardCharsets.US_ASCII));
        // explicit VR PN: tag(4) VR(2) length(2) value; a short length cannot exceed 64 KB, so turn the
        // VR into UN, whose 32-bit length then claims 1 GB.
        ByteBuffer.wrap(bytes, name - 4, 4).order(ByteOrder.LITTLE_ENDIAN).put((byte) 'U').put((byte) 'N').putShort((short) 0);
        ByteBuffer.wrap(bytes, name, 4).order(ByteOrder.LITTLE_ENDIAN).putInt(1 << 30);
        Files.write(file, bytes);

        assertThat(failure(file).reason()).isIn(DAMAGED, TRUNCATED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void flippedBytesNeverEscapeAsAnotherException(String name, List<String> reEncoding) throws Exception {
        byte[] whole = Files.readAllBytes(encoded(reEncoding));
        Random random = new Random(name.hashCode());
        int headerSpan = Math.min(whole.length, 1200);

        for (int attempt = 0; attempt < 250; attempt++) {
            byte[] damaged = whole.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                damaged[random.nextInt(headerSpan)] ^= (byte) (1 << random.nextInt(8));
            }
            Path file = Files.write(folder.resolve("flipped.dcm"), damaged);

            Throwable thrown = catchThrowable(() -> reader.read(file));

            assertThat(thrown).as("attempt %d", attempt).satisfiesAnyOf(
                    t -> assertThat(t).isNull(),
                    t -> assertThat(t).isInstanceOf(DicomReadException.class));
        }
    }

    private Path encoded(List<String> reEncoding) {
        Path original = TestDicomFiles.ct().image(48, 48).writeTo(folder);
        if (reEncoding.isEmpty()) {
            return original;
        }
        return Dcmtk.transcode(original, folder.resolve("encoded.dcm"), reEncoding.toArray(String[]::new));
    }

    private DicomReadException failure(Path file) {
        Throwable thrown = catchThrowable(() -> reader.read(file));
        assertThat(thrown).as("reading %s", file.getFileName()).isInstanceOf(DicomReadException.class);
        return (DicomReadException) thrown;
    }

    private static int indexOf(byte[] bytes, byte[] needle) {
        for (int i = 0; i <= bytes.length - needle.length; i++) {
            if (Arrays.equals(bytes, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }
}
