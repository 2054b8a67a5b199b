package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;

import java.util.Objects;

/** Input of {@link GetPersonalAccessTokenUseCase}. */
public record GetPersonalAccessTokenQuery(Caller caller, String userId, String tokenId) {
    public GetPersonalAccessTokenQuery {
        Objects.requireNonNull(caller, "caller");
    }
}
