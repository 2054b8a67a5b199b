package dev.warden.application.oauth;

import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.CredentialVerifierProvider;
import dev.warden.application.auth.VerifierContext;

/** Registers the JWT-profile grant (service users' machine keys) under the id {@code jwt-profile}. */
public final class JwtProfileVerifierProvider implements CredentialVerifierProvider {

    @Override
    public String id() {
        return JwtProfileVerifier.METHOD;
    }

    @Override
    public CredentialVerifier create(VerifierContext context) {
        return new JwtProfileVerifier(context.clock(), context.organizations(), context.users(), context.machineKeys(),
                context.assertions(), context.replayGuard(), context.assertionRules());
    }
}
