package org.lightbox.settings;

import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.lightbox.domain.Actor;
import org.lightbox.ingest.StorageScpSettings;
import org.lightbox.ingest.pacs.PacsProtocol;
import org.lightbox.ingest.pacs.PacsSettings;
import org.lightbox.ui.FieldErrors;
import org.lightbox.ui.TaskExecutor;
import org.lightbox.ui.TaskListener;
import org.lightbox.ui.UserMessages;

/** The PACS tab: which PACS the Scans screen queries and retrieves from, and how. */
public final class PacsSettingsViewModel {
    private final SettingsEditor editor;
    private final TaskExecutor tasks;
    private final Actor actor;
    private final ObjectProperty<PacsProtocol> protocol = new SimpleObjectProperty<>(PacsProtocol.NONE);
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty aeTitle = new SimpleStringProperty("");
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper ourSide = new ReadOnlyStringWrapper("");
    private final FieldErrors errors = new FieldErrors();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanBinding dicomWeb = protocol.isEqualTo(PacsProtocol.DICOMWEB);
    private final BooleanBinding dimse = protocol.isEqualTo(PacsProtocol.DIMSE);

    public PacsSettingsViewModel(SettingsEditor editor, TaskExecutor tasks, Actor actor) {
        this.editor = editor;
        this.tasks = tasks;
        this.actor = actor;
        cancel();
    }

    public ObjectProperty<PacsProtocol> protocolProperty() { return protocol; }
    public StringProperty urlProperty() { return url; }
    public StringProperty userProperty() { return user; }
    public StringProperty aeTitleProperty() { return aeTitle; }
    public StringProperty hostProperty() { return host; }
    public StringProperty portProperty() { return port; }
    public BooleanBinding dicomWebProperty() { return dicomWeb; }
    public BooleanBinding dimseProperty() { return dimse; }
    /** Our AE title and port for C-MOVE, which the PACS administrator registers on the PACS. */
    public ReadOnlyStringProperty ourSideProperty() { return ourSide.getReadOnlyProperty(); }
    public FieldErrors errors() { return errors; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** Back to what is stored, dropping what was typed. */
    public void cancel() {
        tasks.submit(progress -> new Stored(editor.pacs(), editor.storageScp()), TaskListener.of(stored -> {
            show(stored.pacs());
            ourSide.set("C-MOVE sends to this workstation's Storage SCP: AE title " + stored.scp().aeTitle() + ", port "
                    + stored.scp().port() + " (set on the Scans screen). Register that AE title with this workstation's"
                    + " address on the PACS.");
        }, error -> message.set(UserMessages.of(error))));
    }

    private record Stored(PacsSettings pacs, StorageScpSettings scp) {
    }

    public void save() {
        errors.clear();
        message.set("");
        PacsProtocol p = protocol.get();
        String u = url.get();
        String name = user.get();
        String ae = aeTitle.get();
        String h = host.get();
        String portText = port.get();
        tasks.submit(progress -> editor.savePacs(actor, p, u, name, ae, h, portText), TaskListener.of(saved -> {
            show(saved);
            message.set(saved.configured() ? "Saved. The Scans screen queries " + saved.describe() + " from its next Find."
                    : "Saved. No PACS: the Scans screen says so and offers no query.");
        }, error -> message.set(errors.show(error))));
    }

    private void show(PacsSettings pacs) {
        errors.clear();
        message.set("");
        protocol.set(pacs.protocol());
        url.set(pacs.dicomWebUrl());
        user.set(pacs.user());
        aeTitle.set(pacs.aeTitle());
        host.set(pacs.host());
        port.set(pacs.port() == 0 ? "" : Integer.toString(pacs.port()));
    }
}
