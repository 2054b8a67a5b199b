package dev.warden.application.port.in;

import dev.warden.application.authz.Caller;
import dev.warden.domain.key.KeyType;

import java.time.Instant;
import java.util.Objects;

/**
 * Input of {@link AddMachineKeyUseCase}, as the client sent it: the service validates it.
 *
 * @param type           null when the request named none (or {@code KEY_TYPE_UNSPECIFIED}), which is refused
 * @param expirationDate null means none
 * @param publicKey      PEM text of the caller's RSA public key; null or empty: generate a key pair
 */
public record AddMachineKeyCommand(Caller caller, String userId, KeyType type, Instant expirationDate,
                                   byte[] publicKey) {
    public AddMachineKeyCommand {
        Objects.requireNonNull(caller, "caller");
        publicKey = publicKey == null ? null : publicKey.clone();
    }

    @Override
    public byte[] publicKey() {
        return publicKey == null ? null : publicKey.clone();
    }

    /** Whether the caller brought a public key, or wants a pair generated. */
    public boolean hasPublicKey() {
        return publicKey != null && publicKey.length > 0;
    }

    @Override
    public String toString() {
        return "AddMachineKeyCommand[caller=" + caller + ", userId=" + userId + ", type=" + type
                + ", expirationDate=" + expirationDate + ", publicKey=" + (hasPublicKey() ? publicKey.length + " bytes"
                : "none") + "]";
    }
}
