package org.lightbox.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lightbox.dicom.testing.Dcmtk;
import org.lightbox.store.Sql;

/**
 * What the viewer orders and lays out images by, read back from the index after importing the
 * sample studies (CT, MR, CR, a multi-frame US cine, seven transfer syntaxes) and checked against
 * dcmdump on each stored file.
 */
class InstanceColumnsTest {
    private static final String TRANSFER_SYNTAX = "0002,0010";
    private static final String INSTANCE_NUMBER = "0020,0013";
    private static final String SLICE_LOCATION = "0020,1041";
    private static final String FRAMES = "0028,0008";
    private static final String ROWS = "0028,0010";
    private static final String COLUMNS = "0028,0011";
    private static final String PIXEL_SPACING = "0028,0030";

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

    private record Row(String file, String transferSyntax, Integer instanceNumber, Double sliceLocation, int frames,
                       int rows, int columns, String pixelSpacing) {
    }

    @Test
    void everyInstanceKeepsItsSizeFramesSpacingPositionNumberAndTransferSyntaxAsTheFileSaysThem() {
        ImportSummary summary = department.importPaths(Path.of("sample-dicom"));
        assertThat(summary.rejected()).extracting(Rejection::path).containsExactly(Path.of("sample-dicom", "README.md")
                .toString());

        List<Row> rows = department.workstation.database().read(c -> Sql.list(c, "SELECT * FROM dicom_instance",
                r -> new Row(r.getString("file_path"), r.getString("transfer_syntax"), (Integer) r.getObject("instance_number"),
                        r.getObject("slice_location") == null ? null : r.getDouble("slice_location"), r.getInt("frames"),
                        r.getInt("rows"), r.getInt("columns"), r.getString("pixel_spacing"))));
        assertThat(rows).hasSize(summary.indexed()).hasSizeGreaterThan(100);
        assertThat(rows.stream().map(Row::transferSyntax).distinct().count()).as("the samples' transfer syntaxes")
                .isGreaterThanOrEqualTo(7);
        SoftAssertions softly = new SoftAssertions();
        for (Row row : rows) {
            Path file = department.workstation.dicomStore().root().resolve(row.file());
            Map<String, String> dump = Dcmtk.values(file, TRANSFER_SYNTAX, INSTANCE_NUMBER, SLICE_LOCATION, FRAMES, ROWS,
                    COLUMNS, PIXEL_SPACING);
            softly.assertThat(row.transferSyntax()).as(row.file() + " transfer syntax").isEqualTo(dump.get(TRANSFER_SYNTAX));
            softly.assertThat(row.rows()).as(row.file() + " rows").isEqualTo(Integer.parseInt(dump.get(ROWS)));
            softly.assertThat(row.columns()).as(row.file() + " columns").isEqualTo(Integer.parseInt(dump.get(COLUMNS)));
            softly.assertThat(row.frames()).as(row.file() + " frames")
                    .isEqualTo(dump.containsKey(FRAMES) ? Integer.parseInt(dump.get(FRAMES).strip()) : 1);
            softly.assertThat(row.instanceNumber()).as(row.file() + " instance number")
                    .isEqualTo(dump.containsKey(INSTANCE_NUMBER) ? Integer.valueOf(dump.get(INSTANCE_NUMBER).strip()) : null);
            if (dump.containsKey(SLICE_LOCATION)) {
                softly.assertThat(row.sliceLocation()).as(row.file() + " slice location")
                        .isCloseTo(Double.parseDouble(dump.get(SLICE_LOCATION)), within(1e-9));
            } else {
                softly.assertThat(row.sliceLocation()).as(row.file() + " slice location").isNull();
            }
            if (dump.containsKey(PIXEL_SPACING)) {
                softly.assertThat(numbers(row.pixelSpacing())).as(row.file() + " pixel spacing")
                        .containsExactly(numbers(dump.get(PIXEL_SPACING)), within(1e-9));
            } else {
                softly.assertThat(row.pixelSpacing()).as(row.file() + " pixel spacing").isNull();
            }
        }
        softly.assertAll();
    }

    private static double[] numbers(String decimals) {
        return decimals == null ? null : Arrays.stream(decimals.split("\\\\")).mapToDouble(Double::parseDouble).toArray();
    }
}
