package dev.warden.application.port.in;

import dev.warden.domain.key.MachineKey;
import dev.warden.domain.query.Page;

import java.time.Instant;
import java.util.Objects;

/** One page of a user's machine keys' metadata. */
public record MachineKeyListResult(Page<MachineKey> page, Instant viewedAt) {
    public MachineKeyListResult {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(viewedAt, "viewedAt");
    }
}
