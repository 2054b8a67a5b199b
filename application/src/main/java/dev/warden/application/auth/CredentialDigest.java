package dev.warden.application.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The fast digest that keys {@link dev.warden.application.port.out.VerifiedCredentialCache}. */
public final class CredentialDigest {
    private CredentialDigest() {
    }

    /** SHA-256 of the presented string, base64url: the string itself is never kept as a key. */
    public static String of(String presented) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(presented.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
