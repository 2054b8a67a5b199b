package dev.warden.application.apiclient;

import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.port.out.ApiClientDirectory;
import dev.warden.application.port.out.SecretHasher;
import dev.warden.application.port.out.VerifiedClientCache;

/** Test bridge: the package-private API client verifiers, for tests in other packages. */
public final class ApiClientVerifiers {
    private ApiClientVerifiers() {
    }

    public static CredentialVerifier secret(ApiClientDirectory clients, SecretHasher hasher, VerifiedClientCache cache) {
        return new ApiClientSecretVerifier(clients, hasher, cache);
    }
}
