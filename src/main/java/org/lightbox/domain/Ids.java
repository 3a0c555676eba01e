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

    public static String newId() {
        char[] id = new char[20];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }
}
