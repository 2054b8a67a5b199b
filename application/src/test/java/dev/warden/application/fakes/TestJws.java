package dev.warden.application.fakes;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

/** Compact JWS with JDK crypto only (RS256), and the little JSON the tests' claims need. */
public final class TestJws {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private TestJws() {
    }

    /** {@code header.payload.signature}, RS256 over the JSON of both maps. */
    public static String sign(Map<String, ?> header, Map<String, ?> claims, PrivateKey key) {
        String signingInput = b64(json(header)) + "." + b64(json(claims));
        return signingInput + "." + ENCODER.encodeToString(rs256(signingInput, key));
    }

    public static byte[] rs256(String signingInput, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the compact JWS's signature is an RS256 signature of {@code key} over its first two parts. */
    public static boolean verifies(String compact, PublicKey key) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static String b64(String text) {
        return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** JSON of strings, numbers, booleans, lists and maps. */
    public static String json(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> quote(s);
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            case Map<?, ?> m -> {
                StringBuilder out = new StringBuilder("{");
                m.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(quote(k.toString())).append(':')
                        .append(json(v)));
                yield out.append('}').toString();
            }
            case Collection<?> c -> {
                StringBuilder out = new StringBuilder("[");
                c.forEach(v -> out.append(out.length() > 1 ? "," : "").append(json(v)));
                yield out.append(']').toString();
            }
            default -> throw new IllegalArgumentException("not JSON: " + value.getClass());
        };
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
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
        return out.append('"').toString();
    }
}
