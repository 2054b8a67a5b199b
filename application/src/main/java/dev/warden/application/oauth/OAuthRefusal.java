package dev.warden.application.oauth;

import java.util.Objects;

/**
 * An OAuth request refused (RFC 6749 §5.2, RFC 7009 §2.2.1): the OAuth error kind and a
 * description for the client that never contains a secret, token or internal detail. Kept apart
 * from the management API's {@code WardenException} hierarchy: OAuth endpoints answer in their
 * own error format, and such a refusal must never reach the management API's error mapping.
 */
public final class OAuthRefusal extends RuntimeException {

    /** The OAuth error codes Warden's token and revocation use cases answer with. */
    public enum Kind {
        INVALID_REQUEST, INVALID_CLIENT, INVALID_GRANT, UNAUTHORIZED_CLIENT, UNSUPPORTED_TOKEN_TYPE
    }

    private final Kind kind;

    public OAuthRefusal(Kind kind, String description) {
        super(description, null, false, false);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }

    public String description() {
        return getMessage();
    }
}
