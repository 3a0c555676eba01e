package org.lightbox.app;

import org.lightbox.audit.AuditVerifyCommand;
import org.lightbox.sync.CentralAuditTrail;
import org.lightbox.sync.CentralStoreCommand;
import org.lightbox.sync.SyncCommand;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Builds subcommands with the services they need, opened lazily from the data folder the command
 * line names (it is known only once the arguments are parsed).
 */
final class CommandFactory implements IFactory {
    private final WorkstationSession session;
    private final IFactory fallback = CommandLine.defaultFactory();

    CommandFactory(WorkstationSession session) {
        this.session = session;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Object command = null;
        if (type == AuditVerifyCommand.class) {
            command = new AuditVerifyCommand(() -> session.workstation().auditTrail(),
                    query -> new CentralAuditTrail(store -> session.workstation().sync().client(store)).events(query),
                    () -> session.workstation().audit().workstation());
        } else if (type == SyncCommand.class) {
            command = new SyncCommand(() -> session.workstation().sync());
        } else if (type == CentralStoreCommand.class) {
            command = new CentralStoreCommand(() -> session.workstation().sync());
        }
        return command != null ? type.cast(command) : fallback.create(type);
    }
}
