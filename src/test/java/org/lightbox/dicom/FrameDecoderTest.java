package org.lightbox.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferUShort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.dicom.testing.Dcmtk;
import org.lightbox.dicom.testing.TestDicomFiles;

class FrameDecoderTest {
    private static final Path SAMPLES = Path.of("sample-dicom").toAbsolutePath();
    private final FrameDecoder decoder = new FrameDecoder();

    @TempDir
    Path dir;

    @Test
    void aCtSliceDecodesToStoredValuesWithItsRescaleAndWindows() throws Exception {
        DecodedImage image = decoder.decode(SAMPLES.resolve("DEMO0001-ct-head/series-1/IM0012.dcm"));
        GreyFrame frame = (GreyFrame) image.frames().get(0);
        assertThat(frame.columns()).isEqualTo(256);
        assertThat(frame.greyscale().rescaleIntercept()).isEqualTo(-1024);
        assertThat(frame.greyscale().windows()).extracting(DicomHeader.VoiWindow::center).containsExactly(40.0, 600.0);
        assertThat(frame.greyscale().monochrome1()).isFalse();
        assertThat(frame.stored(0)).as("air outside the head").isLessThan(100);
    }

    @Test
    void everyByteOrderAndCompressionGivesTheSameSamples() {
        Path source = SAMPLES.resolve("DEMO0001-ct-head/series-1/IM0012.dcm");
        Path plain = Dcmtk.transcode(source, dir.resolve("le.dcm"), "dcmdjpeg");
        short[] expected = samples(plain);
        assertThat(samples(source)).containsExactly(expected);
        assertThat(samples(Dcmtk.transcode(plain, dir.resolve("be.dcm"), "dcmconv", "+tb"))).containsExactly(expected);
        assertThat(samples(Dcmtk.transcode(plain, dir.resolve("rle.dcm"), "dcmcrle"))).containsExactly(expected);
        assertThat(samples(Dcmtk.transcode(plain, dir.resolve("defl.dcm"), "dcmconv", "+td"))).containsExactly(expected);
    }

    @Test
    void signedCtPixelsComeBackNegative() throws Exception {
        GreyFrame frame = (GreyFrame) decoder.decode(SAMPLES.resolve("DEMO0002-ct-chest/series-1/IM0016.dcm")).frames().get(0);
        assertThat(frame.greyscale().signed()).isTrue();
        assertThat(frame.stored(0)).as("air, in HU").isLessThan(-900);
    }

    @Test
    void aMonochromeOneRadiographSaysSo() throws Exception {
        GreyFrame frame = (GreyFrame) decoder.decode(SAMPLES.resolve("DEMO0004-cr-chest/series-1/IM0001.dcm")).frames().get(0);
        assertThat(frame.greyscale().monochrome1()).isTrue();
    }

    @Test
    void aMultiFrameJpegCineDecodesEveryFrameAsRgb() throws Exception {
        DecodedImage cine = decoder.decode(SAMPLES.resolve("DEMO0005-us-abdomen/series-1/IM0001.dcm"));
        assertThat(cine.frames()).hasSize(20).allMatch(f -> f instanceof ColourFrame);
        ColourFrame first = (ColourFrame) cine.frames().get(0);
        ColourFrame last = (ColourFrame) cine.frames().get(19);
        assertThat(first.rgb()).isNotEqualTo(last.rgb());
    }

    @Test
    void aTruncatedFileSaysItIsTruncated() throws IOException {
        Path whole = SAMPLES.resolve("DEMO0004-cr-chest/series-1/IM0001.dcm");
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.dcm"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> decoder.decode(cut)).isInstanceOf(DicomReadException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void anInstanceWithoutPixelsIsNotAnImage() {
        Path noPixels = TestDicomFiles.ct().withoutPixels().without("Rows").without("Columns").writeTo(dir);
        assertThatThrownBy(() -> decoder.decode(noPixels)).isInstanceOf(DicomReadException.class)
                .hasMessageContaining("truncated");
    }

    @Test
    void losslessJpeg2000DecodesToTheSameSamples() throws Exception {
        Path plain = Dcmtk.transcode(SAMPLES.resolve("DEMO0001-ct-head/series-1/IM0012.dcm"), dir.resolve("le.dcm"), "dcmdjpeg");
        short[] expected = samples(plain);
        Path j2k = jpeg2000Lossless(plain, expected, dir.resolve("j2k.dcm"));
        assertThat(samples(j2k)).containsExactly(expected);
    }

    private short[] samples(Path file) {
        try {
            return ((GreyFrame) decoder.decode(file).frames().get(0)).samples();
        } catch (DicomReadException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** dcmtk cannot write JPEG 2000; jai-imageio's encoder can, and PixelMed wraps it as encapsulated pixel data. */
    private static Path jpeg2000Lossless(Path plain, short[] samples, Path target) throws Exception {
        BufferedImage image = new BufferedImage(256, 256, BufferedImage.TYPE_USHORT_GRAY);
        short[] buffer = ((DataBufferUShort) image.getRaster().getDataBuffer()).getData();
        System.arraycopy(samples, 0, buffer, 0, samples.length);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg2000").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionType(param.getCompressionTypes()[0]);
        param.getClass().getMethod("setLossless", boolean.class).invoke(param, true);
        param.getClass().getMethod("setWriteCodeStreamOnly", boolean.class).invoke(param, true);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        }
        byte[] codestream = bytes.toByteArray();
        if (codestream.length % 2 == 1) {
            codestream = java.util.Arrays.copyOf(codestream, codestream.length + 1);
        }
        AttributeList list = new AttributeList();
        list.read(plain.toString());
        list.put(new OtherByteAttributeMultipleCompressedFrames(TagFromName.PixelData, new byte[][] {codestream}));
        list.remove(TagFromName.TransferSyntaxUID);
        String syntax = TransferSyntax.JPEG2000Lossless;
        com.pixelmed.dicom.FileMetaInformation.addFileMetaInformation(list, syntax, "LIGHTBOX");
        list.write(target.toString(), syntax, true, true);
        return target;
    }
}
