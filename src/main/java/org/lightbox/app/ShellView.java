package org.lightbox.app;

import java.time.ZoneId;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.lightbox.auth.LockScreenView;
import org.lightbox.auth.SignInView;
import org.lightbox.domain.Actor;
import org.lightbox.request.RequestDetails;
import org.lightbox.request.IntakeFormView;
import org.lightbox.ui.Stylesheets;
import org.lightbox.viewer.ViewerView;
import org.lightbox.viewer.ViewerViewModel;
import org.lightbox.worklist.WorklistView;
import org.lightbox.worklist.WorklistViewModel;

/**
 * The window's content: the sign-in screen, or the three panes with a header and a status bar, and
 * the lock screen over them when the workstation is locked. Keyboard: Ctrl+L locks, "/" searches the
 * worklist, Ctrl+N opens the intake form, F5 reloads the worklist.
 */
public final class ShellView extends StackPane {
    private final ShellViewModel model;
    private final ZoneId zone;
    private WorklistViewModel worklistModel;
    private WorklistView worklistView;
    private LockScreenView lockScreen;
    private ViewerViewModel viewerModel;
    private ViewerView viewerView;
    private final ChangeListener<RequestDetails> openInViewer = (o, old, details) -> {
        if (viewerModel != null) {
            viewerModel.open(details);
            if (details != null) {
                viewerView.focusActiveViewport();
            }
        }
    };

    public ShellView(ShellViewModel model, ZoneId zone) {
        this.model = model;
        this.zone = zone;
        Stylesheets.theme(this);
        Stylesheets.add(this, ShellView.class, "shell.css");
        addEventFilter(KeyEvent.ANY, e -> model.activity());
        addEventFilter(MouseEvent.MOUSE_MOVED, e -> model.activity());
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> model.activity());
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcuts);
        model.actorProperty().addListener((o, old, now) -> show(now));
        model.lockedProperty().addListener((o, old, locked) -> showLock(locked));
        model.openedProperty().addListener(openInViewer);
        show(model.actorProperty().get());
    }

    private void show(Actor actor) {
        if (worklistModel != null) {
            worklistModel.dispose();
            worklistModel = null;
            worklistView = null;
        }
        if (viewerModel != null) {
            viewerModel.dispose();
            viewerModel = null;
            viewerView = null;
        }
        lockScreen = null;
        if (actor == null) {
            SignInView signIn = new SignInView(model.signInViewModel());
            getChildren().setAll(signIn);
            signIn.focusUsername();
            return;
        }
        worklistModel = model.worklistViewModel();
        worklistView = new WorklistView(worklistModel, zone);
        worklistView.onNewRequest(this::openIntakeForm);
        viewerModel = model.viewerViewModel(zone);
        viewerView = new ViewerView(viewerModel);
        viewerModel.open(model.openedProperty().get());
        SplitPane panes = new SplitPane(worklistView, viewerView, OpenedRequestViews.report(model.openedProperty()));
        panes.setDividerPositions(0.33, 0.83);
        BorderPane main = new BorderPane(panes);
        main.setTop(header(actor));
        main.setBottom(new StatusBarView(model, actor));
        getChildren().setAll(main);
        worklistModel.refresh();
        worklistView.focusTable();
    }

    private HBox header(Actor actor) {
        Label brand = new Label("Lightbox");
        brand.getStyleClass().add("brand");
        Label user = new Label(actor.displayName() + "  ·  " + actor.rolesText());
        user.setId("signed-in-user");
        user.getStyleClass().add("user-label");
        Label message = new Label();
        message.getStyleClass().add("error-text");
        message.textProperty().bind(model.messageProperty());
        Button lock = new Button("Lock (Ctrl+L)");
        lock.setId("lock");
        lock.setOnAction(e -> model.lock("locked by the user"));
        Button signOut = new Button("Sign out");
        signOut.setId("sign-out");
        signOut.setOnAction(e -> model.signOut());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(brand, message, spacer, user, lock, signOut);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("header-bar");
        return header;
    }

    private void showLock(boolean locked) {
        if (locked && lockScreen == null) {
            lockScreen = new LockScreenView(model.lockScreenViewModel());
            getChildren().add(lockScreen);
            lockScreen.focusPassword();
        } else if (!locked && lockScreen != null) {
            getChildren().remove(lockScreen);
            lockScreen = null;
            if (worklistView != null) {
                worklistView.focusTable();
            }
        }
    }

    private void shortcuts(KeyEvent e) {
        if (worklistView == null || lockScreen != null) {
            return;
        }
        if (KeyCombination.keyCombination("Shortcut+L").match(e)) {
            model.lock("locked by the user");
            e.consume();
        } else if (KeyCombination.keyCombination("Shortcut+N").match(e) && worklistModel.canCreateRequests()) {
            openIntakeForm();
            e.consume();
        } else if (e.getCode() == KeyCode.F5) {
            worklistModel.refresh();
            e.consume();
        } else if (e.getCode() == KeyCode.SLASH && !(focusOwner() instanceof TextInputControl)) {
            worklistView.focusSearch();
            e.consume();
        }
    }

    private Node focusOwner() {
        Scene scene = getScene();
        return scene == null ? null : scene.getFocusOwner();
    }

    private void openIntakeForm() {
        Stage dialog = new Stage();
        Window owner = getScene() == null ? null : getScene().getWindow();
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("New imaging request");
        IntakeFormView form = new IntakeFormView(model.intakeFormViewModel(request -> {
            dialog.close();
            worklistModel.refresh();
        }), dialog::close);
        Stylesheets.theme(form);
        dialog.setScene(new Scene(form));
        dialog.show();
        form.focusFirstField();
    }
}
