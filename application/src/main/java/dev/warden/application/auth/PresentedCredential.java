package dev.warden.application.auth;

import java.util.Objects;

/**
 * A credential as a client presented it, already split from its transport: the scheme
 * ({@code Bearer}, {@code Basic}, a client assertion type, …) and the raw value.
 */
public record PresentedCredential(String scheme, String value) {
    public PresentedCredential {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return "PresentedCredential[" + scheme + ", value=redacted]";
    }
}
