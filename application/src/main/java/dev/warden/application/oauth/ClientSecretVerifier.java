package dev.warden.application.oauth;

import dev.warden.application.auth.CredentialDigest;
import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.SecretRehash;
import dev.warden.application.auth.Verification;
import dev.warden.application.port.out.MachineSecretRepository;
import dev.warden.application.port.out.OrganizationRepository;
import dev.warden.application.port.out.SecretHasher;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.application.port.out.VerifiedCredentialCache;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.principal.TokenDetails;
import dev.warden.domain.serviceuser.ClientSecret;
import dev.warden.domain.serviceuser.MachineSecret;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.token.SecretHash;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Verifies a service user's client id and secret ({@code client_secret_basic} / {@code _post}).
 *
 * <p>The client id is a login name ({@link LoginNames}); the secret is compared with argon2
 * against the user's stored hash. An unknown user, or one without a secret, is compared against a
 * dummy hash, so that it costs what a wrong secret costs. A verified pair is cached under a digest
 * of (client id, secret), so later token requests of the same client cost no argon2; a new or
 * removed secret writes {@code USER_CHANGED}, which evicts it on every node. A verified secret whose
 * stored hash was made with another algorithm or cost than configured is rehashed ({@link
 * SecretRehash}); that is no change of the secret and evicts nothing.
 */
final class ClientSecretVerifier implements CredentialVerifier {

    static final String METHOD = "client-secret";
    /** Longer secrets are no secret of ours (ours have 64 characters); they are refused unhashed. */
    static final int MAX_SECRET_LENGTH = 512;
    /** Secrets do not expire; the cache's own time-to-live bounds the entry. */
    static final Instant NEVER = Instant.parse("9999-12-31T23:59:59Z");

    private final Clock clock;
    private final OrganizationRepository organizations;
    private final ServiceUserRepository users;
    private final MachineSecretRepository secrets;
    private final SecretHasher hasher;
    private final VerifiedCredentialCache cache;
    private final SecretHash dummyHash;

    ClientSecretVerifier(Clock clock, OrganizationRepository organizations, ServiceUserRepository users,
                         MachineSecretRepository secrets, SecretHasher hasher, VerifiedCredentialCache cache) {
        this.clock = clock;
        this.organizations = organizations;
        this.users = users;
        this.secrets = secrets;
        this.hasher = hasher;
        this.cache = cache;
        this.dummyHash = hasher.hash(ClientSecret.generate().value().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String scheme() {
        return CredentialSchemes.CLIENT_SECRET;
    }

    @Override
    public Verification verifyRemembered(PresentedCredential credential) {
        if (!scheme().equalsIgnoreCase(credential.scheme())) {
            return Verification.ABSTAINED;
        }
        return remembered(digest(credential.clientId(), credential.value()))
                .<Verification>map(principal -> new Verification.Verified(principal, METHOD))
                .orElse(Verification.ABSTAINED);
    }

    // Length-prefixed, so that no other (id, secret) pair concatenates to the same text.
    private static String digest(String clientId, String secret) {
        return CredentialDigest.of("client_secret:" + clientId.length() + ":" + clientId + secret);
    }

    private Optional<Principal> remembered(String digest) {
        return cache.get(digest).filter(principal -> principal.expiresAt().isAfter(clock.instant()));
    }

    @Override
    public Verification verify(PresentedCredential credential) {
        if (!scheme().equalsIgnoreCase(credential.scheme())) {
            return Verification.ABSTAINED;
        }
        String clientId = credential.clientId();
        String secret = credential.value();
        if (clientId.isEmpty() || secret.isEmpty() || secret.length() > MAX_SECRET_LENGTH
                || clientId.length() > LoginNames.MAX_LOGIN_NAME_LENGTH) {
            return new Verification.Rejected("client id or secret missing or too long");
        }
        String digest = digest(clientId, secret);
        Optional<Principal> cached = remembered(digest);
        if (cached.isPresent()) {
            return new Verification.Verified(cached.get(), METHOD);
        }
        // Before the reads: a change that lands during argon2 must not leave this answer cached.
        long generation = cache.generation();
        byte[] secretBytes = secret.getBytes(StandardCharsets.UTF_8);
        Optional<ServiceUser> user = LoginNames.resolve(users, organizations, clientId);
        Optional<MachineSecret> stored = user.flatMap(u -> secrets.find(u.id()));
        if (stored.isEmpty()) {
            hasher.verify(dummyHash, secretBytes);
            return new Verification.Rejected(user.isEmpty() ? "unknown client" : "client has no secret");
        }
        if (!hasher.verify(stored.get().hash(), secretBytes)) {
            return new Verification.Rejected("wrong secret for the client of user " + user.get().id(), false, "",
                    user.get().id());
        }
        if (!ActiveAccounts.canAuthenticate(user.get(), organizations)) {
            return new Verification.Rejected("user " + user.get().id() + " or its organization is not active");
        }
        ServiceUser u = user.get();
        // Never valid for any API audience: a client secret authenticates token requests only.
        Principal principal = new Principal(u.id(), u.orgId(), "client_secret:" + u.id(), METHOD,
                NEVER, new TokenDetails(stored.get().changedAt(), u.userName(), List.of(), List.of(),
                false));
        cache.put(digest, principal, generation);
        // Only after a full verification (never on a cache hit or a refusal).
        SecretRehash.ifNeeded(hasher, stored.get().hash(), secretBytes,
                (old, fresh) -> secrets.updateSecretHash(u.id(), old, fresh), "the client secret of user " + u.id());
        return new Verification.Verified(principal, METHOD);
    }
}
