package dev.warden.domain.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The string form of an opaque Warden token: {@code <prefix><base64url(id ‖ secret ‖ crc32)>}.
 *
 * <ul>
 *   <li>the prefix ({@code wdn_pat_}, {@code wdn_at_}) lets secret scanners find leaked tokens;</li>
 *   <li>the 64-bit id gives an O(1) lookup of the stored hash;</li>
 *   <li>the 256-bit secret comes from {@link SecureRandom};</li>
 *   <li>the CRC-32 over prefix, id and secret lets the server refuse mistyped or random strings
 *       without touching the database. It is not a security measure: the secret is.</li>
 * </ul>
 * Only URL-safe characters are used, all of them RFC 6750 {@code b64token} characters.
 */
public final class OpaqueToken {

    public static final int SECRET_BYTES = 32;
    private static final int ID_BYTES = 8;
    private static final int CHECKSUM_BYTES = 4;
    private static final int PAYLOAD_BYTES = ID_BYTES + SECRET_BYTES + CHECKSUM_BYTES;
    /** Characters of base64url without padding for the payload. */
    static final int ENCODED_PAYLOAD_LENGTH = (PAYLOAD_BYTES * 4 + 2) / 3;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TokenKind kind;
    private final long id;
    private final byte[] secret;

    private OpaqueToken(TokenKind kind, long id, byte[] secret) {
        this.kind = Objects.requireNonNull(kind, "kind");
        if (id <= 0) {
            throw new IllegalArgumentException("token id must be positive");
        }
        if (secret.length != SECRET_BYTES) {
            throw new IllegalArgumentException("secret must be " + SECRET_BYTES + " bytes");
        }
        this.id = id;
        this.secret = secret.clone();
    }

    /** A new token with a fresh random secret. */
    public static OpaqueToken generate(TokenKind kind, long id) {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return new OpaqueToken(kind, id, secret);
    }

    /** The length of every encoded token of this kind. */
    public static int encodedLength(TokenKind kind) {
        return kind.prefix().length() + ENCODED_PAYLOAD_LENGTH;
    }

    /** Whether {@code text} carries this kind's prefix, i.e. is meant to be such a token. */
    public static boolean hasPrefix(TokenKind kind, String text) {
        return text != null && text.startsWith(kind.prefix());
    }

    /**
     * The token in {@code text}, or empty when it is not exactly a well-formed token of that kind
     * with a matching checksum. Never throws on garbage.
     */
    public static Optional<OpaqueToken> parse(TokenKind kind, String text) {
        if (text == null || text.length() != encodedLength(kind) || !text.startsWith(kind.prefix())) {
            return Optional.empty();
        }
        String payloadText = text.substring(kind.prefix().length());
        for (int i = 0; i < payloadText.length(); i++) {
            char c = payloadText.charAt(i);
            boolean urlSafe = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_';
            if (!urlSafe) {
                return Optional.empty();
            }
        }
        byte[] payload = DECODER.decode(payloadText);
        // Refuse non-canonical encodings (stray bits in the last character): one token, one string.
        if (payload.length != PAYLOAD_BYTES || !ENCODER.encodeToString(payload).equals(payloadText)) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload);
        long id = buffer.getLong();
        byte[] secret = new byte[SECRET_BYTES];
        buffer.get(secret);
        int checksum = buffer.getInt();
        if (id <= 0 || checksum != checksum(kind, id, secret)) {
            return Optional.empty();
        }
        return Optional.of(new OpaqueToken(kind, id, secret));
    }

    public TokenKind kind() {
        return kind;
    }

    public long id() {
        return id;
    }

    /** A copy of the secret part, the input of the stored hash. */
    public byte[] secret() {
        return secret.clone();
    }

    /** The string handed to the client, once. */
    public String encode() {
        ByteBuffer buffer = ByteBuffer.allocate(PAYLOAD_BYTES);
        buffer.putLong(id).put(secret).putInt(checksum(kind, id, secret));
        return kind.prefix() + ENCODER.encodeToString(buffer.array());
    }

    private static int checksum(TokenKind kind, long id, byte[] secret) {
        CRC32 crc = new CRC32();
        crc.update(kind.prefix().getBytes(StandardCharsets.US_ASCII));
        crc.update(ByteBuffer.allocate(ID_BYTES).putLong(id).array());
        crc.update(secret);
        return (int) crc.getValue();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OpaqueToken that && kind == that.kind && id == that.id
                && MessageDigest.isEqual(secret, that.secret);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, id);
    }

    @Override
    public String toString() {
        return "OpaqueToken[" + kind + ", id=" + id + ", secret=redacted]";
    }
}
