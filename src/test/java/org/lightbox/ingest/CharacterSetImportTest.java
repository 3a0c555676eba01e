package org.lightbox.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lightbox.dicom.testing.PatientNameFiles;
import org.lightbox.dicom.testing.TestDicomFiles;

/**
 * Names in the images' own character set reach the unmatched queue as the technologist must read
 * them: from files our writer makes, and from files dcmtk's dump2dcm makes of the encoded bytes
 * (not our own library's round trip), ISO 2022 Japanese and Korean escapes included.
 */
class CharacterSetImportTest {
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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ISO_IR 100 | MÜLLER^Jürgen        | MÜLLER, Jürgen
            ISO_IR 101 | DVOŘÁK^Łucja         | DVOŘÁK, Łucja
            ISO_IR 126 | ΠΑΠΑΔΟΠΟΥΛΟΣ^ΕΛΕΝΗ   | ΠΑΠΑΔΟΠΟΥΛΟΣ, ΕΛΕΝΗ
            ISO_IR 144 | ИВАНОВ^Дмитрий       | ИВАНОВ, Дмитрий
            ISO_IR 127 | قباني^لنزار          | قباني, لنزار
            ISO_IR 138 | שרון^דבורה           | שרון, דבורה
            ISO_IR 192 | Wang^XiaoDong=王^小東 | WANG, XiaoDong
            GB18030    | 王^小东              | 王, 小东
            """)
    void aNameIsIndexedAsItsCharacterSetSpellsIt(String characterSet, String name, String shown) {
        Path file = TestDicomFiles.ct().characterSet(characterSet).patient("LB-CS", name).accession("")
                .writeTo(dir.resolve("scan"));

        department.importPaths(file);

        IndexedStudy study = department.workstation.unmatchedStudies().queue().get(0);
        assertThat(study.identity().name().raw()).isEqualTo(name);
        assertThat(study.identity().displayName()).isEqualTo(shown);
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
    void aNameInAFileDcmtkMadeIsStoredAndShownAsItReads(String characterSet, String javaCharset, String name,
            String shown) {
        department.importPaths(PatientNameFiles.write(dir.resolve("scan"), characterSet,
                name.getBytes(Charset.forName(javaCharset))));

        assertThat(department.workstation.unmatchedStudies().queue()).singleElement().satisfies(study -> {
            assertThat(study.identity().name().raw()).isEqualTo(name);
            assertThat(study.identity().displayName()).isEqualTo(shown);
        });
    }

    @Test
    void aKoreanNameWithIso2022EscapesIsStoredAndShownAsItReads() {
        department.importPaths(PatientNameFiles.write(dir.resolve("scan"), "\\ISO 2022 IR 149",
                PatientNameFiles.koreanExample()));

        assertThat(department.workstation.unmatchedStudies().queue()).singleElement().satisfies(study -> {
            assertThat(study.identity().name().raw()).isEqualTo("Hong^Gildong=洪^吉洞=홍^길동");
            assertThat(study.identity().displayName()).isEqualTo("HONG, Gildong");
        });
    }
}
