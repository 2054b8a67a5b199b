package dev.warden.application.auth;

import java.util.Objects;

/**
 * A credential as a client presented it, already split from its transport: the scheme (one of
 * {@link CredentialSchemes}, or a custom method's own), the raw value, for schemes that name a
 * client separately (client secrets) the client id (empty otherwise), the request it came
 * with, for methods that sign the request ({@link RequestTarget#NONE} otherwise), and the address
 * of the client that presented it (as seen through trusted proxies; empty when the credential did
 * not come straight from the caller, e.g. a token handed to introspection).
 */
public record PresentedCredential(String scheme, String value, String clientId, RequestTarget request,
                                  String clientAddress) {
    public PresentedCredential {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(value, "value");
        clientId = clientId == null ? "" : clientId;
        request = request == null ? RequestTarget.NONE : request;
        clientAddress = clientAddress == null ? "" : clientAddress;
    }

    public PresentedCredential(String scheme, String value, String clientId, RequestTarget request) {
        this(scheme, value, clientId, request, "");
    }

    public PresentedCredential(String scheme, String value, String clientId) {
        this(scheme, value, clientId, RequestTarget.NONE);
    }

    public PresentedCredential(String scheme, String value) {
        this(scheme, value, "", RequestTarget.NONE);
    }

    /** The same credential, presented with {@code request}. */
    public PresentedCredential with(RequestTarget request) {
        return new PresentedCredential(scheme, value, clientId, request, clientAddress);
    }

    /** The same credential, presented by the client at {@code address}. */
    public PresentedCredential from(String address) {
        return new PresentedCredential(scheme, value, clientId, request, address);
    }

    @Override
    public String toString() {
        return "PresentedCredential[" + scheme + ", clientId=" + clientId + ", from=" + clientAddress
                + ", value=redacted]";
    }
}
