package dev.warden.persistence.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key that seals signing keys at rest (AES-GCM, a fresh 96-bit nonce per seal, the
 * key id as additional data so a sealed key cannot be moved to another row). Every node of a
 * cluster needs the same master key. Its bytes are never logged; {@link #toString()} says so.
 */
public final class MasterKey {

    /** Bytes of an AES-256 key. */
    public static final int LENGTH = 32;
    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(
            PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    private MasterKey(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("the master key must be " + LENGTH + " bytes, got " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
        Arrays.fill(bytes, (byte) 0);
    }

    /** From the base64 (standard or URL alphabet) text of 32 bytes; the error never echoes the text. */
    public static MasterKey fromBase64(String text) {
        Objects.requireNonNull(text, "text");
        byte[] bytes;
        try {
            String stripped = text.strip();
            bytes = stripped.indexOf('-') >= 0 || stripped.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(stripped) : Base64.getDecoder().decode(stripped);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the master key is not valid base64");
        }
        return new MasterKey(bytes);
    }

    /** A new random key, for tests and first starts. */
    public static MasterKey generate() {
        byte[] bytes = new byte[LENGTH];
        new SecureRandom().nextBytes(bytes);
        return new MasterKey(bytes);
    }

    /** The outcome of {@link #loadOrCreate}: the key and whether the file was created now. */
    public record Loaded(MasterKey key, boolean created) {
    }

    /**
     * Reads the key file (base64 of 32 bytes), or creates it with mode 0600 when it does not exist.
     * Two processes creating it at once agree: only one creation succeeds, the other reads it.
     */
    public static Loaded loadOrCreate(Path file) {
        Objects.requireNonNull(file, "file");
        Path path = file.toAbsolutePath().normalize();
        try {
            if (Files.notExists(path)) {
                Files.createDirectories(path.getParent());
                byte[] bytes = new byte[LENGTH];
                new SecureRandom().nextBytes(bytes);
                String text = Base64.getEncoder().encodeToString(bytes) + "\n";
                try {
                    createOwnerOnly(path);
                    Files.writeString(path, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
                    return new Loaded(new MasterKey(bytes), true);
                } catch (FileAlreadyExistsException raced) {
                    // Another process created it first: use theirs.
                    Arrays.fill(bytes, (byte) 0);
                }
            }
            String text = Files.readString(path, StandardCharsets.US_ASCII);
            try {
                return new Loaded(fromBase64(text), false);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("The master key file " + path + " does not hold the base64 of "
                        + LENGTH + " bytes: " + e.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the master key file " + path, e);
        }
    }

    private static void createOwnerOnly(Path path) throws IOException {
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(path);
        }
    }

    /**
     * A {@value #LENGTH}-byte key for one purpose, derived from the master key with HKDF-SHA-256
     * (RFC 5869; no salt, {@code purpose} as the info). The master key stays the only secret to
     * manage, while each purpose gets a key of its own: knowing a derived key tells nothing about
     * the master key or another purpose's key. The caller owns (and should wipe) the array.
     */
    public byte[] deriveKey(String purpose) {
        Objects.requireNonNull(purpose, "purpose");
        if (purpose.isEmpty()) {
            throw new IllegalArgumentException("a derived key needs a purpose");
        }
        byte[] masterBytes = key.getEncoded();
        try {
            return hkdfSha256(masterBytes, new byte[0], purpose.getBytes(StandardCharsets.UTF_8), LENGTH);
        } finally {
            Arrays.fill(masterBytes, (byte) 0);
        }
    }

    /** HKDF-SHA-256 extract-then-expand (RFC 5869 §2); an empty salt is HashLen zero bytes. */
    static byte[] hkdfSha256(byte[] inputKey, byte[] salt, byte[] info, int length) {
        final int hashLength = 32;
        if (length < 1 || length > 255 * hashLength) {
            throw new IllegalArgumentException("HKDF-SHA-256 output must be 1 to " + 255 * hashLength + " bytes");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salt.length == 0 ? new byte[hashLength] : salt, "HmacSHA256"));
            byte[] pseudoRandomKey = mac.doFinal(inputKey);
            mac.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
            Arrays.fill(pseudoRandomKey, (byte) 0);
            byte[] output = new byte[length];
            byte[] block = new byte[0];
            for (int i = 1, written = 0; written < length; i++) {
                mac.update(block);
                mac.update(info);
                mac.update((byte) i);
                block = mac.doFinal();
                int n = Math.min(block.length, length - written);
                System.arraycopy(block, 0, output, written, n);
                written += n;
            }
            Arrays.fill(block, (byte) 0);
            return output;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every JDK", e);
        }
    }

    /** {@code version || nonce || ciphertext+tag}. */
    byte[] seal(byte[] plaintext, String associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every JDK", e);
        }
    }

    /** The plaintext of {@link #seal}; a {@link SealedKeyException} when this key did not seal it for this id. */
    byte[] open(byte[] sealed, String associatedData) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new SealedKeyException("not a sealed key of a known format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SealedKeyException("the master key does not open it (another master key, or the data was altered)");
        } catch (GeneralSecurityException e) {
            throw new SealedKeyException("it cannot be opened: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "MasterKey[redacted]";
    }

    /** A sealed key that this master key cannot open. */
    public static final class SealedKeyException extends RuntimeException {
        SealedKeyException(String message) {
            super(message);
        }
    }
}
