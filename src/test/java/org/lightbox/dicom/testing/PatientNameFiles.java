package org.lightbox.dicom.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small CT files made by dcmtk's dump2dcm whose Patient's Name is given as raw bytes in a declared
 * Specific Character Set: the bytes reach the file untouched by our own writer.
 */
public final class PatientNameFiles {

    /** The Study and Series Instance UIDs and the Image Pixel module of a 2x2 image, as dump2dcm reads them. */
    public static final String UIDS_AND_IMAGE_PIXEL = """
            (0020,000d) UI [1.2.3.4]
            (0020,000e) UI [1.2.3.4.1]
            (0028,0002) US 1
            (0028,0004) CS [MONOCHROME2]
            (0028,0010) US 2
            (0028,0011) US 2
            (0028,0100) US 16
            (0028,0101) US 12
            (0028,0102) US 11
            (0028,0103) US 0
            """;

    private PatientNameFiles() {
    }

    /**
     * Writes {@code folder/name.dcm}.
     *
     * @param specificCharacterSet the value of (0008,0005), e.g. {@code ISO_IR 100}; "" leaves it out
     */
    public static Path write(Path folder, String specificCharacterSet, byte[] encodedName) {
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        String header = (specificCharacterSet.isEmpty() ? "" : "(0008,0005) CS [" + specificCharacterSet + "]\n")
                + "(0008,0016) UI =CTImageStorage\n"
                + "(0008,0018) UI [1.2.3.4.5.6]\n"
                + "(0008,0060) CS [CT]\n"
                + "(0010,0010) PN [";
        dump.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
        dump.writeBytes(encodedName);
        dump.writeBytes(("""
                ]
                (0010,0020) LO [LB-1]
                """ + UIDS_AND_IMAGE_PIXEL + """
                (7fe0,0010) OW 0000\\0001\\0002\\0003
                """).getBytes(StandardCharsets.US_ASCII));
        try {
            Files.createDirectories(folder);
            Path dumpFile = Files.write(folder.resolve("name.dump"), dump.toByteArray());
            Path file = Dcmtk.dump2dcm(dumpFile, folder.resolve("name.dcm"));
            Files.delete(dumpFile);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * PS3.5 I.2, the standard's Korean example "Hong^Gildong=洪^吉洞=홍^길동" under
     * {@code \ISO 2022 IR 149}: KS X 1001 designated to G1 by ESC $ ) C in each component.
     */
    public static byte[] koreanExample() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("Hong^Gildong=".getBytes(StandardCharsets.US_ASCII));
        korean(bytes, "洪");
        bytes.write('^');
        korean(bytes, "吉洞");
        bytes.write('=');
        korean(bytes, "홍");
        bytes.write('^');
        korean(bytes, "길동");
        return bytes.toByteArray();
    }

    private static void korean(ByteArrayOutputStream bytes, String text) {
        bytes.writeBytes(new byte[] {0x1b, '$', ')', 'C'});
        bytes.writeBytes(text.getBytes(java.nio.charset.Charset.forName("EUC-KR")));
    }
}
