package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import dev.warden.domain.query.PageRequest;
import java.util.Objects;

/** Input of {@link ListAppKeysUseCase}, ids as the client sent them. */
public record ListAppKeysQuery(Caller caller, String projectId, String appId, PageRequest page) {
    public ListAppKeysQuery {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(page, "page");
    }
}
