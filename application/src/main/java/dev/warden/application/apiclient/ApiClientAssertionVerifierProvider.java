package dev.warden.application.apiclient;

import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.CredentialVerifierProvider;
import dev.warden.application.auth.VerifierContext;

/** Registers API applications' {@code private_key_jwt} assertions under the id {@code api-client-assertion}. */
public final class ApiClientAssertionVerifierProvider implements CredentialVerifierProvider {

    @Override
    public String id() {
        return ApiClientAssertionVerifier.METHOD;
    }

    @Override
    public CredentialVerifier create(VerifierContext context) {
        return new ApiClientAssertionVerifier(context.apiClients(), context.assertions(), context.replayGuard(),
                context.assertionRules(), context.clock());
    }
}
