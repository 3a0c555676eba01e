package org.lightbox.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lightbox.dicom.testing.Dcmtk;
import org.lightbox.dicom.testing.PatientNameFiles;

/**
 * Patient names written by dcmtk's dump2dcm in the bytes of their character set, decoded by our
 * reader, and checked against dcmdump's own conversion to UTF-8 where dcmtk has one.
 */
class PatientNameCharacterSetTest {

    @TempDir
    Path folder;

    private final DicomHeaderReader reader = new DicomHeaderReader();

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ISO_IR 100      | ISO-8859-1 | MÜLLER^Jürgen
            ISO_IR 101      | ISO-8859-2 | DVOŘÁK^Łucja
            ISO_IR 109      | ISO-8859-3 | BORĠ^Ġorġ
            ISO_IR 110      | ISO-8859-4 | ŠĶĒLE^Ģirts
            ISO_IR 148      | ISO-8859-9 | ÖZTÜRK^Şule
            ISO_IR 126      | ISO-8859-7 | ΠΑΠΑΔΟΠΟΥΛΟΣ^ΕΛΕΝΗ
            ISO_IR 144      | ISO-8859-5 | ИВАНОВ^Дмитрий
            ISO_IR 127      | ISO-8859-6 | قباني^لنزار
            ISO_IR 138      | ISO-8859-8 | שרון^דבורה
            ISO_IR 166      | TIS-620    | ทดสอบ^ชื่อ
            ISO_IR 192      | UTF-8      | Wang^XiaoDong=王^小東
            GB18030         | GB18030    | Wang^XiaoDong=王^小东
            GBK             | GBK        | Wang^XiaoDong=王^小东
            ISO_IR 13       | Shift_JIS  | ﾔﾏﾀﾞ^ﾀﾛｳ
            """)
    void decodesANameInItsSingleByteOrUnicodeCharacterSet(String characterSet, String javaCharset, String name)
            throws Exception {
        Path file = fileWithName(characterSet, name.getBytes(Charset.forName(javaCharset)));

        PersonName decoded = reader.read(file).patient().name();

        assertThat(decoded.raw()).isEqualTo(name).isEqualTo(Dcmtk.value(file, "0010,0010", true));
    }

    /**
     * PS3.5 H.3.1, the standard's own example. dcmtk's iconv-based conversion does not support
     * ISO 2022 IR 87, so Java's ISO-2022-JP decoder is the oracle here.
     */
    @Test
    void decodesAJapaneseNameWrittenWithIso2022EscapeSequences() throws Exception {
        String name = "Yamada^Tarou=山田^太郎=やまだ^たろう";
        Path file = fileWithName("\\ISO 2022 IR 87", name.getBytes("ISO-2022-JP"));

        PersonName decoded = reader.read(file).patient().name();

        assertThat(decoded.raw()).isEqualTo(new String(name.getBytes("ISO-2022-JP"), "ISO-2022-JP"));
        assertThat(decoded.family()).isEqualTo("Yamada");
        assertThat(decoded.given()).isEqualTo("Tarou");
        assertThat(decoded.ideographic()).isEqualTo("山田^太郎");
        assertThat(decoded.phonetic()).isEqualTo("やまだ^たろう");
    }

    /** PS3.5 I.2, the standard's Korean example: KS X 1001 designated to G1 by ESC $ ) C, per component. */
    @Test
    void decodesAKoreanNameWrittenWithIso2022EscapeSequences() throws Exception {
        Path file = fileWithName("\\ISO 2022 IR 149", PatientNameFiles.koreanExample());

        PersonName decoded = reader.read(file).patient().name();

        assertThat(decoded.raw()).isEqualTo("Hong^Gildong=洪^吉洞=홍^길동").isEqualTo(Dcmtk.value(file, "0010,0010", true));
    }

    @Test
    void readsAnUndeclaredNonAsciiNameAsLatin1() throws Exception {
        Path file = fileWithName("", "MÜLLER^Hans".getBytes(StandardCharsets.ISO_8859_1));

        assertThat(reader.read(file).patient().name().family()).isEqualTo("MÜLLER");
    }

    private Path fileWithName(String specificCharacterSet, byte[] encodedName) {
        return PatientNameFiles.write(folder, specificCharacterSet, encodedName);
    }
}
