package dev.warden.http.oauth;

import dev.warden.application.port.in.IssueClientCredentialsTokenUseCase;
import dev.warden.application.port.in.IssueJwtProfileTokenUseCase;
import dev.warden.application.port.in.RevokeTokenUseCase;

import java.util.Objects;

/** The in-ports of the OAuth token and revocation endpoints. */
public record OAuthUseCases(IssueClientCredentialsTokenUseCase clientCredentials,
                            IssueJwtProfileTokenUseCase jwtProfile, RevokeTokenUseCase revoke) {
    public OAuthUseCases {
        Objects.requireNonNull(clientCredentials, "clientCredentials");
        Objects.requireNonNull(jwtProfile, "jwtProfile");
        Objects.requireNonNull(revoke, "revoke");
    }
}
