package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import dev.warden.domain.app.AppState;
import java.util.Objects;

/** Input of {@link ChangeAppStateUseCase}, ids as the client sent them. */
public record ChangeAppStateCommand(Caller caller, String projectId, String appId, AppState target) {
    public ChangeAppStateCommand {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(target, "target");
    }
}
