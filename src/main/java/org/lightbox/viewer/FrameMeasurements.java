package org.lightbox.viewer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lightbox.domain.Actor;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskListener;
import org.lightbox.ui.UserMessages;

/**
 * The measurements of the study a viewport shows, and those on the frame on screen: saved in the
 * local store off the UI thread, shown once saved.
 */
final class FrameMeasurements {
    private final Measurements store;
    private final TaskExecutor tasks;
    private final Actor actor;
    private final List<Measurement> ofStudy = new ArrayList<>();
    private final ObservableList<Measurement> shown = FXCollections.observableArrayList();
    private FrameKey onScreen;

    FrameMeasurements(Measurements store, TaskExecutor tasks, Actor actor) {
        this.store = store;
        this.tasks = tasks;
        this.actor = actor;
    }

    ObservableList<Measurement> shown() {
        return shown;
    }

    /** A new study: its saved measurements, none on screen yet. */
    void study(List<Measurement> saved) {
        ofStudy.clear();
        ofStudy.addAll(saved);
        show(null);
    }

    /** The frame now on screen (null for none): its measurements are the ones shown. */
    void show(FrameKey frame) {
        onScreen = frame;
        shown.setAll(frame == null ? List.of() : ofStudy.stream().filter(m -> m.isOn(frame)).toList());
    }

    void add(ImageStudy study, ImageSeries series, FrameKey frame, MeasurementKind kind, double x1, double y1, double x2,
             double y2, String result, Consumer<String> problem) {
        tasks.submit(progress -> store.add(actor, study.studyInstanceUid(), series.seriesInstanceUid(), frame, kind,
                x1, y1, x2, y2, result), TaskListener.of(m -> {
                    ofStudy.add(m);
                    if (onScreen != null && m.isOn(onScreen)) {
                        shown.add(m);
                    }
                }, error -> problem.accept("The measurement was not saved: " + UserMessages.of(error))));
    }

    /** Deletes the most recent measurement on the frame shown. */
    void deleteLast(Consumer<String> problem) {
        if (shown.isEmpty()) {
            return;
        }
        Measurement last = shown.get(shown.size() - 1);
        tasks.submit(progress -> {
            store.delete(actor, last);
            return last;
        }, TaskListener.of(m -> {
            ofStudy.remove(m);
            shown.remove(m);
        }, error -> problem.accept("The measurement was not deleted: " + UserMessages.of(error))));
    }
}
