package org.lightbox.dicom.sample;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * UIDs of the demo studies, the same on every run so that regenerating rewrites identical files.
 *
 * <p>They live under one made-up root: a UUID-derived OID (PS3.5 B.2, "2.25." and the UUID as a
 * decimal number) whose UUID is the name-based one for {@code org.lightbox.sample-dicom}. Nobody
 * registers such a root and nobody else can collide with it; below it Lightbox numbers freely.
 */
final class DemoUids {

    static final String ROOT = "2.25." + decimal(UUID.nameUUIDFromBytes("org.lightbox.sample-dicom".getBytes(StandardCharsets.UTF_8)));

    private DemoUids() {
    }

    static String study(int study) {
        return ROOT + ".1." + study;
    }

    static String series(int study, int series) {
        return ROOT + ".2." + study + "." + series;
    }

    static String instance(int study, int series, int instance) {
        return ROOT + ".3." + study + "." + series + "." + instance;
    }

    static String frameOfReference(int study) {
        return ROOT + ".4." + study;
    }

    private static String decimal(UUID uuid) {
        ByteBuffer bytes = ByteBuffer.allocate(16).putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return new BigInteger(1, bytes.array()).toString();
    }
}
