package dev.warden.application.port.in;

/** Driving port: the published signing keys, for instance administrators. */
public interface ListSigningKeysUseCase {
    SigningKeyListResult listSigningKeys(ListSigningKeysQuery query);
}
