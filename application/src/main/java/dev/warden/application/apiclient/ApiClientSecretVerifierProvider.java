package dev.warden.application.apiclient;

import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.CredentialVerifierProvider;
import dev.warden.application.auth.VerifierContext;

/** Registers API applications' client secrets (introspection callers) under the id {@code api-client-secret}. */
public final class ApiClientSecretVerifierProvider implements CredentialVerifierProvider {

    @Override
    public String id() {
        return ApiClientSecretVerifier.METHOD;
    }

    @Override
    public CredentialVerifier create(VerifierContext context) {
        return new ApiClientSecretVerifier(context.apiClients(), context.hasher(), context.clientCache());
    }
}
