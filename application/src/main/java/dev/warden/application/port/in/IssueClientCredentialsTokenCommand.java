package dev.warden.application.port.in;

import dev.warden.application.auth.PresentedCredential;

import java.util.Objects;

/** A client-credentials token request: the client's credential (id and secret) and the {@code scope} parameter (may be empty). */
public record IssueClientCredentialsTokenCommand(PresentedCredential client, String scope) {
    public IssueClientCredentialsTokenCommand {
        Objects.requireNonNull(client, "client");
        scope = scope == null ? "" : scope;
    }
}
