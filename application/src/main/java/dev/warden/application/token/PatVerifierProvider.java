package dev.warden.application.token;

import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.CredentialVerifierProvider;
import dev.warden.application.auth.VerifierContext;

/** Registers the personal-access-token method under the id {@code pat}. */
public final class PatVerifierProvider implements CredentialVerifierProvider {

    @Override
    public String id() {
        return PatVerifier.METHOD;
    }

    @Override
    public CredentialVerifier create(VerifierContext context) {
        return new PatVerifier(context.clock(), context.organizations(), context.pats(), context.users(), context.hasher(),
                context.cache(), context.usage());
    }
}
