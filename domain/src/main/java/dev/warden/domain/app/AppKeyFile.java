package dev.warden.domain.app;

import dev.warden.domain.key.RsaKeys;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Objects;

/**
 * The key file of an application key, in ZITADEL's format and field order
 * ({@code internal/domain/application_key.go}):
 * {@code {"type":"application","keyId":"…","key":"-----BEGIN RSA PRIVATE KEY-----\n…","appId":"…","clientId":"…"}}.
 * It holds the private key: handed out once, never stored or logged.
 */
public record AppKeyFile(long keyId, long appId, String clientId, String privateKeyPem) {

    public static final String TYPE = "application";

    public AppKeyFile {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(privateKeyPem, "privateKeyPem");
        if (!privateKeyPem.startsWith("-----BEGIN RSA PRIVATE KEY-----")) {
            throw new IllegalArgumentException("private key must be PKCS#1 PEM");
        }
    }

    /** The key file of {@code key} of {@code app}, whose public half {@code privateKey} must match. */
    public static AppKeyFile of(AppKey key, ApiApp app, RSAPrivateCrtKey privateKey) {
        var publicKey = RsaKeys.parsePublicKeyPem(key.publicKeyPem()).orElseThrow();
        if (!privateKey.getModulus().equals(publicKey.getModulus()) || key.appId() != app.id()) {
            throw new IllegalArgumentException("private key does not belong to the app key");
        }
        return new AppKeyFile(key.id(), app.id(), app.clientId(), RsaKeys.privateKeyPkcs1Pem(privateKey));
    }

    /** The file's JSON, UTF-8, without whitespace, as Go's encoding/json writes it. */
    public byte[] toJson() {
        String json = "{\"type\":\"" + TYPE + "\",\"keyId\":\"" + keyId + "\",\"key\":\"" + escape(privateKeyPem)
                + "\",\"appId\":\"" + appId + "\",\"clientId\":\"" + escape(clientId) + "\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

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
        return "AppKeyFile[keyId=" + keyId + ", appId=" + appId + ", clientId=" + clientId + ", key=redacted]";
    }
}
