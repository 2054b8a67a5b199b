package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import java.util.Objects;

/** Input of {@link RemoveAppKeyUseCase}, ids as the client sent them. */
public record RemoveAppKeyCommand(Caller caller, String projectId, String appId, String keyId) {
    public RemoveAppKeyCommand {
        Objects.requireNonNull(caller, "caller");

    }
}
