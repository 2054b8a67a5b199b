package dev.warden.http.oauth;

import dev.warden.application.port.in.GetUserInfoUseCase;
import dev.warden.application.port.in.IntrospectTokenUseCase;
import dev.warden.application.port.in.IssueClientCredentialsTokenUseCase;
import dev.warden.application.port.in.IssueJwtProfileTokenUseCase;
import dev.warden.application.port.in.RevokeTokenUseCase;

import java.util.Objects;

/** The in-ports of the OAuth token, revocation, introspection and userinfo endpoints. */
public record OAuthUseCases(IssueClientCredentialsTokenUseCase clientCredentials,
                            IssueJwtProfileTokenUseCase jwtProfile, RevokeTokenUseCase revoke,
                            IntrospectTokenUseCase introspection, GetUserInfoUseCase userInfo) {
    public OAuthUseCases {
        Objects.requireNonNull(clientCredentials, "clientCredentials");
        Objects.requireNonNull(jwtProfile, "jwtProfile");
        Objects.requireNonNull(revoke, "revoke");
        Objects.requireNonNull(introspection, "introspection");
        Objects.requireNonNull(userInfo, "userInfo");
    }
}
