package org.lightbox.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes: PBKDF2-HMAC-SHA256 with a random 16-byte salt. The iteration count is stored in
 * each hash, so raising it later only affects new passwords. The default, 600,000, is OWASP's
 * recommendation for PBKDF2-HMAC-SHA256 (Password Storage Cheat Sheet, 2023).
 */
public final class PasswordHasher {
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final String PREFIX = "pbkdf2-sha256";
    private static final int SALT_BYTES = 16;
    private static final int KEY_BITS = 256;
    private static final int WARM_UP_ITERATIONS = DEFAULT_ITERATIONS / 10;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    /** A lower count only for tests that create many accounts; production uses the default. */
    public PasswordHasher(int iterations) {
        if (iterations < 1_000) {
            throw new IllegalArgumentException("PBKDF2 needs at least 1,000 iterations, not " + iterations);
        }
        this.iterations = iterations;
    }

    /**
     * Derives a key from a fixed word with a tenth of the iterations and throws it away, so that the
     * next real check runs compiled. A tenth is enough for the JIT to compile the hash, and it is done
     * while the user is still typing: a full derivation would still be running when Enter is
     * pressed, and slow the real check down instead of speeding it up.
     */
    public void warmUp() {
        derive("warm-up".toCharArray(), new byte[SALT_BYTES], WARM_UP_ITERATIONS);
    }

    /** "pbkdf2-sha256$iterations$salt$hash", salt and hash in base64. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(derive(password, salt, iterations));
    }

    public boolean matches(char[] password, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return false;
        }
        try {
            int storedIterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            // Constant-time comparison: the time taken says nothing about how close a guess was.
            return MessageDigest.isEqual(expected, derive(password, salt, storedIterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, KEY_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has " + ALGORITHM, e);
        } finally {
            spec.clearPassword();
        }
    }
}
