package dev.warden.http.signing;

import dev.warden.application.port.in.GetJwksUseCase;
import dev.warden.application.port.in.GetOpenIdConfigurationUseCase;
import dev.warden.application.port.in.ListSigningKeysUseCase;
import dev.warden.application.port.in.RotateSigningKeyUseCase;

import java.util.Objects;

/** The signing-key use cases behind the JWKS, discovery and key administration routes. */
public record SigningKeyUseCases(GetJwksUseCase jwks, GetOpenIdConfigurationUseCase discovery,
                                 RotateSigningKeyUseCase rotate, ListSigningKeysUseCase list) {
    public SigningKeyUseCases {
        Objects.requireNonNull(jwks, "jwks");
        Objects.requireNonNull(discovery, "discovery");
        Objects.requireNonNull(rotate, "rotate");
        Objects.requireNonNull(list, "list");
    }
}
