package dev.warden.domain.key;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The key file of a machine key whose pair Warden generated, in ZITADEL's format
 * ({@code internal/domain/machine_key.go MachineKeyMarshalJSON}, Go's field order):
 * {@code {"type":"serviceaccount","keyId":"…","key":"-----BEGIN RSA PRIVATE KEY-----\n…",
 * "expirationDate":"…","userId":"…"}}.
 * It holds the private key: it is handed to the client once and never stored or logged.
 */
public record MachineKeyFile(long keyId, long userId, String privateKeyPem, Instant expiresAt) {

    /** The {@code type} of a service user's key file (API applications' files say {@code application}). */
    public static final String TYPE = "serviceaccount";

    public MachineKeyFile {
        Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!privateKeyPem.startsWith("-----BEGIN " + RsaKeys.RSA_PRIVATE_KEY_LABEL + "-----")) {
            throw new IllegalArgumentException("private key must be PKCS#1 PEM");
        }
    }

    /** The key file of {@code key}, whose public half {@code privateKey} must match. */
    public static MachineKeyFile of(MachineKey key, RSAPrivateCrtKey privateKey) {
        if (!privateKey.getModulus().equals(key.publicKey().getModulus())) {
            throw new IllegalArgumentException("private key does not belong to the machine key");
        }
        return new MachineKeyFile(key.id(), key.userId(), RsaKeys.privateKeyPkcs1Pem(privateKey), key.expiresAt());
    }

    /** The file's JSON, UTF-8; ids as strings, the expiration as RFC 3339 UTC. */
    public byte[] toJson() {
        String json = "{\"type\":\"" + TYPE + "\",\"keyId\":\"" + keyId + "\",\"key\":\"" + escape(privateKeyPem)
                + "\",\"expirationDate\":\"" + DateTimeFormatter.ISO_INSTANT.format(expiresAt) + "\",\"userId\":\""
                + userId + "\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** JSON string escaping of a PEM text: only the line breaks (and, to be safe, quotes and controls). */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "MachineKeyFile[keyId=" + keyId + ", userId=" + userId + ", key=redacted, expiresAt=" + expiresAt + "]";
    }
}
