package dev.warden.application.oauth;

import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.CredentialVerifierProvider;
import dev.warden.application.auth.VerifierContext;

/** Registers the service users' client-secret method under the id {@code client-secret}. */
public final class ClientSecretVerifierProvider implements CredentialVerifierProvider {

    @Override
    public String id() {
        return ClientSecretVerifier.METHOD;
    }

    @Override
    public CredentialVerifier create(VerifierContext context) {
        return new ClientSecretVerifier(context.clock(), context.organizations(), context.users(), context.secrets(),
                context.hasher(), context.cache());
    }
}
