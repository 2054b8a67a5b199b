package dev.warden.application.port.in;

import dev.warden.domain.key.MachineKey;

import java.util.Objects;

/** A machine key's metadata. */
public record MachineKeyResult(MachineKey key) {
    public MachineKeyResult {
        Objects.requireNonNull(key, "key");
    }
}
