package dev.warden.application.oauth;

import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.CredentialVerifierProvider;
import dev.warden.application.auth.VerifierContext;

/** Registers the OAuth access-token method (opaque and JWT access tokens) under the id {@code access-token}. */
public final class AccessTokenVerifierProvider implements CredentialVerifierProvider {

    @Override
    public String id() {
        return AccessTokenVerifier.METHOD;
    }

    @Override
    public CredentialVerifier create(VerifierContext context) {
        return new AccessTokenVerifier(context.clock(), context.organizations(), context.users(),
                context.accessTokens(), context.signingKeys(), context.cache(), context.issuer());
    }
}
