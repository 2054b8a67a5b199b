package dev.warden.application.oauth;

import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.CredentialVerifierProvider;
import dev.warden.application.auth.VerifierContext;

/**
 * Registers {@code private_key_jwt} client authentication of service users (RFC 7523 §2.2) under
 * the id {@code private-key-jwt}: the JWT-profile checks on an assertion presented as
 * {@code client_assertion}, so a user with only a machine key can use client credentials and
 * revoke its tokens.
 */
public final class PrivateKeyJwtVerifierProvider implements CredentialVerifierProvider {

    static final String METHOD = "private-key-jwt";

    @Override
    public String id() {
        return METHOD;
    }

    @Override
    public CredentialVerifier create(VerifierContext context) {
        return new JwtProfileVerifier(CredentialSchemes.CLIENT_ASSERTION, METHOD, context.clock(),
                context.organizations(), context.users(), context.machineKeys(), context.assertions(),
                context.replayGuard(), context.assertionRules());
    }
}
