package org.lightbox.app;

import java.time.ZoneId;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
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
import org.lightbox.auth.ChangePasswordView;
import org.lightbox.auth.LockScreenView;
import org.lightbox.auth.SignInView;
import org.lightbox.domain.Actor;
import org.lightbox.help.ShortcutSheetView;
import org.lightbox.report.MacroListView;
import org.lightbox.report.ReportEditorView;
import org.lightbox.report.ReportEditorViewModel;
import org.lightbox.report.ReportFileChooser;
import org.lightbox.ingest.ImportSourceChooser;
import org.lightbox.ingest.ScansView;
import org.lightbox.ingest.ScansViewModel;
import org.lightbox.request.IntakeFormView;
import org.lightbox.request.RequestDetails;
import org.lightbox.settings.SettingsView;
import org.lightbox.settings.TemplateFileChooser;
import org.lightbox.sync.SyncPanelView;
import org.lightbox.sync.SyncPanelViewModel;
import org.lightbox.ui.Stylesheets;
import org.lightbox.ui.WindowDialogs;
import org.lightbox.viewer.ViewerView;
import org.lightbox.viewer.ViewerViewModel;
import org.lightbox.worklist.WorklistView;
import org.lightbox.worklist.WorklistViewModel;

/**
 * The window's content: the sign-in screen, or the three panes with a header and a status bar, and
 * the lock screen over them when the workstation is locked. Keyboard: Ctrl+L locks, "/" searches the
 * worklist, Ctrl+N opens the intake form, F5 reloads the worklist; Ctrl+1 and Ctrl+2 switch between
 * the worklist and the Scans screen for those who register scans; Ctrl+Shift+Q signs out; Ctrl+, opens
 * Settings for administrators; F1 (or "?") shows every key.
 */
public final class ShellView extends StackPane {
    private final ShellViewModel model;
    private final TemplateFileChooser settingsFileChooser;
    private final ZoneId zone;
    private final WindowDialogs dialogs;
    private BorderPane main;
    private WorklistViewModel worklistModel;
    private WorklistView worklistView;
    /** "/" was typed since the worklist appeared: the search box has the focus on purpose. */
    private LockScreenView lockScreen;
    private ReportEditorViewModel reportModel;
    private ReportEditorView reportView;
    private ScansViewModel scansModel;
    private TabPane leftTabs;
    private ViewerViewModel viewerModel;
    private ViewerView viewerView;
    private final ShortcutSheetView shortcutSheet = new ShortcutSheetView();
    private boolean keyTypedSinceShown;
    private final ChangeListener<RequestDetails> openInViewer = (o, old, details) -> {
        if (viewerModel != null) {
            viewerModel.open(details);
            if (details != null) {
                viewerView.focusActiveViewport();
            }
        }
    };

    public ShellView(ShellViewModel model, ZoneId zone) {
        this(model, zone, TemplateFileChooser.platform());
    }

    /** With the file chooser the Settings dialog imports report templates through (tests answer in its place). */
    public ShellView(ShellViewModel model, ZoneId zone, TemplateFileChooser settingsFileChooser) {
        this.settingsFileChooser = settingsFileChooser;
        this.model = model;
        this.zone = zone;
        this.dialogs = new WindowDialogs(() -> getScene() == null ? null : getScene().getWindow(), model::activity);
        Stylesheets.theme(this);
        Stylesheets.add(this, ShellView.class, "shell.css");
        addEventFilter(KeyEvent.ANY, e -> model.activity());
        addEventFilter(MouseEvent.MOUSE_MOVED, e -> model.activity());
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> model.activity());
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcuts);
        addEventFilter(KeyEvent.KEY_TYPED, this::searchShortcut);
        addEventFilter(KeyEvent.KEY_PRESSED, this::help);
        addEventFilter(KeyEvent.KEY_TYPED, this::help);
        model.actorProperty().addListener((o, old, now) -> show(now));
        model.lockedProperty().addListener((o, old, locked) -> showLock(locked));
        model.openedProperty().addListener((o, old, details) -> openReport(details));
        model.openedProperty().addListener(openInViewer);
        model.statAlertProperty().addListener((o, old, alert) -> {
            if (alert != null) {
                DesktopNotifications.stat(this, alert);
            }
        });
        show(model.actorProperty().get());
    }

    private void show(Actor actor) {
        dialogs.closeAll();
        main = null;
        if (worklistModel != null) {
            worklistModel.dispose();
            worklistModel = null;
            worklistView = null;
        }
        disposeReport();
        if (scansModel != null) {
            scansModel.dispose();
            scansModel = null;
        }
        leftTabs = null;
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
        // Loaded in the background while the panes are built here, rather than after them.
        worklistModel.refresh();
        worklistView = new WorklistView(worklistModel, zone);
        worklistView.onNewRequest(this::openIntakeForm);
        viewerModel = model.viewerViewModel(zone);
        viewerView = new ViewerView(viewerModel);
        viewerModel.open(model.openedProperty().get());
        SplitPane panes = new SplitPane(leftSide(), viewerView, reportPane());
        panes.setDividerPositions(0.33, 0.72);
        main = new BorderPane(panes);
        main.setTop(header(actor));
        main.setBottom(new StatusBarView(model.syncStatus(), actor, this::openSyncPanel));
        getChildren().setAll(main);
        WorklistView shown = worklistView;
        shown.focusTable();
        keyTypedSinceShown = false;
        giveTheListTheKeyboard(shown);
    }

    /**
     * The scene refuses the keyboard to the new panes until its next pulse, and there hands it to its
     * first control (the search box) instead. So the list asks again after each of the next few pulses'
     * layout until it has it, unless a key was typed meanwhile (typing "/" at once, say) or the window locked.
     */
    private void giveTheListTheKeyboard(WorklistView shown) {
        Scene scene = getScene();
        if (scene == null) {
            return;
        }
        int[] pulses = {0};
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            Node owner = focusOwner();
            boolean onTheList = isInside(owner, shown) && !(owner instanceof TextInputControl);
            if (onTheList || keyTypedSinceShown || lockScreen != null || worklistView != shown || ++pulses[0] > 5) {
                scene.removePostLayoutPulseListener(check[0]);
            } else {
                shown.focusTable();
            }
        };
        scene.addPostLayoutPulseListener(check[0]);
    }

    private static boolean isInside(Node node, Node container) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == container) {
                return true;
            }
        }
        return false;
    }

    // ---- Report pane (issue 5): the editor opens the report of the request the worklist opens. ----

    private ReportEditorView reportPane() {
        reportModel = model.reportEditorViewModel();
        reportView = new ReportEditorView(reportModel, ReportFileChooser.platform());
        reportView.onManageMacros(this::openMacros);
        return reportView;
    }

    private void openReport(RequestDetails details) {
        if (reportModel != null) {
            reportModel.open(details);
        }
    }

    private void disposeReport() {
        if (reportModel != null) {
            reportModel.dispose();
            reportView.dispose();
            reportModel = null;
            reportView = null;
        }
    }

    private void openMacros() {
        dialogs.show("Report macros", close -> new MacroListView(model.macroListViewModel(reportModel::reloadMacros), close),
                () -> { });
    }

    /** The worklist, or for those who register scans a tab pane "Worklist | Scans" (Ctrl+1, Ctrl+2). */
    private Node leftSide() {
        if (!model.canRegisterScans()) {
            return worklistView;
        }
        scansModel = model.scansViewModel();
        Tab worklist = new Tab("Worklist", worklistView);
        worklist.setId("worklist-tab");
        Tab scans = new Tab("Scans", new ScansView(scansModel, ImportSourceChooser.platform(), zone));
        scans.setId("scans-tab");
        leftTabs = new TabPane(worklist, scans);
        leftTabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        leftTabs.setId("left-tabs");
        return leftTabs;
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
        Button signOut = new Button("Sign out (Ctrl+Shift+Q)");
        signOut.setId("sign-out");
        signOut.setOnAction(e -> model.signOut());
        Button password = new Button("Password");
        password.setId("change-password");
        password.setOnAction(e -> openChangePassword());
        // Reached by mouse or shortcut; kept out of Tab order so Enter meant for the worklist never locks or signs out.
        lock.setFocusTraversable(false);
        signOut.setFocusTraversable(false);
        password.setFocusTraversable(false);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(brand, message, spacer, user, password);
        if (model.canOpenSettings()) {
            Button settings = new Button("Settings (Ctrl+,)");
            settings.setId("open-settings");
            settings.setFocusTraversable(false);
            settings.setOnAction(e -> openSettings());
            header.getChildren().add(settings);
        }
        header.getChildren().addAll(lock, signOut);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("header-bar");
        return header;
    }

    /**
     * The lock screen replaces the panes rather than covering them: the panes are hidden and disabled,
     * so nothing of the patient shows, and no key (Tab, Enter) reaches a control behind the lock.
     */
    private void showLock(boolean locked) {
        if (locked && lockScreen == null) {
            dialogs.hideForLock();
            shortcutSheet.close();
            lockScreen = new LockScreenView(model.lockScreenViewModel());
            if (main != null) {
                main.setVisible(false);
                main.setDisable(true);
            }
            getChildren().add(lockScreen);
            lockScreen.focusPassword();
        } else if (!locked && lockScreen != null) {
            getChildren().remove(lockScreen);
            lockScreen = null;
            if (main != null) {
                main.setDisable(false);
                main.setVisible(true);
            }
            if (worklistView != null) {
                worklistView.focusTable();
            }
            dialogs.showAfterUnlock();
        }
    }

    private void shortcuts(KeyEvent e) {
        if (worklistView == null || lockScreen != null) {
            return;
        }
        if (KeyCombination.keyCombination("Shortcut+L").match(e)) {
            model.lock("locked by the user");
            e.consume();
        } else if (KeyCombination.keyCombination("Shortcut+Shift+Q").match(e)) {
            model.signOut();
            e.consume();
        } else if (KeyCombination.keyCombination("Shortcut+N").match(e) && worklistModel.canCreateRequests()) {
            openIntakeForm();
            e.consume();
        } else if (leftTabs != null && KeyCombination.keyCombination("Shortcut+1").match(e)) {
            leftTabs.getSelectionModel().select(0);
            worklistView.focusTable();
            e.consume();
        } else if (leftTabs != null && KeyCombination.keyCombination("Shortcut+2").match(e)) {
            leftTabs.getSelectionModel().select(1);
            ((ScansView) leftTabs.getTabs().get(1).getContent()).focusQueue();
            e.consume();
        } else if (KeyCombination.keyCombination("Shortcut+Comma").match(e) && model.canOpenSettings()) {
            openSettings();
            e.consume();
        } else if (e.getCode() == KeyCode.F9) {
            model.syncStatus().syncNow();
            e.consume();
        } else if (KeyCombination.keyCombination("Shortcut+Shift+Y").match(e)) {
            openSyncPanel();
            e.consume();
        } else if (e.getCode() == KeyCode.F5) {
            worklistModel.refresh();
            e.consume();
        }
    }

    /** "/" is matched as a typed character (any keyboard layout), and consumed so it does not land in the box. */
    private void searchShortcut(KeyEvent e) {
        keyTypedSinceShown = true;
        if (worklistView != null && lockScreen == null && "/".equals(e.getCharacter())
                && !(focusOwner() instanceof TextInputControl)) {
            worklistView.focusSearch();
            e.consume();
        }
    }

    /** F1 anywhere, "?" typed outside a text field: the keyboard-shortcut sheet, over whatever is shown but the lock. */
    private void help(KeyEvent e) {
        boolean f1 = e.getEventType() == KeyEvent.KEY_PRESSED && e.getCode() == KeyCode.F1;
        boolean question = e.getEventType() == KeyEvent.KEY_TYPED && "?".equals(e.getCharacter())
                && !(focusOwner() instanceof TextInputControl);
        if ((f1 || question) && lockScreen == null) {
            shortcutSheet.toggle(this);
            e.consume();
        }
    }

    private Node focusOwner() {
        Scene scene = getScene();
        return scene == null ? null : scene.getFocusOwner();
    }

    private void openSyncPanel() {
        SyncPanelViewModel panelModel = model.syncPanelViewModel();
        dialogs.show("Sync with the central store", close -> new SyncPanelView(panelModel, zone, close),
                1300, 640, panelModel::dispose).focusItems();
    }

    private void openSettings() {
        Runnable macrosChanged = () -> {
            if (reportModel != null) {
                reportModel.reloadMacros();
            }
        };
        dialogs.show("Settings", close -> new SettingsView(model.settingsViewModel(macrosChanged), settingsFileChooser, close),
                1100, 760, () -> { }).focusFirst();
    }

    private void openChangePassword() {
        dialogs.show("Change my password", close -> new ChangePasswordView(model.changePasswordViewModel(), close), () -> { })
                .focusFirstField();
    }

    private void openIntakeForm() {
        dialogs.show("New imaging request", close -> new IntakeFormView(model.intakeFormViewModel(request -> {
            close.run();
            worklistModel.refresh();
        }), close), () -> { }).focusFirstField();
    }
}
