package org.lightbox.app;

import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.lightbox.ui.Stylesheets;

/**
 * Tells the user calmly about an error no code caught: what happened, that nothing typed is lost,
 * where the log is and what to do next. One dialog at a time: what happens while it is open is only
 * counted in it.
 */
final class ErrorDialog implements UncaughtErrors.Notices {
    private final Supplier<Window> owner;
    private final Supplier<Path> logFile;
    private Stage open;
    private Label more;
    private int since;

    /** @param owner the workstation window (the dialog shows only while it does) */
    ErrorDialog(Supplier<Window> owner, Supplier<Path> logFile) {
        this.owner = owner;
        this.logFile = logFile;
    }

    @Override
    public void tell(ErrorNotice notice) {
        Platform.runLater(() -> {
            if (open != null) {
                countAnother();
            } else {
                show(notice);
            }
        });
    }

    @Override
    public void again() {
        Platform.runLater(() -> {
            if (open != null) {
                countAnother();
            }
        });
    }

    private void countAnother() {
        since++;
        more.setText(since == 1 ? "It happened once more since; that is in the log too."
                : "It happened " + since + " more times since; each is in the log.");
        more.setVisible(true);
        more.setManaged(true);
    }

    private void show(ErrorNotice notice) {
        Window window = owner.get();
        if (window == null || !window.isShowing()) {
            return;
        }
        Label headline = text("error-dialog-headline", notice.headline(), "strong");
        Label drafts = text("error-dialog-drafts", "Report drafts are saved as you type: nothing you typed is lost.", "label");
        Label log = text("error-dialog-log", "The details are in the log: " + logFile.get(), "muted");
        Label next = text("error-dialog-next", "You can carry on working. If the window stops responding as it should, close"
                + " Lightbox and start it again. If this keeps happening, tell your administrator and give them the log file.",
                "label");
        more = text("error-dialog-more", "", "warning-text");
        more.setVisible(false);
        more.setManaged(false);
        since = 0;
        Button carryOn = new Button("Carry on");
        carryOn.setId("error-dialog-carry-on");
        carryOn.setDefaultButton(true);
        carryOn.setCancelButton(true);
        HBox buttons = new HBox(carryOn);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox content = new VBox(10, headline, drafts, log, next, more, buttons);
        content.setId("error-dialog");
        content.getStyleClass().add("error-dialog");
        Stylesheets.theme(content);
        Stylesheets.add(content, ErrorDialog.class, "error-dialog.css");

        Stage dialog = new Stage();
        dialog.initOwner(window);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Lightbox: something went wrong");
        dialog.setScene(new Scene(content));
        dialog.getScene().setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                dialog.close();
            }
        });
        carryOn.setOnAction(e -> dialog.close());
        dialog.setOnHidden(e -> open = null);
        open = dialog;
        dialog.show();
        carryOn.requestFocus();
    }

    private static Label text(String id, String text, String style) {
        Label label = new Label(text);
        label.setId(id);
        label.getStyleClass().add(style);
        label.setWrapText(true);
        label.setMaxWidth(520);
        return label;
    }
}
