package org.lightbox.report;

import java.util.EnumMap;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.lightbox.ui.Stylesheets;

/**
 * The report pane: the opened study's header, the five sections, the signature, addenda above the
 * report they amend, and the version history with its diff. Keyboard: Tab / Shift+Tab jump between
 * template fields (a menu field opens its choices), a macro trigger expands on Space or Enter,
 * Ctrl+Enter signs, Ctrl+Shift+A adds an addendum, Alt+T applies the template.
 */
public final class ReportEditorView extends BorderPane {
    private final ReportEditorViewModel model;
    private final ReportFileChooser chooser;
    private final Map<ReportSection, TextArea> areas = new EnumMap<>(ReportSection.class);
    private final PasswordField password = new PasswordField();
    private final TextArea addendumText = new TextArea();
    private final VBox addendaBox = new VBox(6);
    private final VBox diffBox = new VBox(0);
    private final EventHandler<InputEvent> activity;
    private Runnable onManageMacros = () -> { };
    private Scene watched;

    public ReportEditorView(ReportEditorViewModel model, ReportFileChooser chooser) {
        this.model = model;
        this.chooser = chooser;
        setId("report-editor");
        getStyleClass().add("report-editor");
        Stylesheets.add(this, ReportEditorView.class, "report.css");
        setTop(header());
        ScrollPane body = new ScrollPane(body());
        body.setFitToWidth(true);
        body.getStyleClass().add("pane-body");
        setCenter(body);
        Label message = new Label();
        message.setId("report-message");
        message.setWrapText(true);
        message.getStyleClass().add("report-message");
        message.textProperty().bind(model.messageProperty());
        setBottom(message);
        addEventFilter(KeyEvent.KEY_PRESSED, this::shortcuts);
        activity = e -> model.activity();
        sceneProperty().addListener((o, old, now) -> watchActivity(old, now));
    }

    /** Where the shell puts the macro dialog: the pane only offers the button. */
    public void onManageMacros(Runnable action) {
        onManageMacros = action;
    }

    private void watchActivity(Scene old, Scene now) {
        if (old != null) {
            old.removeEventFilter(KeyEvent.KEY_PRESSED, activity);
            old.removeEventFilter(MouseEvent.MOUSE_PRESSED, activity);
        }
        if (now != null) {
            now.addEventFilter(KeyEvent.KEY_PRESSED, activity);
            now.addEventFilter(MouseEvent.MOUSE_PRESSED, activity);
        }
        watched = now;
    }

    private VBox header() {
        Label title = new Label("REPORT");
        title.getStyleClass().add("pane-title");
        Label patient = bound("report-patient", model.patientProperty(), "detail-name");
        Label identifiers = bound("report-identifiers", model.identifiersProperty(), "muted");
        Label study = bound("report-study", model.studyProperty(), "detail-value");
        Label indication = bound("report-indication", model.clinicalIndicationProperty(), "detail-value");
        Label indicationKey = new Label("Indication");
        indicationKey.getStyleClass().add("muted");
        indicationKey.setMinWidth(Region.USE_PREF_SIZE); // the indication wraps beside it; its name stays whole
        Label status = bound("report-status", model.statusProperty(), "report-status");
        status.setMinWidth(Region.USE_PREF_SIZE); // a long notice beside it wraps; the status word stays whole
        Label saved = bound("report-save-state", model.saveStateProperty(), "muted");
        Label notice = bound("report-notice", model.noticeProperty(), "warning-text");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox statusLine = new HBox(10, status, notice, spacer, saved);
        statusLine.getStyleClass().add("report-status-line");
        VBox header = new VBox(2, title, patient, identifiers, study, new HBox(8, indicationKey, indication), statusLine);
        header.getStyleClass().add("report-header");
        header.visibleProperty().bind(model.openedProperty());
        header.managedProperty().bind(header.visibleProperty());
        return header;
    }

    private VBox body() {
        Label empty = new Label("Open a request from the worklist (select it, press Enter).");
        empty.getStyleClass().add("muted");
        empty.visibleProperty().bind(model.openedProperty().not());
        empty.managedProperty().bind(empty.visibleProperty());

        addendaBox.getStyleClass().add("addenda");
        model.addenda().addListener((ListChangeListener<VersionRow>) c -> showAddenda());
        addendaBox.visibleProperty().bind(Bindings.isNotEmpty(model.addenda()));
        addendaBox.managedProperty().bind(addendaBox.visibleProperty());

        VBox sections = new VBox(6);
        for (ReportSection s : ReportSection.values()) {
            sections.getChildren().addAll(sectionLabel(s), area(s));
        }
        Label unfilled = bound("report-unfilled", model.unfilledProperty(), "warning-text");
        unfilled.visibleProperty().bind(model.unfilledProperty().isNotEmpty().and(model.editableProperty()));
        unfilled.managedProperty().bind(unfilled.visibleProperty());

        VBox content = new VBox(10, empty, breakLock(), addendaBox, tools(), sections, unfilled, signing(), output(), addendum(),
                history());
        content.getStyleClass().add("report-body");
        sections.visibleProperty().bind(model.openedProperty());
        sections.managedProperty().bind(sections.visibleProperty());
        return content;
    }

    private Label sectionLabel(ReportSection s) {
        Label label = new Label(s.label().toUpperCase(java.util.Locale.ROOT));
        label.getStyleClass().add("section-title");
        return label;
    }

    private TextArea area(ReportSection s) {
        TextArea area = new TextArea();
        area.setId("section-" + s.field());
        area.setWrapText(true);
        area.setPrefRowCount(s == ReportSection.FINDINGS ? 9 : s == ReportSection.IMPRESSION ? 4 : 2);
        area.textProperty().bindBidirectional(model.sectionProperty(s));
        area.editableProperty().bind(model.editableProperty());
        area.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                model.flush();
            }
        });
        area.addEventFilter(KeyEvent.KEY_PRESSED, e -> fieldKeys(s, area, e));
        area.addEventFilter(KeyEvent.KEY_TYPED, e -> macroKeys(area, e));
        areas.put(s, area);
        return area;
    }

    private void fieldKeys(ReportSection s, TextArea area, KeyEvent e) {
        if (e.getCode() != KeyCode.TAB || e.isControlDown()) {
            return;
        }
        e.consume();
        boolean forward = !e.isShiftDown();
        int caret = forward ? Math.max(area.getCaretPosition(), area.getSelection().getEnd()) : area.getSelection().getStart();
        model.nextField(s, caret, forward).ifPresentOrElse(this::selectField, () -> {
            ReportSection[] all = ReportSection.values();
            int next = s.ordinal() + (forward ? 1 : -1);
            if (next >= 0 && next < all.length) {
                areas.get(all[next]).requestFocus();
            } else if (forward) {
                password.requestFocus();
            }
        });
    }

    private void selectField(ReportEditorViewModel.FieldTarget target) {
        TextArea area = areas.get(target.section());
        area.requestFocus();
        area.selectRange(target.token().start(), target.token().end());
        if (target.token().kind() == FieldKind.MENU && area.isEditable()) {
            ContextMenu choices = new ContextMenu();
            choices.setId("field-choices");
            for (String option : target.token().options()) {
                MenuItem item = new MenuItem(option);
                item.setOnAction(a -> choose(area, target.token(), option));
                choices.getItems().add(item);
            }
            // Typing instead of choosing writes free text over the field: the menu goes away with it.
            EventHandler<KeyEvent> typing = e -> {
                if (!e.getCharacter().isEmpty() && !Character.isISOControl(e.getCharacter().charAt(0))) {
                    choices.hide();
                }
            };
            area.addEventFilter(KeyEvent.KEY_TYPED, typing);
            choices.setOnHidden(e -> area.removeEventFilter(KeyEvent.KEY_TYPED, typing));
            choices.show(area, Side.BOTTOM, 0, 0);
        }
    }

    /**
     * A choice replaces the field only while the field is still where the menu found it: text typed
     * meanwhile has moved or replaced it, and offsets from before would cut into the report.
     */
    private static void choose(TextArea area, FieldToken field, String option) {
        if (FieldToken.find(area.getText()).contains(field)) {
            area.replaceText(field.start(), field.end(), option);
        }
    }

    /** What the message after applying promises: the typing starts in the template's first field, wherever focus was. */
    private void firstFieldOfTheTemplate() {
        ReportSection first = ReportSection.values()[0];
        model.nextField(first, 0, true).ifPresent(target -> {
            TextArea area = areas.get(target.section());
            area.requestFocus();
            area.selectRange(target.token().start(), target.token().end());
        });
    }

    private void macroKeys(TextArea area, KeyEvent e) {
        String typed = e.getCharacter();
        if (!area.isEditable() || !(" ".equals(typed) || "\r".equals(typed) || "\n".equals(typed))) {
            return;
        }
        model.expandMacro(area.getText(), area.getCaretPosition())
                .ifPresent(x -> area.replaceText(x.start(), x.end(), x.replacement()));
    }

    private FlowPane tools() {
        ComboBox<ReportTemplate> templates = new ComboBox<>(model.templates());
        templates.setId("template-choice");
        templates.setPromptText("Template");
        templates.valueProperty().bindBidirectional(model.templateProperty());
        templates.setPrefWidth(190);
        Button apply = new Button("Apply _template");
        apply.setId("apply-template");
        apply.setOnAction(e -> {
            model.applyTemplate();
            // Later: fired by its mnemonic (Alt+T) the button takes the focus once this handler has run.
            Platform.runLater(this::firstFieldOfTheTemplate);
        });
        apply.disableProperty().bind(model.templateProperty().isNull());
        Button importButton = new Button("Import…");
        importButton.setId("import-template");
        importButton.setOnAction(e -> importTemplate());
        Button macros = new Button("Macros…");
        macros.setId("manage-macros");
        macros.setOnAction(e -> onManageMacros.run());
        CheckBox critical = new CheckBox("Critical result");
        critical.setId("critical-flag");
        critical.selectedProperty().bindBidirectional(model.criticalProperty());
        critical.disableProperty().bind(model.editableProperty().not().and(model.signedProperty().not()));
        FlowPane tools = new FlowPane(8, 6, templates, apply, importButton, macros, critical);
        tools.getStyleClass().add("report-tools");
        tools.visibleProperty().bind(model.editableProperty().or(model.signedProperty()));
        tools.managedProperty().bind(tools.visibleProperty());
        for (Node n : new Node[] {templates, apply, importButton}) {
            n.visibleProperty().bind(model.editableProperty());
            n.managedProperty().bind(n.visibleProperty());
        }
        return tools;
    }

    private void importTemplate() {
        chooser.templateToImport(window()).ifPresent(model::importTemplate);
    }

    private void savePdf() {
        chooser.pdfTarget(window(), model.suggestedPdfName()).ifPresent(model::savePdf);
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    private VBox signing() {
        password.setId("sign-password");
        password.setPromptText("Password to sign");
        password.textProperty().bindBidirectional(model.signForm().passwordProperty());
        password.setOnAction(e -> model.sign());

        TextField whom = new TextField();
        whom.setId("notified-whom");
        whom.textProperty().bindBidirectional(model.signForm().notifiedWhomProperty());
        ComboBox<NotificationMethod> method = new ComboBox<>();
        method.setId("notification-method");
        method.getItems().setAll(NotificationMethod.values());
        method.valueProperty().bindBidirectional(model.signForm().notificationMethodProperty());
        TextField at = new TextField();
        at.setId("notified-at");
        at.setPrefColumnCount(14);
        at.textProperty().bindBidirectional(model.signForm().notifiedAtProperty());
        GridPane notice = new GridPane();
        notice.setHgap(8);
        notice.setVgap(4);
        notice.addRow(0, new Label("Notified"), whom);
        notice.addRow(1, new Label("How"), method);
        notice.addRow(2, new Label("When"), at);
        Label noticeTitle = new Label("Critical result: who was told, how and when");
        noticeTitle.getStyleClass().add("danger-text");
        VBox criticalBox = new VBox(4, noticeTitle, notice);
        criticalBox.getStyleClass().add("critical-notice");
        criticalBox.visibleProperty().bind(model.criticalProperty());
        criticalBox.managedProperty().bind(criticalBox.visibleProperty());

        CheckBox leaveOut = new CheckBox("Sign without the unfilled fields");
        leaveOut.setId("leave-out-unfilled");
        leaveOut.selectedProperty().bindBidirectional(model.signForm().leaveOutUnfilledProperty());
        leaveOut.visibleProperty().bind(model.unfilledProperty().isNotEmpty());
        leaveOut.managedProperty().bind(leaveOut.visibleProperty());

        ComboBox<org.lightbox.auth.UserAccount> reviewer = new ComboBox<>(model.signForm().reviewers());
        reviewer.setId("reviewer-choice");
        reviewer.setPromptText("Reviewer");
        reviewer.valueProperty().bindBidirectional(model.signForm().reviewerProperty());
        reviewer.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(org.lightbox.auth.UserAccount u) {
                return u == null ? "" : u.displayName();
            }

            @Override
            public org.lightbox.auth.UserAccount fromString(String s) {
                return null;
            }
        });
        reviewer.visibleProperty().bind(model.canSubmitForReviewProperty());
        reviewer.managedProperty().bind(reviewer.visibleProperty());

        Button sign = new Button("Sign  (Ctrl+Enter)");
        sign.setId("sign");
        sign.setDefaultButton(false);
        sign.disableProperty().bind(model.canSignProperty().not());
        sign.visibleProperty().bind(model.canSignProperty().or(model.canSubmitForReviewProperty().not()));
        sign.managedProperty().bind(sign.visibleProperty());
        sign.setOnAction(e -> model.sign());
        Button submit = new Button("Submit for review");
        submit.setId("submit-review");
        submit.visibleProperty().bind(model.canSubmitForReviewProperty());
        submit.managedProperty().bind(submit.visibleProperty());
        submit.setOnAction(e -> model.submitForReview());

        FlowPane buttons = new FlowPane(8, 6, password, reviewer, sign, submit);
        VBox box = new VBox(6, criticalBox, leaveOut, buttons);
        box.getStyleClass().add("sign-box");
        box.visibleProperty().bind(model.canSignProperty().or(model.canSubmitForReviewProperty()));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    /** What a signed report offers everyone who may read it: the PDF for the referring physician. */
    private FlowPane output() {
        Button pdf = new Button("Save as _PDF…");
        pdf.setId("save-pdf");
        pdf.disableProperty().bind(model.canSavePdfProperty().not());
        pdf.setOnAction(e -> savePdf());
        FlowPane row = new FlowPane(8, 6, pdf);
        row.visibleProperty().bind(model.signedProperty());
        row.managedProperty().bind(row.visibleProperty());
        return row;
    }

    private VBox addendum() {
        addendumText.setId("addendum-text");
        addendumText.setPromptText("Addendum: what this adds to the signed report");
        addendumText.setWrapText(true);
        addendumText.setPrefRowCount(3);
        addendumText.textProperty().bindBidirectional(model.addendumProperty());
        PasswordField addendumPassword = new PasswordField();
        addendumPassword.setId("addendum-password");
        addendumPassword.setPromptText("Password to sign");
        addendumPassword.textProperty().bindBidirectional(model.signForm().passwordProperty());
        addendumPassword.setOnAction(e -> model.addAddendum());
        Button sign = new Button("Sign addendum  (Ctrl+Shift+A)");
        sign.setId("sign-addendum");
        sign.disableProperty().bind(model.canAddAddendumProperty().not());
        sign.setOnAction(e -> model.addAddendum());
        Button release = new Button("Rel_ease to referrer");
        release.setId("release-report");
        release.disableProperty().bind(model.canReleaseProperty().not());
        release.setOnAction(e -> model.release());
        Label title = new Label("ADDENDUM");
        title.getStyleClass().add("section-title");
        VBox box = new VBox(6, title, addendumText, new FlowPane(8, 6, addendumPassword, sign, release));
        box.getStyleClass().add("sign-box");
        box.visibleProperty().bind(model.mayAmendProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private HBox breakLock() {
        TextField reason = new TextField();
        reason.setId("break-lock-reason");
        reason.setPromptText("Why the lock is broken (audited)");
        Button breakIt = new Button("Break lock");
        breakIt.setId("break-lock");
        breakIt.setOnAction(e -> model.breakLock(reason.getText()));
        HBox box = new HBox(8, reason, breakIt);
        box.visibleProperty().bind(model.canBreakLockProperty());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private TitledPane history() {
        ListView<VersionRow> list = new ListView<>(model.versions());
        list.setId("version-list");
        list.setPrefHeight(110);
        list.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null) {
                model.selectedVersionProperty().set(now);
            }
        });
        model.selectedVersionProperty().addListener((o, old, now) -> list.getSelectionModel().select(now));
        diffBox.setId("version-diff");
        diffBox.getStyleClass().add("diff");
        model.diff().addListener((ListChangeListener<TextDiff.Line>) c -> showDiff());
        TitledPane pane = new TitledPane("Version history", new VBox(6, list, diffBox));
        pane.setId("version-history");
        pane.setExpanded(true);
        pane.visibleProperty().bind(Bindings.isNotEmpty(model.versions()));
        pane.managedProperty().bind(pane.visibleProperty());
        return pane;
    }

    private void showDiff() {
        diffBox.getChildren().clear();
        for (TextDiff.Line line : model.diff()) {
            Label l = new Label((line.kind() == TextDiff.Kind.ADDED ? "+ " : line.kind() == TextDiff.Kind.REMOVED ? "- " : "  ")
                    + line.text());
            l.setWrapText(true);
            l.getStyleClass().add("diff-" + line.kind().name().toLowerCase(java.util.Locale.ROOT));
            diffBox.getChildren().add(l);
        }
    }

    private void showAddenda() {
        addendaBox.getChildren().clear();
        for (VersionRow row : model.addenda()) {
            Label title = new Label("ADDENDUM  ·  " + row.signedLine());
            title.getStyleClass().add("section-title");
            Label text = new Label(row.version().addendum());
            text.setWrapText(true);
            text.getStyleClass().add("addendum-text");
            VBox card = new VBox(2, title, text);
            card.getStyleClass().add("addendum-card");
            addendaBox.getChildren().add(card);
        }
    }

    private void shortcuts(KeyEvent e) {
        if (KeyCombination.keyCombination("Shortcut+Enter").match(e)) {
            model.flush();
            if (model.canSignProperty().get()) {
                if (model.signForm().passwordProperty().get().isEmpty()) {
                    password.requestFocus();
                } else {
                    model.sign();
                }
            }
            e.consume();
        } else if (KeyCombination.keyCombination("Shortcut+Shift+A").match(e) && model.signedProperty().get()) {
            addendumText.requestFocus();
            e.consume();
        }
    }

    private static Label bound(String id, javafx.beans.value.ObservableValue<String> text, String style) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.getStyleClass().add(style);
        label.textProperty().bind(text);
        return label;
    }

    /** Puts the caret in the findings (after opening a study). */
    public void focusFindings() {
        areas.get(ReportSection.FINDINGS).requestFocus();
    }

    public void dispose() {
        watchActivity(watched, null);
    }
}
