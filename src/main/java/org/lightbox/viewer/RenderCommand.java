package org.lightbox.viewer;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.lightbox.dicom.DecodedImage;
import org.lightbox.dicom.DicomReadException;
import org.lightbox.dicom.FrameDecoder;
import org.lightbox.dicom.RawFrame;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lightbox render FILE [--frame N] [--window CENTER WIDTH] --out OUT.png}: one frame through
 * the viewer's own pipeline, headless, at the image's own size. Used to check the viewer against
 * dcmtk's {@code dcmj2pnm} and to make pictures for a report or a bug.
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Renders one frame of a DICOM file to PNG through the viewer's pixel pipeline:",
                "8-bit grey (RGB for colour images) at the image's own size.",
                "Exit status: 0 written, 1 the file cannot be rendered (the reason is printed), 2 bad arguments."})
public final class RenderCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The DICOM file.")
    private Path file;

    @Option(names = "--frame", paramLabel = "N", defaultValue = "1",
            description = "Frame number, counting from 1 as DICOM does (default: 1).")
    private int frame;

    @Option(names = "--window", arity = "2", paramLabel = "CENTER WIDTH", hideParamSyntax = true,
            description = {"Window centre and width in modality units after rescale (e.g. HU), by the standard's",
                    "linear VOI function. Default: the file's first window, else its VOI LUT, else the pixel range."})
    private double[] window;

    @Option(names = "--out", paramLabel = "OUT.png", required = true, description = "Where to write the PNG.")
    private Path out;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (window != null && window[1] < 1) {
            err.println("lightbox render: the window width must be at least 1 (PS3.3 C.11.2.1.2)");
            return 2;
        }
        DecodedImage image;
        try {
            image = new FrameDecoder().decode(file, frame - 1, 1);
        } catch (DicomReadException e) {
            err.println("lightbox render: " + e.getMessage());
            return 1;
        }
        int frames = image.frameCount();
        if (frame < 1 || frame > frames) {
            err.println("lightbox render: " + file + " has " + frames + (frames == 1 ? " frame" : " frames")
                    + "; --frame must be between 1 and " + frames);
            return 2;
        }
        RawFrame raw = image.frames().get(0);
        GreyPresentation presentation = window == null ? InitialPresentation.of(raw)
                : GreyPresentation.window(new WindowLevel(window[0], window[1]));
        try {
            PngImages.write(new FrameRenderer().render(raw, presentation), out);
        } catch (IOException e) {
            err.println("lightbox render: cannot write " + out + " (" + e.getMessage() + ")");
            return 1;
        }
        spec.commandLine().getOut().println(out);
        return 0;
    }
}
