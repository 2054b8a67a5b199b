package dev.warden.application.port.in;

import dev.warden.domain.key.MachineKey;

import java.util.Objects;

/**
 * A new machine key: what was stored, and the key file (ZITADEL's {@code keyDetails}) when Warden
 * generated the pair. The file holds the private key: it is shown to the client once and never again.
 *
 * @param keyFile the key file's JSON, or null when the caller brought its public key
 */
public record AddedMachineKeyResult(MachineKey key, byte[] keyFile) {
    public AddedMachineKeyResult {
        Objects.requireNonNull(key, "key");
        keyFile = keyFile == null ? null : keyFile.clone();
    }

    @Override
    public byte[] keyFile() {
        return keyFile == null ? null : keyFile.clone();
    }

    @Override
    public String toString() {
        return "AddedMachineKeyResult[" + key.id() + ", keyFile=" + (keyFile == null ? "none" : "redacted") + "]";
    }
}
