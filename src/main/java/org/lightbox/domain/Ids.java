package org.lightbox.domain;

import java.security.SecureRandom;

/**
 * Object ids chosen on the workstation, so that the central store keeps the same id and a retried
 * upload is recognised instead of duplicated. 20 base-62 characters: about 119 random bits.
 */
public final class Ids {
    private static final char[] ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /**
     * Draws the random bytes at once (one call into the system's generator per id, not one per
     * character: an import makes hundreds of ids); six bits pick a character, and the two values
     * past the alphabet are drawn again, so every character stays equally likely.
     */
    public static String newId() {
        char[] id = new char[20];
        byte[] random = new byte[32];
        int used = random.length;
        for (int i = 0; i < id.length; ) {
            if (used == random.length) {
                RANDOM.nextBytes(random);
                used = 0;
            }
            int sixBits = random[used++] & 0x3f;
            if (sixBits < ALPHABET.length) {
                id[i++] = ALPHABET[sixBits];
            }
        }
        return new String(id);
    }
}
