package dev.warden.application.port.in;

import java.util.Objects;

/** A JWT-profile token request: the signed assertion and the {@code scope} parameter (may be empty). */
public record IssueJwtProfileTokenCommand(String assertion, String scope) {
    public IssueJwtProfileTokenCommand {
        Objects.requireNonNull(assertion, "assertion");
        scope = scope == null ? "" : scope;
    }

    @Override
    public String toString() {
        return "IssueJwtProfileTokenCommand[assertion=redacted, scope=" + scope + "]";
    }
}
