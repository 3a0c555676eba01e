package org.lightbox.app;

import org.lightbox.audit.AuditVerifyCommand;
import org.lightbox.report.cli.ReportFhirCommand;
import org.lightbox.report.cli.ReportPdfCommand;
import org.lightbox.report.cli.ReportVerifyCommand;
import org.lightbox.ingest.ImportCommand;
import org.lightbox.ingest.ListenCommand;
import org.lightbox.ingest.pacs.PacsCommand;
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
        } else if (type == ReportFhirCommand.class) {
            command = new ReportFhirCommand(() -> session.workstation().reportDocuments(), () -> session.workstation().json());
        } else if (type == ReportPdfCommand.class) {
            command = new ReportPdfCommand(() -> session.workstation().reportDocuments(),
                    () -> session.workstation().clock().getZone());
        } else if (type == ReportVerifyCommand.class) {
            command = new ReportVerifyCommand(() -> session.workstation().reporting(), () -> session.workstation().requests());
        } else if (type == ImportCommand.class) {
            command = new ImportCommand(() -> session.workstation().importer());
        } else if (type == ListenCommand.class) {
            command = new ListenCommand(() -> session.workstation().storageScp());
        } else if (type == PacsCommand.class) {
            command = new PacsCommand(() -> session.workstation().pacs());
        } else if (type == SyncCommand.class) {
            command = new SyncCommand(() -> session.workstation().sync());
        } else if (type == CentralStoreCommand.class) {
            command = new CentralStoreCommand(() -> session.workstation().sync());
        }
        return command != null ? type.cast(command) : fallback.create(type);
    }
}
