package dev.warden.application.service;

import dev.warden.application.port.in.GetJwksUseCase;
import dev.warden.application.port.in.JwksResult;
import dev.warden.application.port.out.SigningKeys;

import java.util.Objects;

/** The published public keys, from memory (no database read). */
public final class GetJwksService implements GetJwksUseCase {

    private final SigningKeys keys;

    public GetJwksService(SigningKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public JwksResult getJwks() {
        return new JwksResult(keys.publishedKeys());
    }
}
