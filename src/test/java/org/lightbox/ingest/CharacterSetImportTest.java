package org.lightbox.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lightbox.dicom.testing.TestDicomFiles;

/** Names in the images' own character set reach the unmatched queue as the technologist must read them. */
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
}
