package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;

import java.util.Objects;

/** Input of {@link RemovePersonalAccessTokenUseCase}. */
public record RemovePersonalAccessTokenCommand(Caller caller, String userId, String tokenId) {
    public RemovePersonalAccessTokenCommand {
        Objects.requireNonNull(caller, "caller");
    }
}
