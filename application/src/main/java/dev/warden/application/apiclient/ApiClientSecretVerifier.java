package dev.warden.application.apiclient;

import dev.warden.application.auth.CredentialDigest;
import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.SecretRehash;
import dev.warden.application.auth.Verification;
import dev.warden.application.port.out.ApiClientDirectory;
import dev.warden.application.port.out.ApiClientDirectory.ApiClient;
import dev.warden.application.port.out.SecretHasher;
import dev.warden.application.port.out.VerifiedClientCache;
import dev.warden.domain.principal.ClientPrincipal;
import dev.warden.domain.token.SecretHash;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Verifies an API application's client id and secret ({@code client_secret_basic} or
 * {@code _post}). A verified pair is cached by digest, so only the first call per secret pays
 * argon2; an unknown client or an app without a secret costs one dummy hash, like a wrong secret.
 * Whether the app, its project and its organization are active is checked after the hash, so
 * the answer time does not tell which failed. A verified secret whose stored hash was made with
 * another algorithm or cost than configured is rehashed ({@link SecretRehash}).
 */
final class ApiClientSecretVerifier implements CredentialVerifier {

    static final String METHOD = "api-client-secret";

    private final ApiClientDirectory clients;
    private final SecretHasher hasher;
    private final VerifiedClientCache cache;
    private final SecretHash dummyHash;

    ApiClientSecretVerifier(ApiClientDirectory clients, SecretHasher hasher, VerifiedClientCache cache) {
        this.clients = clients;
        this.hasher = hasher;
        this.cache = cache;
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        this.dummyHash = hasher.hash(Base64.getEncoder().encode(random));
    }

    @Override
    public String scheme() {
        return CredentialSchemes.API_CLIENT_SECRET;
    }

    @Override
    public Verification verifyRemembered(PresentedCredential credential) {
        if (!scheme().equalsIgnoreCase(credential.scheme())) {
            return Verification.ABSTAINED;
        }
        return cache.get(digest(credential.clientId(), credential.value()))
                .<Verification>map(client -> new Verification.VerifiedClient(client, METHOD))
                .orElse(Verification.ABSTAINED);
    }

    // Length-prefixed so that no (id, secret) pair shares a digest with another.
    private static String digest(String clientId, String secret) {
        return CredentialDigest.of(clientId.length() + ":" + clientId + secret);
    }

    @Override
    public Verification verify(PresentedCredential credential) {
        if (!scheme().equalsIgnoreCase(credential.scheme())) {
            return Verification.ABSTAINED;
        }
        String clientId = credential.clientId();
        String secret = credential.value();
        if (clientId.isEmpty() || secret.isEmpty()) {
            return new Verification.Rejected("client id or secret missing");
        }
        String digest = digest(clientId, secret);
        Optional<ClientPrincipal> cached = cache.get(digest);
        if (cached.isPresent()) {
            return new Verification.VerifiedClient(cached.get(), METHOD);
        }
        // Before the read: a change that lands during argon2 must not leave this answer cached.
        long generation = cache.generation();
        byte[] secretBytes = secret.getBytes(StandardCharsets.UTF_8);
        Optional<ApiClient> client = clients.findByClientId(clientId);
        if (client.isEmpty() || client.get().secret().isEmpty()) {
            hasher.verify(dummyHash, secretBytes);
            return new Verification.Rejected("unknown API client or client without secret");
        }
        ApiClient app = client.get();
        if (!hasher.verify(app.secret().get(), secretBytes)) {
            return new Verification.Rejected("wrong secret for API client of app " + app.appId());
        }
        if (!app.active()) {
            return new Verification.Rejected("API client of app " + app.appId() + " is not active");
        }
        ClientPrincipal principal = new ClientPrincipal(app.appId(), app.projectId(), app.orgId(), app.clientId(),
                "app-secret:" + app.appId(), METHOD);
        cache.put(digest, principal, generation);
        // Only after a full verification (never on a cache hit or a refusal).
        SecretRehash.ifNeeded(hasher, app.secret().get(), secretBytes,
                (old, fresh) -> clients.updateSecretHash(app.appId(), old, fresh), "API client of app " + app.appId());
        return new Verification.VerifiedClient(principal, METHOD);
    }
}
