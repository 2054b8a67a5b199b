package dev.warden.application.auth;

import java.util.Objects;

/**
 * A credential as a client presented it, already split from its transport: the scheme (one of
 * {@link CredentialSchemes}, or a custom method's own), the raw value, and for schemes that
 * name a client separately (client secrets) the client id; empty otherwise.
 */
public record PresentedCredential(String scheme, String value, String clientId) {
    public PresentedCredential {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(value, "value");
        clientId = clientId == null ? "" : clientId;
    }

    public PresentedCredential(String scheme, String value) {
        this(scheme, value, "");
    }

    @Override
    public String toString() {
        return "PresentedCredential[" + scheme + ", clientId=" + clientId + ", value=redacted]";
    }
}
