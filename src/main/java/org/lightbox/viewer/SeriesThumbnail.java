package org.lightbox.viewer;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** A series in the thumbnail strip: its picture (the middle image), its labels and how much of it is loaded. */
public final class SeriesThumbnail {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd MMM yyyy", Locale.ROOT);

    private final ImageStudy study;
    private final ImageSeries series;
    private final String studyLabel;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyObjectWrapper<RenderedImage> image = new ReadOnlyObjectWrapper<>();

    SeriesThumbnail(ImageStudy study, ImageSeries series, ZoneId zone) {
        this.study = study;
        this.series = series;
        String date = study.performedAt() == null ? "" : DATE.format(study.performedAt().atZone(zone));
        this.studyLabel = (study.prior() ? "PRIOR  " : "") + date;
    }

    public ImageStudy study() { return study; }
    public ImageSeries series() { return series; }
    public String studyLabel() { return studyLabel; }
    public String label() { return series.label() + "  (" + series.size() + ")"; }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<RenderedImage> imageProperty() { return image.getReadOnlyProperty(); }

    StackImage keyImage() {
        return series.size() == 0 ? null : series.images().get(series.size() / 2);
    }

    void progress(double fraction) {
        progress.set(fraction);
    }

    void image(RenderedImage rendered) {
        image.set(rendered);
    }
}
