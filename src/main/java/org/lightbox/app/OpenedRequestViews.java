package org.lightbox.app;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.lightbox.request.ImagingRequest;
import org.lightbox.request.RequestDetails;
import org.lightbox.ui.Stylesheets;

/**
 * What the report pane shows of the opened request until the report editor takes its place: the
 * patient and the request.
 */
final class OpenedRequestViews {
    private OpenedRequestViews() {
    }

    static VBox report(ObservableValue<RequestDetails> opened) {
        return pane("REPORT", "report-pane", opened, details -> {
            ImagingRequest r = details.request();
            GridPane grid = new GridPane();
            grid.setHgap(10);
            grid.setVgap(4);
            int row = 0;
            row = pair(grid, row, "Accession", r.accession().value());
            row = pair(grid, row, "Requested", r.requestedModality().code() + "  " + r.description());
            row = pair(grid, row, "Priority", r.priority().label());
            row = pair(grid, row, "Status", r.status().label());
            row = pair(grid, row, "Ordered by", r.orderingClinician());
            Label indication = new Label(r.clinicalIndication().isEmpty() ? "(none given)" : r.clinicalIndication());
            indication.setWrapText(true);
            VBox content = new VBox(8, header(r), grid, muted("Clinical indication"), indication);
            content.setPadding(new Insets(0, 0, 8, 0));
            return content;
        });
    }

    private static VBox pane(String title, String id, ObservableValue<RequestDetails> opened,
            java.util.function.Function<RequestDetails, VBox> render) {
        Label heading = new Label(title);
        heading.getStyleClass().add("pane-title");
        ScrollPane body = new ScrollPane();
        body.setFitToWidth(true);
        body.getStyleClass().add("pane-body");
        Runnable refresh = () -> body.setContent(opened.getValue() == null
                ? muted("Open a request from the worklist (select it, press Enter).")
                : render.apply(opened.getValue()));
        opened.addListener(o -> refresh.run());
        refresh.run();
        VBox pane = new VBox(heading, body);
        VBox.setVgrow(body, javafx.scene.layout.Priority.ALWAYS);
        pane.setId(id);
        pane.getStyleClass().add("shell-pane");
        Stylesheets.add(pane, OpenedRequestViews.class, "shell.css");
        return pane;
    }

    private static VBox header(ImagingRequest r) {
        Label name = new Label(r.patient().name().display());
        name.getStyleClass().add("detail-name");
        return new VBox(2, name, muted("MRN " + r.patient().mrn() + "  ·  born " + r.patient().birthDate() + "  ·  "
                + r.patient().sex().label()));
    }

    private static int pair(GridPane grid, int row, String key, String value) {
        Label k = new Label(key);
        k.getStyleClass().add("detail-key");
        Label v = new Label(value);
        v.getStyleClass().add("detail-value");
        v.setWrapText(true);
        grid.addRow(row, k, v);
        return row + 1;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("muted");
        label.setWrapText(true);
        return label;
    }
}
