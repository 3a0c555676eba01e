package org.lightbox.report;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.lightbox.domain.Actor;
import org.lightbox.domain.Permission;
import org.lightbox.request.ImagingRequest;
import org.lightbox.request.RequestDetails;
import org.lightbox.ui.BackgroundTask;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskHandle;
import org.lightbox.ui.TaskListener;
import org.lightbox.ui.UserMessages;
import org.lightbox.worklist.ReadingLockLostException;
import org.lightbox.worklist.ReadingLocks;

/**
 * The report editor's state for the opened request: its header, the five sections as typed, the
 * draft's save state, the signed versions, and the commands (template, macro, field, sign, addendum,
 * release).
 * <p>
 * No lost word: every change marks the draft dirty and a tick every {@link #AUTOSAVE_TICK} saves it,
 * so a keystroke is on disk within a second; a focus change saves at once. Writes go one at a time,
 * in order ({@link EditorWrites}), so an older text never overwrites a newer one. A refused save keeps
 * the text here and says why. The signature form is its own small ViewModel ({@link SignFormViewModel}).
 */
public final class ReportEditorViewModel {
    static final Duration AUTOSAVE_TICK = Duration.ofMillis(400);
    private static final Duration LOCK_RENEWAL = Duration.ofSeconds(30);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm");

    private final Reporting reporting;
    private final TemplateLibrary templateLibrary;
    private final MacroLibrary macros;
    private final ReadingLocks locks;
    private final ReportDocuments documents;
    private final TaskExecutor tasks;
    private final Clock clock;
    private final Actor actor;

    private final ReadOnlyStringWrapper patient = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper identifiers = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper study = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper clinicalIndication = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper saveStateText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper opened = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper signed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper lockedBy = new ReadOnlyStringWrapper("");
    private final Map<ReportSection, StringProperty> sections = new EnumMap<>(ReportSection.class);
    private final BooleanProperty critical = new SimpleBooleanProperty(false);

    private final ObservableList<ReportTemplate> templates = FXCollections.observableArrayList();
    private final ObjectProperty<ReportTemplate> template = new SimpleObjectProperty<>();
    private final ObservableList<VersionRow> versions = FXCollections.observableArrayList();
    private final ObservableList<VersionRow> addenda = FXCollections.observableArrayList();
    private final ObjectProperty<VersionRow> selectedVersion = new SimpleObjectProperty<>();
    private final ObservableList<TextDiff.Line> diff = FXCollections.observableArrayList();

    private final SignFormViewModel signForm;
    private final ReadOnlyStringWrapper unfilled = new ReadOnlyStringWrapper("");
    private final StringProperty addendum = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper maySignAlone = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper mayFinalize = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper mayAddAddendum = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper requestReported = new ReadOnlyBooleanWrapper(false);

    private final BooleanBinding canSign;
    private final BooleanBinding canSubmitForReview;
    private final BooleanBinding canAddAddendum;
    private final BooleanBinding canRelease;
    private final BooleanBinding canSavePdf;
    private final BooleanBinding canBreakLock;
    private final BooleanBinding mayAmend;

    private final EditorWrites writes;
    private final List<TaskHandle> timers = new ArrayList<>();
    private boolean loading;
    private ReportContext context;
    private MacroExpander expander = new MacroExpander(Map.of());
    private SaveState saveState = SaveState.NOTHING;
    private long edits;
    private long savedEdits;
    private boolean activeSinceRenewal;

    public ReportEditorViewModel(Reporting reporting, TemplateLibrary templateLibrary, MacroLibrary macros, ReadingLocks locks,
            ReportDocuments documents, TaskExecutor tasks, Clock clock, Actor actor) {
        this.reporting = reporting;
        this.templateLibrary = templateLibrary;
        this.macros = macros;
        this.locks = locks;
        this.documents = documents;
        this.tasks = tasks;
        this.clock = clock;
        this.actor = actor;
        this.signForm = new SignFormViewModel(clock);
        this.writes = new EditorWrites(tasks);
        for (ReportSection s : ReportSection.values()) {
            StringProperty text = new SimpleStringProperty("");
            text.addListener(o -> edited());
            sections.put(s, text);
        }
        critical.addListener(o -> edited());
        selectedVersion.addListener(o -> showDiff());
        canSign = Bindings.createBooleanBinding(() -> !busy.get() && !signed.get() && context != null && context.report() != null
                && (editable.get() && (maySignAlone.get() || mayFinalize.get()) || mayFinalize.get()),
                busy, signed, editable, maySignAlone, mayFinalize);
        canSubmitForReview = Bindings.createBooleanBinding(() -> !busy.get() && editable.get() && !mayFinalize.get()
                && !maySignAlone.get() && context != null && context.report() != null
                && context.report().status() == ReportStatus.DRAFT, busy, editable, mayFinalize, maySignAlone);
        canAddAddendum = Bindings.createBooleanBinding(() -> !busy.get() && mayAddAddendum.get() && !addendum.get().isBlank(),
                busy, mayAddAddendum, addendum);
        canRelease = Bindings.createBooleanBinding(() -> !busy.get() && signed.get() && requestReported.get()
                && actor.can(Permission.RELEASE_REPORT), busy, signed, requestReported);
        canSavePdf = Bindings.createBooleanBinding(() -> !busy.get() && signed.get(), busy, signed);
        mayAmend = Bindings.createBooleanBinding(() -> signed.get() && mayAddAddendum.get(), signed, mayAddAddendum);
        canBreakLock = Bindings.createBooleanBinding(() -> !lockedBy.get().isEmpty() && actor.can(Permission.BREAK_READING_LOCK),
                lockedBy);
        timers.add(tasks.every(AUTOSAVE_TICK, this::tick));
        timers.add(tasks.every(LOCK_RENEWAL, this::renewLockIfUsed));
        loadTemplates();
    }

    // ---- Properties ----------------------------------------------------------------------------------------

    public ReadOnlyStringProperty patientProperty() { return patient.getReadOnlyProperty(); }
    public ReadOnlyStringProperty identifiersProperty() { return identifiers.getReadOnlyProperty(); }
    public ReadOnlyStringProperty studyProperty() { return study.getReadOnlyProperty(); }
    public ReadOnlyStringProperty clinicalIndicationProperty() { return clinicalIndication.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyStringProperty saveStateProperty() { return saveStateText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty lockedByProperty() { return lockedBy.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty openedProperty() { return opened.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty editableProperty() { return editable.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty signedProperty() { return signed.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public StringProperty sectionProperty(ReportSection section) { return sections.get(section); }
    public BooleanProperty criticalProperty() { return critical; }
    public ObservableList<ReportTemplate> templates() { return templates; }
    public ObjectProperty<ReportTemplate> templateProperty() { return template; }
    public ObservableList<VersionRow> versions() { return versions; }
    public ObservableList<VersionRow> addenda() { return addenda; }
    public ObjectProperty<VersionRow> selectedVersionProperty() { return selectedVersion; }
    public ObservableList<TextDiff.Line> diff() { return diff; }
    public SignFormViewModel signForm() { return signForm; }
    public ReadOnlyStringProperty unfilledProperty() { return unfilled.getReadOnlyProperty(); }
    public StringProperty addendumProperty() { return addendum; }
    public BooleanBinding canSignProperty() { return canSign; }
    public BooleanBinding canSubmitForReviewProperty() { return canSubmitForReview; }
    public BooleanBinding canAddAddendumProperty() { return canAddAddendum; }
    public BooleanBinding canReleaseProperty() { return canRelease; }
    public BooleanBinding canBreakLockProperty() { return canBreakLock; }
    public BooleanBinding canSavePdfProperty() { return canSavePdf; }
    public BooleanBinding mayAmendProperty() { return mayAmend; }

    public ReportSections currentText() {
        Map<ReportSection, String> texts = new EnumMap<>(ReportSection.class);
        sections.forEach((s, p) -> texts.put(s, p.get()));
        return ReportSections.of(texts);
    }

    // ---- Opening and closing -------------------------------------------------------------------------------

    /** Opens the request's report: the draft to write (taking the study), or what this user may read. */
    public void open(RequestDetails details) {
        closeCurrent();
        message.set("");
        if (details == null) {
            return;
        }
        String requestId = details.request().id();
        write(progress -> new Opened(reporting.open(actor, requestId), macros.expanderFor(actor)), opened -> {
            expander = opened.expander();
            show(opened.context());
        });
    }

    /** Saves what is unsaved and lets the study go (another request opens, the user signs out, the window closes). */
    public void closeCurrent() {
        ReportContext closing = context;
        if (closing == null) {
            return;
        }
        saveIfDirty(true);
        if (closing.editable() || closing.mayFinalize()) {
            write(progress -> {
                reporting.closeReading(actor, closing.request().id());
                return true;
            }, ok -> { });
        }
        context = null;
        loading = true;
        sections.values().forEach(p -> p.set(""));
        critical.set(false);
        loading = false;
        opened.set(false);
        editable.set(false);
        signed.set(false);
        mayAddAddendum.set(false);
        versions.clear();
        addenda.clear();
        saveState = SaveState.NOTHING;
        refreshSaveState();
    }

    private void show(ReportContext ctx) {
        context = ctx;
        ImagingRequest r = ctx.request();
        patient.set(r.patient().name().display());
        identifiers.set("MRN " + r.patient().mrn() + "  ·  born " + r.patient().birthDate() + "  ·  " + r.patient().sex().label());
        study.set(r.accession() + "  ·  " + r.requestedModality().code() + " " + r.description()
                + (r.performedAt() == null ? "" : "  ·  performed " + WHEN.format(r.performedAt().atZone(clock.getZone()))));
        clinicalIndication.set(r.clinicalIndication().isBlank() ? "(no clinical indication given)" : r.clinicalIndication());
        status.set(ctx.report() == null ? "No report" : ctx.report().status().label());
        notice.set(ctx.notice() == null ? "" : ctx.notice());
        lockedBy.set(ctx.lockedBy() == null ? "" : ctx.lockedBy());
        maySignAlone.set(ctx.maySignAlone());
        mayFinalize.set(ctx.mayFinalize());
        mayAddAddendum.set(ctx.mayAddAddendum());
        requestReported.set(r.status() == org.lightbox.domain.RequestStatus.REPORTED);
        ReportSections text = ctx.isSigned() || ctx.report() == null ? mainVersionText(ctx) : ctx.report().sections();
        loading = true;
        sections.forEach((s, p) -> p.set(text.get(s)));
        critical.set(ctx.report() != null && ctx.report().critical());
        loading = false;
        edits = 0;
        savedEdits = 0;
        saveState = new SaveState(ctx.report() == null ? null : ctx.report().draftSavedAt(), false, false, null);
        signed.set(ctx.isSigned());
        editable.set(ctx.editable());
        opened.set(true);
        showVersions(ctx.versions());
        addendum.set("");
        signForm.reset(r.orderingClinician());
        if (ctx.editable() && !ctx.maySignAlone() && !ctx.mayFinalize()) {
            loadReviewers();
        }
        if (ctx.editable() && ctx.report() != null && ctx.report().sections().findings().isBlank() && template.get() == null) {
            template.set(templateLibrary.suggestFor(r, templates));
        }
        activeSinceRenewal = false;
        refreshUnfilled();
        refreshSaveState();
    }

    private static ReportSections mainVersionText(ReportContext ctx) {
        return ctx.versions().stream().filter(v -> !v.isAddendum()).reduce((a, b) -> b).map(SignedVersion::sections)
                .orElse(ReportSections.EMPTY);
    }

    private void showVersions(List<SignedVersion> signedVersions) {
        List<VersionRow> rows = new ArrayList<>();
        for (int i = signedVersions.size() - 1; i >= 0; i--) {
            rows.add(VersionRow.of(signedVersions.get(i), i == 0 ? null : signedVersions.get(i - 1), clock.getZone()));
        }
        versions.setAll(rows);
        addenda.setAll(rows.stream().filter(r -> r.version().isAddendum()).toList());
        selectedVersion.set(rows.isEmpty() ? null : rows.get(0));
    }

    private void showDiff() {
        VersionRow row = selectedVersion.get();
        diff.setAll(row == null ? List.of() : row.diff());
    }

    // ---- Autosave ------------------------------------------------------------------------------------------

    private void edited() {
        if (loading || context == null) {
            return;
        }
        edits++;
        activeSinceRenewal = true;
        saveState = new SaveState(saveState.savedAt(), true, saveState.saving(), saveState.error());
        refreshUnfilled();
        refreshSaveState();
    }

    /** Any key or click in the window: the reading lock is renewed while the reader is there. */
    public void activity() {
        activeSinceRenewal = true;
    }

    private void tick() {
        saveIfDirty(false);
        refreshSaveState();
    }

    /** A focus change: saves now rather than at the next tick. */
    public void flush() {
        saveIfDirty(true);
    }

    /** Queues a save of the text as it is now; writes run in order, so {@code evenIfSaving} never lets older text win. */
    private void saveIfDirty(boolean evenIfSaving) {
        ReportContext ctx = context;
        if (ctx == null || !ctx.editable() || ctx.report() == null || edits == savedEdits
                || saveState.saving() && !evenIfSaving) {
            return;
        }
        long upTo = edits;
        ReportSections text = currentText();
        boolean flag = critical.get();
        String reportId = ctx.report().id();
        saveState = new SaveState(saveState.savedAt(), true, true, null);
        refreshSaveState();
        write(progress -> reporting.saveDraft(actor, reportId, text, flag), saved -> {
            savedEdits = Math.max(savedEdits, upTo);
            saveState = new SaveState(saved.draftSavedAt(), edits != savedEdits, false, null);
            refreshSaveState();
        }, error -> {
            saveState = new SaveState(saveState.savedAt(), true, false, UserMessages.of(error));
            if (error instanceof ReadingLockLostException lost) {
                stopWriting(lost);
            }
            refreshSaveState();
        });
    }

    /**
     * The study was taken from this reader (lock broken, reassigned): the editor becomes read only
     * and keeps the text on screen, so nothing typed vanishes, and says who took it.
     */
    private void stopWriting(ReadingLockLostException lost) {
        ReportContext ctx = context;
        if (ctx == null || !(ctx.editable() || ctx.mayFinalize())) {
            return;
        }
        String unsaved = edits != savedEdits ? " Your last changes, still shown here, were not saved." : "";
        context = ctx.withWritingStopped(lost.getMessage() + ". The draft is kept as last saved; open the study again from the"
                + " worklist to go on." + unsaved);
        notice.set(context.notice());
        editable.set(false);
        mayFinalize.set(false);
    }

    private void refreshSaveState() {
        saveStateText.set(context == null || !context.editable() ? "" : saveState.describe(clock.instant()));
    }

    private void renewLockIfUsed() {
        ReportContext ctx = context;
        if (ctx == null || !(ctx.editable() || ctx.mayFinalize()) || !activeSinceRenewal) {
            return;
        }
        activeSinceRenewal = false;
        String requestId = ctx.request().id();
        write(progress -> {
            reporting.renewLock(actor, requestId);
            return true;
        }, ok -> { }, error -> {
            if (error instanceof ReadingLockLostException lost) {
                stopWriting(lost);
            } else {
                message.set(UserMessages.of(error));
            }
        });
    }

    // ---- Templates, fields, macros -------------------------------------------------------------------------

    private void loadTemplates() {
        tasks.submit(progress -> templateLibrary.all(), TaskListener.of(templates::setAll, error -> message.set(UserMessages.of(error))));
    }

    /** Fills the sections from the chosen template; text already typed stays, the template's goes after it. */
    public void applyTemplate() {
        ReportTemplate chosen = template.get();
        if (chosen == null || !editable.get()) {
            return;
        }
        for (ReportSection s : ReportSection.values()) {
            String add = chosen.content().get(s);
            String current = sections.get(s).get();
            if (add.isBlank() || current.contains(add)) {
                continue;
            }
            boolean onlyOptionalFields = FieldToken.find(add).stream().allMatch(t -> t.completion() == Completion.NONE)
                    && FieldToken.withoutFields(add).replaceAll("[A-Za-z ]+:", "").isBlank();
            if (s == ReportSection.INDICATION && !current.isBlank() && onlyOptionalFields) {
                continue; // the request's indication is already there; an empty history field adds nothing
            }
            sections.get(s).set(current.isBlank() ? add : current.stripTrailing() + "\n" + add);
        }
        message.set("Template " + chosen.title() + " applied: Tab moves to the next field.");
    }

    /** Imports an MRRT template file; a file that is not one is refused with the reason, the draft untouched. */
    public void importTemplate(Path file) {
        message.set("");
        tasks.submit(progress -> templateLibrary.importFile(actor, file), TaskListener.of(imported -> {
            templates.add(imported);
            template.set(imported);
            message.set("Imported template " + imported.title() + ".");
        }, error -> message.set(UserMessages.of(error))));
    }

    /** The next (or previous) unfilled field from the caret, looking on through the following sections. */
    public Optional<FieldTarget> nextField(ReportSection from, int caret, boolean forward) {
        List<ReportSection> order = new ArrayList<>(List.of(ReportSection.values()));
        if (!forward) {
            java.util.Collections.reverse(order);
        }
        int startAt = order.indexOf(from);
        for (int k = 0; k < order.size(); k++) {
            ReportSection s = order.get((startAt + k) % order.size());
            List<FieldToken> tokens = FieldToken.find(sections.get(s).get());
            if (!forward) {
                java.util.Collections.reverse(tokens);
            }
            for (FieldToken t : tokens) {
                boolean after = k > 0 || (forward ? t.start() >= caret : t.end() <= caret);
                if (after) {
                    return Optional.of(new FieldTarget(s, t));
                }
            }
        }
        return Optional.empty();
    }

    /** An unfilled field found by {@link #nextField}: where it is and what it offers. */
    public record FieldTarget(ReportSection section, FieldToken token) {
    }

    /** The macro whose trigger ends at the caret, expanded; a loop is refused with a message and no change. */
    public Optional<MacroExpander.Expansion> expandMacro(String text, int caret) {
        try {
            return expander.at(text, caret);
        } catch (MacroLoopException e) {
            message.set(e.getMessage());
            return Optional.empty();
        }
    }

    /** Reloads the user's macros after they changed them. */
    public void reloadMacros() {
        tasks.submit(progress -> macros.expanderFor(actor), TaskListener.of(e -> expander = e, error -> message.set(UserMessages.of(error))));
    }

    private void refreshUnfilled() {
        UnfilledFields fields = UnfilledFields.of(currentText());
        List<String> parts = new ArrayList<>();
        if (!fields.required().isEmpty()) {
            parts.add("Required before signing: " + String.join(", ", fields.required()) + ".");
        }
        if (fields.needsAcknowledgement()) {
            parts.add(fields.describeLeftOut());
        }
        unfilled.set(String.join(" ", parts));
    }

    // ---- Signing -------------------------------------------------------------------------------------------

    public void sign() {
        if (!canSign.get()) {
            return;
        }
        String reportId = context.report().id();
        SigningRequest signing = signingRequest();
        if (signing == null) {
            return; // the notice time did not parse: the message says so, and the typed password stays
        }
        char[] secret = signForm.takePassword();
        act(progress -> reporting.sign(actor, reportId, signing, secret), "Signed.");
    }

    public void submitForReview() {
        if (!canSubmitForReview.get()) {
            return;
        }
        String reportId = context.report().id();
        SigningRequest signing = signingRequest();
        if (signing == null) {
            return;
        }
        char[] secret = signForm.takePassword();
        String reviewerId = signForm.reviewerId();
        act(progress -> reporting.submitForReview(actor, reportId, reviewerId, signing, secret), "Submitted for review.");
    }

    public void addAddendum() {
        if (!canAddAddendum.get()) {
            return;
        }
        String reportId = context.report().id();
        String text = addendum.get();
        CriticalResultNotice notice = critical.get() && !context.report().critical() ? notice() : null;
        if (critical.get() && !context.report().critical() && notice == null) {
            return;
        }
        char[] secret = signForm.takePassword();
        act(progress -> reporting.addAddendum(actor, reportId, text, notice, secret), "Addendum signed.");
    }

    public void release() {
        if (!canRelease.get()) {
            return;
        }
        String requestId = context.request().id();
        act(progress -> {
            reporting.release(actor, requestId);
            return true;
        }, "Released to the referring physician.");
    }

    /** A file name for the PDF of the opened report: its accession. */
    public String suggestedPdfName() {
        return context == null ? "report.pdf" : "report-" + context.request().accession().value() + ".pdf";
    }

    /** Writes the signed report as a PDF (audited as an export); off the UI thread. */
    public void savePdf(Path target) {
        if (!canSavePdf.get()) {
            return;
        }
        String accession = context.request().accession().value();
        ReportPdf pdf = new ReportPdf(clock.getZone());
        busy.set(true);
        message.set("");
        tasks.submit(progress -> pdf.save(documents.forAccession(actor, accession, "pdf"), target), TaskListener.of(saved -> {
            busy.set(false);
            message.set("Saved the report as " + saved + ".");
        }, error -> {
            busy.set(false);
            message.set(UserMessages.of(error));
        }));
    }

    public void breakLock(String reason) {
        if (!canBreakLock.get()) {
            return;
        }
        String requestId = context.request().id();
        act(progress -> {
            locks.breakLock(actor, requestId, reason);
            return true;
        }, "Lock broken.");
    }

    private SigningRequest signingRequest() {
        CriticalResultNotice notice = null;
        if (critical.get()) {
            notice = notice();
            if (notice == null) {
                return null;
            }
        }
        return new SigningRequest(currentText(), critical.get(), notice, signForm.leaveOutUnfilled());
    }

    /** The critical result notice of the sign form, or null with the reason in the message when its time does not parse. */
    private CriticalResultNotice notice() {
        Optional<CriticalResultNotice> typed = signForm.notice();
        if (typed.isEmpty()) {
            message.set(SignFormViewModel.NOTICE_TIME_HELP);
        }
        return typed.orElse(null);
    }

    /** A signing step: the draft's own autosave keeps running; on success the report reopens as it now stands. */
    private <T> void act(BackgroundTask<T> step, String done) {
        String requestId = context.request().id();
        busy.set(true);
        message.set("");
        write(progress -> {
            step.run(progress);
            return reporting.open(actor, requestId);
        }, ctx -> {
            busy.set(false);
            show(ctx);
            message.set(done);
        }, error -> {
            busy.set(false);
            message.set(UserMessages.of(error));
        });
    }

    private void loadReviewers() {
        tasks.submit(progress -> reporting.reviewersFor(actor), TaskListener.of(signForm::offerReviewers,
                error -> message.set(UserMessages.of(error))));
    }

    // ---- One write at a time -------------------------------------------------------------------------------

    private <T> void write(BackgroundTask<T> work, Consumer<T> done) {
        write(work, done, error -> message.set(UserMessages.of(error)));
    }

    private <T> void write(BackgroundTask<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        writes.submit(work, done, failed);
    }

    /**
     * The window is closing: saves the unsaved text and lets the study go now, on this thread, so that
     * nothing waits in a queue the process is about to drop.
     */
    public void closeNow() {
        ReportContext ctx = context;
        writes.last(() -> {
            if (ctx != null && ctx.editable() && ctx.report() != null && edits != savedEdits) {
                reporting.saveDraft(actor, ctx.report().id(), currentText(), critical.get());
                savedEdits = edits;
            }
            if (ctx != null && (ctx.editable() || ctx.mayFinalize())) {
                reporting.closeReading(actor, ctx.request().id());
            }
        });
        context = null;
    }

    public void dispose() {
        closeCurrent();
        timers.forEach(TaskHandle::cancel);
        timers.clear();
    }

    private record Opened(ReportContext context, MacroExpander expander) {
    }
}
