package org.lightbox.viewer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lightbox.dicom.GreyFrame;
import org.lightbox.dicom.Greyscale;

class MeasurementMathTest {

    @Test
    void aDistanceIsInMillimetresFromPixelSpacingRowThenColumn() {
        // 30 columns across at 0.5 mm, 40 rows down at 0.75 mm: hypot(15, 30)
        assertThat(MeasurementMath.distance(0, 0, 30, 40, new double[] {0.75, 0.5})).isEqualTo("33.5 mm");
    }

    @Test
    void withoutPixelSpacingTheDistanceSaysPixels() {
        assertThat(MeasurementMath.distance(0, 0, 3, 4, null)).isEqualTo("5.0 pixels");
    }

    @Test
    void anEllipseOnCtGivesMeanSdAndAreaInHounsfieldUnits() {
        short[] samples = new short[20 * 20];
        Arrays.fill(samples, (short) (1024 + 40)); // 40 HU everywhere
        Greyscale ct = new Greyscale(false, false, 12, 1, -1024, null, "", List.of(), List.of(), "", null, null);
        GreyFrame frame = new GreyFrame(20, 20, samples, ct);
        MeasurementMath.RoiStatistics roi = MeasurementMath.ellipse(frame, 0, 0, 20, 20, new double[] {0.5, 0.5}, "CT");
        assertThat(roi.mean()).isEqualTo(40);
        assertThat(roi.standardDeviation()).isZero();
        assertThat(roi.area()).isCloseTo(Math.PI * 10 * 10 * 0.25, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(roi.label()).isEqualTo("mean 40.0 HU  SD 0.0  area 78.5 mm²");
        assertThat(roi.pixels()).isBetween(300, 320);
    }

    @Test
    void anEllipseOverTwoTissuesAveragesThem() {
        short[] samples = new short[10 * 10];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (i % 10 < 5 ? 1024 : 1024 + 100);
        }
        Greyscale ct = new Greyscale(false, false, 12, 1, -1024, null, "", List.of(), List.of(), "", null, null);
        MeasurementMath.RoiStatistics roi = MeasurementMath.ellipse(new GreyFrame(10, 10, samples, ct), 0, 0, 10, 10,
                null, "CT");
        assertThat(roi.mean()).isEqualTo(50);
        assertThat(roi.standardDeviation()).isGreaterThan(49);
        assertThat(roi.label()).endsWith("pixels");
    }
}
