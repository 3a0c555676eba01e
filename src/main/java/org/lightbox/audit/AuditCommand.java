package org.lightbox.audit;

import picocli.CommandLine.Command;

/** {@code lightbox audit ...}: the audit trail from the command line. */
@Command(name = "audit", description = "Check the audit trail.", mixinStandardHelpOptions = true,
        subcommands = AuditVerifyCommand.class)
public final class AuditCommand {
}
