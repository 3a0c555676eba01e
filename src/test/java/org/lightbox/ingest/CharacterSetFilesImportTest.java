package org.lightbox.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lightbox.dicom.testing.Dcmtk;
import org.lightbox.dicom.testing.TestDicomFile;

/**
 * Files made by dcmtk's dump2dcm, their patient name in the bytes of the declared Specific
 * Character Set (not written by our own library), imported end to end: the unmatched queue
 * stores and shows the name as the technologist must read it.
 */
class CharacterSetFilesImportTest {
    @TempDir
    Path dir;
    IngestFixture department;

    @BeforeEach
    void openDepartment() {
        department = new IngestFixture(dir);
    }

    @AfterEach
    void close() {
        department.scenario.close();
    }

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ISO_IR 100         | ISO-8859-1  | MÜLLER^Jürgen                       | MÜLLER, Jürgen
            ISO_IR 101         | ISO-8859-2  | DVOŘÁK^Łucja                        | DVOŘÁK, Łucja
            ISO_IR 144         | ISO-8859-5  | ИВАНОВ^Дмитрий                      | ИВАНОВ, Дмитрий
            ISO_IR 126         | ISO-8859-7  | ΠΑΠΑΔΟΠΟΥΛΟΣ^ΕΛΕΝΗ                  | ΠΑΠΑΔΟΠΟΥΛΟΣ, ΕΛΕΝΗ
            ISO_IR 127         | ISO-8859-6  | قباني^لنزار                         | قباني, لنزار
            ISO_IR 138         | ISO-8859-8  | שרון^דבורה                          | שרון, דבורה
            ISO_IR 203         | ISO-8859-15 | ŠVEJK^Žofie Œlise                   | ŠVEJK, Žofie Œlise
            ISO_IR 192         | UTF-8       | Wang^XiaoDong=王^小東                | WANG, XiaoDong
            GB18030            | GB18030     | 王^小东                              | 王, 小东
            \\ISO 2022 IR 87   | ISO-2022-JP | Yamada^Tarou=山田^太郎=やまだ^たろう | YAMADA, Tarou
            """)
    void aNameWrittenInItsCharacterSetIsStoredAndShownAsItReads(String characterSet, String javaCharset, String name,
            String shown) throws Exception {
        Path file = fileWithName(characterSet, name.getBytes(Charset.forName(javaCharset)));

        department.importPaths(file);

        assertThat(department.workstation.unmatchedStudies().queue()).singleElement().satisfies(study -> {
            assertThat(study.identity().name().raw()).isEqualTo(name);
            assertThat(study.identity().displayName()).isEqualTo(shown);
        });
    }

    /** PS3.5 I.2, the standard's Korean example: KS X 1001 designated to G1 by ESC $ ) C in each component group. */
    @Test
    void aKoreanNameWithIso2022EscapesIsStoredAndShownAsItReads() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("Hong^Gildong=".getBytes(StandardCharsets.US_ASCII));
        korean(bytes, "洪");
        bytes.write('^');
        korean(bytes, "吉洞");
        bytes.write('=');
        korean(bytes, "홍");
        bytes.write('^');
        korean(bytes, "길동");
        Path file = fileWithName("\\ISO 2022 IR 149", bytes.toByteArray());

        department.importPaths(file);

        assertThat(department.workstation.unmatchedStudies().queue()).singleElement().satisfies(study -> {
            assertThat(study.identity().name().raw()).isEqualTo("Hong^Gildong=洪^吉洞=홍^길동");
            assertThat(study.identity().displayName()).isEqualTo("HONG, Gildong");
        });
    }

    private static void korean(ByteArrayOutputStream bytes, String text) throws Exception {
        bytes.writeBytes(new byte[] {0x1b, '$', ')', 'C'});
        bytes.writeBytes(text.getBytes("EUC-KR"));
    }

    private Path fileWithName(String specificCharacterSet, byte[] encodedName) throws Exception {
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        dump.writeBytes(("(0008,0005) CS [" + specificCharacterSet + "]\n"
                + "(0008,0016) UI =CTImageStorage\n"
                + "(0008,0018) UI [" + TestDicomFile.newUid() + "]\n"
                + "(0008,0060) CS [CT]\n"
                + "(0010,0010) PN [").getBytes(StandardCharsets.US_ASCII));
        dump.writeBytes(encodedName);
        dump.writeBytes(("]\n"
                + "(0010,0020) LO [LB-CS]\n"
                + "(0020,000d) UI [" + TestDicomFile.newUid() + "]\n"
                + "(0020,000e) UI [" + TestDicomFile.newUid() + "]\n"
                + """
                (0028,0002) US 1
                (0028,0004) CS [MONOCHROME2]
                (0028,0010) US 2
                (0028,0011) US 2
                (0028,0100) US 16
                (0028,0101) US 12
                (0028,0102) US 11
                (0028,0103) US 0
                (7fe0,0010) OW 0000\\0001\\0002\\0003
                """).getBytes(StandardCharsets.US_ASCII));
        Path dumpFile = Files.write(dir.resolve("name.dump"), dump.toByteArray());
        return Dcmtk.dump2dcm(dumpFile, Files.createDirectories(dir.resolve("scan")).resolve("name.dcm"));
    }
}
