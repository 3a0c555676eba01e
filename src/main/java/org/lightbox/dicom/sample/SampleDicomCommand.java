package org.lightbox.dicom.sample;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lightbox sample-dicom}: regenerates the synthetic demo studies (no real patient data).
 */
@Command(name = "sample-dicom", mixinStandardHelpOptions = true,
        description = {"Writes the synthetic demo studies (made-up patients, phantom images) into a folder.",
                "Uses dcmtk, when it is on the PATH, to spread the files over several transfer syntaxes."})
public final class SampleDicomCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "sample-dicom",
            description = "Folder to write into; each study's sub-folder is replaced (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(names = "--no-dcmtk",
            description = "Do not re-encode with dcmtk: every file stays explicit VR little endian.")
    private boolean noDcmtk;

    @Spec
    private CommandSpec spec;

    /** Runs the command on its own, e.g. from Maven before it is registered under the root command. */
    public static void main(String[] args) {
        System.exit(new CommandLine(new SampleDicomCommand()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter console = spec.commandLine().getOut();
        Optional<DcmtkTranscoder> transcoder = noDcmtk ? Optional.empty() : DcmtkTranscoder.ifInstalled();
        if (!noDcmtk && transcoder.isEmpty()) {
            console.println("dcmtk (dcmconv, dcmcrle, dcmcjpeg) is not on the PATH: writing every file as explicit VR little endian.");
        }
        try {
            for (GeneratedStudy study : new SampleDicomGenerator(new SyntheticInstanceWriter(), transcoder).generate(out)) {
                console.println(study.summary());
            }
            return 0;
        } catch (IOException e) {
            spec.commandLine().getErr().println("Could not write the demo studies into " + out + ": " + e.getMessage());
            return 1;
        }
    }
}
