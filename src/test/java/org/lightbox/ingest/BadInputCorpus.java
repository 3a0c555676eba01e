package org.lightbox.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lightbox.dicom.testing.Dcmtk;
import org.lightbox.dicom.testing.TestDicomFiles;

/**
 * The bad files a technologist meets on CDs and in shared folders, made fresh for each test:
 * not DICOM at all, cut short, bytes flipped, preamble dropped, identifiers missing or malformed,
 * an unknown transfer syntax, a DICOMDIR that lists nothing.
 */
final class BadInputCorpus {

    private BadInputCorpus() {
    }

    /** Writes the corpus into {@code folder}; the map names each file by the problem it has. */
    static Map<String, Path> writeInto(Path folder) throws IOException {
        Files.createDirectories(folder);
        Map<String, Path> corpus = new LinkedHashMap<>();
        corpus.put("text file", Files.writeString(folder.resolve("README.TXT"), "Patient CD. Insert and run viewer.exe\n"));
        corpus.put("empty file", Files.write(folder.resolve("EMPTY.dcm"), new byte[0]));
        byte[] whole = Files.readAllBytes(TestDicomFiles.ct().image(32, 32).writeTo(folder.resolve("tmp")));
        corpus.put("truncated in the header", Files.write(folder.resolve("CUTHEAD.dcm"), Arrays.copyOf(whole, 400)));
        corpus.put("truncated in the pixels", Files.write(folder.resolve("CUTPIX.dcm"), Arrays.copyOf(whole, whole.length - 300)));
        corpus.put("preamble dropped", Files.write(folder.resolve("NOPREAMBLE.dcm"), Arrays.copyOfRange(whole, 128, whole.length)));
        corpus.put("flipped bytes", Files.write(folder.resolve("FLIPPED.dcm"), flipped(whole)));
        corpus.put("bad VR", Files.write(folder.resolve("BADVR.dcm"), badVr(whole)));
        corpus.put("missing SOP Instance UID", TestDicomFiles.ct().without("SOPInstanceUID")
                .writeAs(folder.resolve("NOSOP.dcm")));
        corpus.put("missing Study Instance UID", TestDicomFiles.ct().without("StudyInstanceUID")
                .writeAs(folder.resolve("NOSTUDY.dcm")));
        corpus.put("malformed UID", TestDicomFiles.ct().study("1.2.840.ABC/../../etc").writeAs(folder.resolve("BADUID.dcm")));
        corpus.put("unknown transfer syntax", Files.write(folder.resolve("UNKNOWNTS.dcm"), unknownSyntax(whole)));
        corpus.put("empty DICOMDIR", emptyDicomDir(folder.resolve("cd")));
        deleteRecursively(folder.resolve("tmp"));
        return corpus;
    }

    /** Flips every byte of the data set's first kilobyte after the meta header: the encoding is garbage. */
    private static byte[] flipped(byte[] whole) {
        byte[] bytes = whole.clone();
        int start = indexOf(bytes, "1.2.840.10008.1.2.1".getBytes(StandardCharsets.US_ASCII), 132) + 30;
        for (int i = start; i < Math.min(bytes.length, start + 1024); i++) {
            bytes[i] = (byte) ~bytes[i];
        }
        return bytes;
    }

    /** The VR of Patient's Name (explicit VR) replaced by two letters no VR has. */
    private static byte[] badVr(byte[] whole) {
        byte[] bytes = whole.clone();
        int name = indexOf(bytes, new byte[] {0x10, 0x00, 0x10, 0x00, 'P', 'N'}, 132);
        bytes[name + 4] = 'Q';
        bytes[name + 5] = '#';
        return bytes;
    }

    /** The meta header names a transfer syntax outside the standard's (same length, so the file stays well formed). */
    private static byte[] unknownSyntax(byte[] whole) {
        byte[] bytes = whole.clone();
        byte[] standard = "1.2.840.10008.1.2.1".getBytes(StandardCharsets.US_ASCII);
        byte[] unknown = "1.3.999.99999.9.9.9".getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(bytes, standard, 132);
        System.arraycopy(unknown, 0, bytes, at, unknown.length);
        return bytes;
    }

    private static Path emptyDicomDir(Path medium) throws IOException {
        Files.createDirectories(medium);
        String dump = """
                (0002,0002) UI =MediaStorageDirectoryStorage
                (0002,0003) UI [1.2.3.4]
                (0002,0010) UI =LittleEndianExplicit
                (0004,1130) CS [EMPTYCD]
                (0004,1200) up 0
                (0004,1202) up 0
                (0004,1212) US 0
                (0004,1220) SQ (Sequence with undefined length)
                (fffe,e0dd) na (SequenceDelimitationItem)
                """;
        Path dumpFile = Files.writeString(medium.resolve("empty.dump"), dump);
        Path dicomdir = Dcmtk.dump2dcm(dumpFile, medium.resolve("DICOMDIR"));
        Files.delete(dumpFile);
        return dicomdir;
    }

    private static int indexOf(byte[] bytes, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= bytes.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("pattern not found in the test file");
    }

    private static void deleteRecursively(Path folder) {
        try (var tree = Files.walk(folder)) {
            tree.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
