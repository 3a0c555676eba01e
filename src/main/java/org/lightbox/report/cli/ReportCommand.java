package org.lightbox.report.cli;

import picocli.CommandLine.Command;

/** {@code lightbox report ...}: signed reports from the command line. */
@Command(name = "report", description = "Signed reports: as FHIR, as PDF, and their integrity check.", mixinStandardHelpOptions = true,
        subcommands = {ReportFhirCommand.class, ReportPdfCommand.class, ReportVerifyCommand.class})
public final class ReportCommand {
}
