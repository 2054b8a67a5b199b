package dev.warden.application.fakes;

import dev.warden.application.error.UnavailableException;
import dev.warden.application.port.out.SecretHasher;
import dev.warden.domain.token.SecretHash;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test double of {@link SecretHasher}: salted SHA-256 in a PHC-like string
 * {@code $fake$v=<version>$<salt>$<hash>}, compared in constant time; counts calls and can shed
 * load. It verifies every version and hashes with the configured one ({@link #configureVersion},
 * 1 by default), so a hash of another version {@linkplain #needsRehash needs a rehash}, as a hash of
 * another algorithm or cost does for the real hasher.
 */
public final class FakeSecretHasher implements SecretHasher {

    private static final String ALGORITHM = "$fake$v=";
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    // Salts come from a counter: unique per hash, yet the same across runs, so failures reproduce.
    private final AtomicLong nextSalt = new AtomicLong(1);
    private final AtomicInteger hashCalls = new AtomicInteger();
    private final AtomicInteger verifyCalls = new AtomicInteger();
    private volatile boolean unavailable;
    private volatile int version = 1;
    private final java.util.concurrent.atomic.AtomicReference<Runnable> duringNextVerify =
            new java.util.concurrent.atomic.AtomicReference<>();

    @Override
    public SecretHash hash(byte[] secret) {
        hashCalls.incrementAndGet();
        failIfUnavailable();
        byte[] salt = ByteBuffer.allocate(Long.BYTES).putLong(nextSalt.getAndIncrement()).array();
        return new SecretHash(prefix(version) + B64.encodeToString(salt) + "$" + B64.encodeToString(digest(salt, secret)));
    }

    @Override
    public boolean verify(SecretHash hash, byte[] secret) {
        verifyCalls.incrementAndGet();
        failIfUnavailable();
        Runnable during = duringNextVerify.getAndSet(null);
        if (during != null) {
            during.run();
        }
        String phc = hash.phc();
        if (!phc.startsWith(ALGORITHM)) {
            return false;
        }
        String[] parts = phc.substring(ALGORITHM.length()).split("\\$", -1);
        if (parts.length != 3 || !parts[0].matches("[1-9][0-9]{0,8}")) {
            return false;
        }
        parts = new String[] {parts[1], parts[2]};
        try {
            byte[] salt = B64_DECODER.decode(parts[0]);
            byte[] expected = B64_DECODER.decode(parts[1]);
            return MessageDigest.isEqual(expected, digest(salt, secret));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }

    @Override
    public boolean needsRehash(SecretHash hash) {
        return !hash.phc().startsWith(prefix(version));
    }

    /** From now on, hashes are made with this version: older ones need a rehash, as after a change of algorithm. */
    public void configureVersion(int newVersion) {
        if (newVersion < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
        this.version = newVersion;
    }

    private static String prefix(int version) {
        return ALGORITHM + version + "$";
    }

    /** Runs {@code action} inside the next {@link #verify}: a change that lands while argon2 runs. */
    public void duringNextVerify(Runnable action) {
        duringNextVerify.set(action);
    }

    /** How many times {@link #hash} was called. */
    public int hashCalls() {
        return hashCalls.get();
    }

    /** How many times {@link #verify} was called. */
    public int verifyCalls() {
        return verifyCalls.get();
    }

    /** Sets both counters back to zero. */
    public void resetCounts() {
        hashCalls.set(0);
        verifyCalls.set(0);
    }

    /** While true, {@link #hash} and {@link #verify} shed load as the production hasher does when saturated. */
    public void setUnavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    private void failIfUnavailable() {
        if (unavailable) {
            throw new UnavailableException("HASH-busy", "Too many concurrent secret verifications");
        }
    }

    private static byte[] digest(byte[] salt, byte[] secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt);
            return sha256.digest(secret);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
