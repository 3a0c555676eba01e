package org.lightbox.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.lightbox.dicom.sample.PixelPayload;
import org.lightbox.dicom.sample.SyntheticInstance;
import org.lightbox.dicom.sample.SyntheticInstanceWriter;
import org.lightbox.dicom.testing.Dcmtk;
import org.lightbox.dicom.testing.TestDicomFile;
import org.lightbox.domain.Actor;
import org.lightbox.request.ImagingRequest;
import org.lightbox.testing.Scenario;
import org.lightbox.viewer.ImageSeries;
import org.lightbox.viewer.testing.StoredStudies;

/**
 * A 512x512 CT series made at bench time (never committed) and stored in a workstation's managed
 * store: a water-filled body with a bone rim and 3 HU noise, 12 bits stored, intercept -1024.
 * With {@code jpegLossless} every slice is re-encoded by dcmtk as JPEG lossless SV1, as most CT
 * arrives from a PACS.
 */
final class BenchCt implements AutoCloseable {
    final Scenario scenario;
    final ImagingRequest request;
    final Path dir;

    private BenchCt(Path dir, Scenario scenario, ImagingRequest request) {
        this.dir = dir;
        this.scenario = scenario;
        this.request = request;
    }

    static BenchCt create(int slices, boolean jpegLossless) {
        try {
            Path dir = Files.createTempDirectory("lightbox-bench-");
            Path files = dir.resolve("incoming");
            String study = TestDicomFile.newUid();
            String series = TestDicomFile.newUid();
            List<Path> written = new ArrayList<>();
            SyntheticInstanceWriter writer = new SyntheticInstanceWriter();
            for (int i = 0; i < slices; i++) {
                Path plain = files.resolve(String.format(Locale.ROOT, "IM%04d.dcm", i + 1));
                writer.write(new SyntheticInstance(attributes(study, series, i), PixelPayload.words(pixels(i))),
                        "1.2.840.10008.1.2.1", plain);
                if (jpegLossless) {
                    Path compressed = files.resolve(String.format(Locale.ROOT, "IM%04d-j.dcm", i + 1));
                    Dcmtk.transcode(plain, compressed, "dcmcjpeg", "+e1");
                    Files.delete(plain);
                    plain = compressed;
                }
                written.add(plain);
            }
            Scenario scenario = new Scenario(dir.resolve("workstation"));
            Actor admin = scenario.admin();
            ImagingRequest request = scenario.performed(admin, "LB-BENCH-1", "Bench", "stat", Duration.ofMinutes(5));
            StoredStudies.store(scenario.workstation, request, written);
            for (Path file : written) {
                Files.delete(file);
            }
            return new BenchCt(dir, scenario, request);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ImageSeries series() {
        return scenario.workstation.viewer().studies().forRequest(request.id()).get(0).series().get(0);
    }

    private static Map<String, List<String>> attributes(String study, String series, int i) {
        Map<String, List<String>> a = new LinkedHashMap<>();
        a.put("SOPClassUID", List.of("1.2.840.10008.5.1.4.1.1.2"));
        a.put("SOPInstanceUID", List.of(TestDicomFile.newUid()));
        a.put("StudyInstanceUID", List.of(study));
        a.put("SeriesInstanceUID", List.of(series));
        a.put("Modality", List.of("CT"));
        a.put("PatientID", List.of("LB-BENCH-1"));
        a.put("PatientName", List.of("BENCH^CT"));
        a.put("AccessionNumber", List.of("BENCH1"));
        a.put("StudyDate", List.of("20250602"));
        a.put("SeriesNumber", List.of("1"));
        a.put("InstanceNumber", List.of(Integer.toString(i + 1)));
        a.put("SliceLocation", List.of(Double.toString(-i * 1.0)));
        a.put("PixelSpacing", List.of("0.7", "0.7"));
        a.put("Rows", List.of("512"));
        a.put("Columns", List.of("512"));
        a.put("SamplesPerPixel", List.of("1"));
        a.put("PhotometricInterpretation", List.of("MONOCHROME2"));
        a.put("BitsAllocated", List.of("16"));
        a.put("BitsStored", List.of("12"));
        a.put("HighBit", List.of("11"));
        a.put("PixelRepresentation", List.of("0"));
        a.put("RescaleIntercept", List.of("-1024"));
        a.put("RescaleSlope", List.of("1"));
        a.put("WindowCenter", List.of("40"));
        a.put("WindowWidth", List.of("400"));
        return a;
    }

    private static short[] pixels(int slice) {
        SplittableRandom noise = new SplittableRandom(slice);
        short[] pixels = new short[512 * 512];
        double ry = 200 - slice % 40;
        for (int row = 0; row < 512; row++) {
            for (int column = 0; column < 512; column++) {
                double u = (column - 256) / 230.0;
                double v = (row - 256) / ry;
                double r = u * u + v * v;
                double hu = r > 1 ? -1000 : r > 0.85 ? 700 : 40;
                pixels[row * 512 + column] = (short) Math.max(0, Math.min(4095, hu + 1024 + noise.nextGaussian() * 3));
            }
        }
        return pixels;
    }

    @Override
    public void close() {
        scenario.close();
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
