package dev.warden.domain.serviceuser;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A freshly generated client secret of a machine user, in plain text: 64 characters of
 * {@code [A-Za-z0-9]}, as ZITADEL's {@code SecretGenerators.ClientSecret} makes them (about 381
 * bits from {@link SecureRandom}). It exists only between generation and the one answer that
 * shows it; only its hash is stored.
 */
public final class ClientSecret {

    public static final int LENGTH = 64;
    public static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String value;

    private ClientSecret(String value) {
        this.value = value;
    }

    /** A new secret from {@link SecureRandom}. */
    public static ClientSecret generate() {
        return generate(RANDOM);
    }

    /** A new secret drawn from {@code random}; each character uniformly from the alphabet (no modulo bias). */
    static ClientSecret generate(RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new ClientSecret(new String(chars));
    }

    /** Bits of entropy of a secret: {@code LENGTH * log2(62)}. */
    public static double entropyBits() {
        return LENGTH * (Math.log(ALPHABET.length()) / Math.log(2));
    }

    /** The secret as handed to the client, once. */
    public String value() {
        return value;
    }

    /** The input of the stored hash: the secret's ASCII bytes, which is what a client will present. */
    public byte[] bytes() {
        return value.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "ClientSecret[redacted]";
    }
}
