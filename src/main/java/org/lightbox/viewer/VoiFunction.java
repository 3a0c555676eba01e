package org.lightbox.viewer;

import java.util.Locale;

/** VOI LUT Function (0028,1056): how a window maps modality values to grey levels (PS3.3 C.11.2.1.3). */
public enum VoiFunction {
    /** C.11.2.1.2.1: the default; centre and width are offset by half a value. */
    LINEAR {
        @Override
        double apply(double x, double c, double w, double yMax) {
            double low = c - 0.5 - (w - 1) / 2;
            double high = c - 0.5 + (w - 1) / 2;
            if (x <= low) {
                return 0;
            }
            if (x > high) {
                return yMax;
            }
            return ((x - (c - 0.5)) / (w - 1) + 0.5) * yMax;
        }
    },
    /** C.11.2.1.3.2. */
    LINEAR_EXACT {
        @Override
        double apply(double x, double c, double w, double yMax) {
            if (x <= c - w / 2) {
                return 0;
            }
            if (x > c + w / 2) {
                return yMax;
            }
            return ((x - c) / w + 0.5) * yMax;
        }
    },
    /** C.11.2.1.3.1. */
    SIGMOID {
        @Override
        double apply(double x, double c, double w, double yMax) {
            return yMax / (1 + Math.exp(-4 * (x - c) / w));
        }
    };

    /** The output in 0..yMax for modality value {@code x}, window centre {@code c} and width {@code w}. */
    abstract double apply(double x, double c, double w, double yMax);

    /** The file's function; anything unknown is treated as the default, LINEAR. */
    public static VoiFunction of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return LINEAR;
        }
    }
}
