package dev.warden.persistence.crypto;

import dev.warden.application.port.out.SecretHasher;
import dev.warden.domain.token.SecretHash;
import dev.warden.persistence.signing.MasterKey;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Driven adapter: salted, keyed HMAC-SHA-256 secret hashing in PHC string format,
 * {@code $hmac-sha256$v=1$k=<key id>$<salt>$<hash>}, where {@code hash = HMAC-SHA-256(key, salt ||
 * secret)} over a 16-byte random salt, both in unpadded standard base64 like argon2's.
 *
 * <p>For very large deployments: a verification costs microseconds instead of argon2's tens of
 * milliseconds and no memory, so it runs inline on the request's thread, without a pool. Its
 * strength is the key, not the cost: our secrets carry 256 bits (PATs) or more than 380 bits (client
 * secrets) from a CSPRNG, so nothing is gained by slowing down guesses of them, and a database dump
 * without the key is useless. The key is derived from the master key ({@link #fromMasterKey}), so
 * there is no second secret to manage; the key id (a fingerprint of the key, not the key) says which
 * key made a hash, so that a hash made under another master key is told apart from a wrong secret.
 * The salt keeps equal secrets from having equal hashes.
 */
public final class HmacSecretHasher implements SecretHasher {

    /** The PHC algorithm id. */
    static final String ALGORITHM_PREFIX = "$hmac-sha256$";
    /** The HKDF info the hashing key is derived with; a new version of the scheme gets a new one. */
    public static final String KEY_PURPOSE = "warden secret hashing v1";
    static final int KEY_BYTES = 32;
    static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int KEY_ID_BYTES = 6;
    private static final String MAC = "HmacSHA256";
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final System.Logger LOGGER = System.getLogger(HmacSecretHasher.class.getName());

    private final SecretKeySpec key;
    private final String keyId;
    /** {@code $hmac-sha256$v=1$k=<key id>$}: what every hash of this key starts with. */
    private final String prefix;
    private final SecureRandom random = new SecureRandom();
    private final AtomicBoolean otherKeyReported = new AtomicBoolean();

    /** With {@code key} (32 bytes, copied; the caller may wipe its array). */
    public HmacSecretHasher(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("the HMAC hashing key must be " + KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key, MAC);
        byte[] fingerprint = mac(this.key, "warden hashing key id".getBytes(StandardCharsets.US_ASCII), new byte[0]);
        this.keyId = B64.encodeToString(Arrays.copyOf(fingerprint, KEY_ID_BYTES));
        this.prefix = ALGORITHM_PREFIX + "v=1$k=" + keyId + "$";
    }

    /** With the key derived from the master key for {@value #KEY_PURPOSE} (HKDF-SHA-256). */
    public static HmacSecretHasher fromMasterKey(MasterKey masterKey) {
        byte[] derived = masterKey.deriveKey(KEY_PURPOSE);
        try {
            return new HmacSecretHasher(derived);
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    @Override
    public SecretHash hash(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new SecretHash(prefix + B64.encodeToString(salt) + "$" + B64.encodeToString(mac(key, salt, secret)));
    }

    @Override
    public boolean verify(SecretHash hash, byte[] secret) {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(secret, "secret");
        String phc = hash.phc();
        if (!phc.startsWith(prefix)) {
            if (phc.startsWith(ALGORITHM_PREFIX + "v=1$k=") && otherKeyReported.compareAndSet(false, true)) {
                // Once per process: every such hash fails alike, and the id of a key is no secret.
                LOGGER.log(System.Logger.Level.WARNING, "A stored secret hash was made with another HMAC key than "
                        + "this node's (key id " + keyId + "); such secrets cannot be verified. The master key "
                        + "(WARDEN_MASTERKEY or warden.masterkey.file) differs from the one the hash was made with");
            }
            return false;
        }
        String[] parts = phc.substring(prefix.length()).split("\\$", -1);
        if (parts.length != 2) {
            return false;
        }
        byte[] salt;
        byte[] expected;
        try {
            salt = Base64.getDecoder().decode(parts[0]);
            expected = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        // Only the canonical encoding: the decoder ignores spare low bits, so without this check one
        // hash would have several spellings.
        if (salt.length != SALT_BYTES || expected.length != HASH_BYTES
                || !B64.encodeToString(salt).equals(parts[0]) || !B64.encodeToString(expected).equals(parts[1])) {
            return false;
        }
        return MessageDigest.isEqual(expected, mac(key, salt, secret));
    }

    /** True unless {@code hash} is of this format, version and key. */
    @Override
    public boolean needsRehash(SecretHash hash) {
        Objects.requireNonNull(hash, "hash");
        return !hash.phc().startsWith(prefix);
    }

    /** Whether {@code hash} is an HMAC-SHA-256 hash (of any key), the format this hasher verifies. */
    static boolean isHmacSha256(SecretHash hash) {
        return hash.phc().startsWith(ALGORITHM_PREFIX);
    }

    /** The fingerprint of the key that appears in its hashes ({@code k=}); not secret. */
    public String keyId() {
        return keyId;
    }

    private static byte[] mac(SecretKeySpec key, byte[] salt, byte[] secret) {
        try {
            // A Mac per call: instances are not thread-safe, and a thread-local would live as long as
            // a request's virtual thread; getInstance and init cost about a microsecond.
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            mac.update(salt);
            return mac.doFinal(secret);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "HmacSecretHasher[k=" + keyId + "]";
    }
}
