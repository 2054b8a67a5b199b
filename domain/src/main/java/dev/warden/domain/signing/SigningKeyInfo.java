package dev.warden.domain.signing;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One of Warden's signing keys as administrators see it: its key id, when it was created, and
 * either "active" (it signs new tokens) or the time until which it stays published for the
 * tokens it signed before a rotation. Never holds key material.
 */
public record SigningKeyInfo(String kid, Instant createdAt, Optional<Instant> publishedUntil) {

    public SigningKeyInfo {
        Objects.requireNonNull(kid, "kid");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(publishedUntil, "publishedUntil");
        if (kid.isBlank()) {
            throw new IllegalArgumentException("kid must not be blank");
        }
        if (publishedUntil.isPresent() && publishedUntil.get().isBefore(createdAt)) {
            throw new IllegalArgumentException("a key cannot be published until before it was created");
        }
    }

    public static SigningKeyInfo active(String kid, Instant createdAt) {
        return new SigningKeyInfo(kid, createdAt, Optional.empty());
    }

    public static SigningKeyInfo retired(String kid, Instant createdAt, Instant publishedUntil) {
        return new SigningKeyInfo(kid, createdAt, Optional.of(publishedUntil));
    }

    /** Whether this key signs new tokens. */
    public boolean active() {
        return publishedUntil.isEmpty();
    }

    /** Whether tokens it signed are still accepted (and it is in the JWKS) at {@code now}. */
    public boolean publishedAt(Instant now) {
        return publishedUntil.map(now::isBefore).orElse(true);
    }
}
