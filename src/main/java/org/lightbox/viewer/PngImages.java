package org.lightbox.viewer;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes rendered frames as PNG: 8-bit grey for grey-scale frames, 8-bit RGB for colour. */
public final class PngImages {
    private PngImages() {
    }

    public static BufferedImage toBufferedImage(RenderedImage image) {
        if (image.colour()) {
            BufferedImage rgb = new BufferedImage(image.columns(), image.rows(), BufferedImage.TYPE_INT_RGB);
            rgb.setRGB(0, 0, image.columns(), image.rows(), image.argb(), 0, image.columns());
            return rgb;
        }
        BufferedImage grey = new BufferedImage(image.columns(), image.rows(), BufferedImage.TYPE_BYTE_GRAY);
        byte[] target = ((DataBufferByte) grey.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < target.length; i++) {
            target[i] = (byte) image.argb()[i];
        }
        return grey;
    }

    /** Writes {@code image} to {@code out}, creating its folder; replaces an existing file. */
    public static void write(BufferedImage image, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(image, "png", out.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }

    public static void write(RenderedImage image, Path out) throws IOException {
        write(toBufferedImage(image), out);
    }
}
