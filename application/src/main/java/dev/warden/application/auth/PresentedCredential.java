package dev.warden.application.auth;

import java.util.Objects;

/**
 * A credential as a client presented it, already split from its transport: the scheme (one of
 * {@link CredentialSchemes}, or a custom method's own), the raw value, for schemes that name a
 * client separately (client secrets) the client id (empty otherwise), and the request it came
 * with, for methods that sign the request ({@link RequestTarget#NONE} otherwise).
 */
public record PresentedCredential(String scheme, String value, String clientId, RequestTarget request) {
    public PresentedCredential {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(value, "value");
        clientId = clientId == null ? "" : clientId;
        request = request == null ? RequestTarget.NONE : request;
    }

    public PresentedCredential(String scheme, String value, String clientId) {
        this(scheme, value, clientId, RequestTarget.NONE);
    }

    public PresentedCredential(String scheme, String value) {
        this(scheme, value, "", RequestTarget.NONE);
    }

    /** The same credential, presented with {@code request}. */
    public PresentedCredential with(RequestTarget request) {
        return new PresentedCredential(scheme, value, clientId, request);
    }

    @Override
    public String toString() {
        return "PresentedCredential[" + scheme + ", clientId=" + clientId + ", value=redacted]";
    }
}
