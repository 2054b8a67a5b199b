package dev.warden.application.token;

import dev.warden.application.auth.CredentialDigest;
import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.SecretRehash;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.principal.TokenDetails;
import dev.warden.application.auth.Verification;
import dev.warden.application.port.out.OrganizationRepository;
import dev.warden.application.port.out.PersonalAccessTokenRepository;
import dev.warden.application.port.out.SecretHasher;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.application.port.out.TokenUsageRecorder;
import dev.warden.application.port.out.VerifiedCredentialCache;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.org.Organization;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.token.OpaqueToken;
import dev.warden.domain.token.PersonalAccessToken;
import dev.warden.domain.token.SecretHash;
import dev.warden.domain.token.TokenKind;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Verifies {@code Bearer wdn_pat_…} personal access tokens.
 *
 * <p>Order of checks: format and checksum (no I/O), the verified-credential cache (no hash), then
 * the stored token by id and an argon2 comparison of the secret, then the states of token, user and
 * organization. An unknown id is compared
 * against a dummy hash so that it costs what a wrong secret costs. A verified token whose stored
 * hash was made with another algorithm or cost than configured is rehashed ({@link SecretRehash}).
 */
final class PatVerifier implements CredentialVerifier {

    static final String METHOD = "pat";

    private final Clock clock;
    private final OrganizationRepository organizations;
    private final PersonalAccessTokenRepository tokens;
    private final ServiceUserRepository users;
    private final SecretHasher hasher;
    private final VerifiedCredentialCache cache;
    private final TokenUsageRecorder usage;
    private final SecretHash dummyHash;

    PatVerifier(Clock clock, OrganizationRepository organizations, PersonalAccessTokenRepository tokens,
                ServiceUserRepository users, SecretHasher hasher, VerifiedCredentialCache cache,
                TokenUsageRecorder usage) {
        this.clock = clock;
        this.organizations = organizations;
        this.tokens = tokens;
        this.users = users;
        this.hasher = hasher;
        this.cache = cache;
        this.usage = usage;
        this.dummyHash = hasher.hash(OpaqueToken.generate(TokenKind.PERSONAL_ACCESS_TOKEN, 1).secret());
    }

    @Override
    public String scheme() {
        return "Bearer";
    }

    @Override
    public Verification verify(PresentedCredential credential) {
        if (!isPat(credential)) {
            return Verification.ABSTAINED;
        }
        Optional<OpaqueToken> parsed = OpaqueToken.parse(TokenKind.PERSONAL_ACCESS_TOKEN, credential.value());
        if (parsed.isEmpty()) {
            return new Verification.Rejected("malformed personal access token");
        }
        Instant now = clock.instant();
        String digest = CredentialDigest.of(credential.value());
        return remembered(parsed.get(), digest, now).orElseGet(() -> verifyStored(parsed.get(), digest, now));
    }

    @Override
    public Verification verifyRemembered(PresentedCredential credential) {
        if (!isPat(credential)) {
            return Verification.ABSTAINED;
        }
        return OpaqueToken.parse(TokenKind.PERSONAL_ACCESS_TOKEN, credential.value())
                .flatMap(token -> remembered(token, CredentialDigest.of(credential.value()), clock.instant()))
                .orElse(Verification.ABSTAINED);
    }

    private boolean isPat(PresentedCredential credential) {
        return scheme().equalsIgnoreCase(credential.scheme())
                && OpaqueToken.hasPrefix(TokenKind.PERSONAL_ACCESS_TOKEN, credential.value());
    }

    /** The cache's answer (no database, no hash), if it has one. */
    private Optional<Verification> remembered(OpaqueToken token, String digest, Instant now) {
        Optional<Principal> cached = cache.get(digest);
        if (cached.isEmpty()) {
            return Optional.empty();
        }
        if (cached.get().expiresAt().isAfter(now)) {
            usage.used(token.id(), now);
            return Optional.of(new Verification.Verified(cached.get(), METHOD));
        }
        cache.invalidateCredential(cached.get().credentialId());
        return Optional.of(Verification.Rejected.expired("expired personal access token", cached.get().credentialId(),
                cached.get().userId()));
    }

    private Verification verifyStored(OpaqueToken token, String digest, Instant now) {
        // Before the reads: a revocation that lands during argon2 must not leave this answer cached.
        long generation = cache.generation();
        Optional<PersonalAccessToken> stored = tokens.findById(token.id());
        if (stored.isEmpty()) {
            hasher.verify(dummyHash, token.secret());
            return new Verification.Rejected("unknown personal access token", false, Long.toString(token.id()), 0);
        }
        PersonalAccessToken pat = stored.get();
        if (!hasher.verify(pat.secretHash(), token.secret())) {
            return new Verification.Rejected("wrong secret for personal access token " + pat.id(), false,
                    Long.toString(pat.id()), pat.userId());
        }
        if (pat.isExpiredAt(now)) {
            return Verification.Rejected.expired("expired personal access token " + pat.id(), Long.toString(pat.id()),
                    pat.userId());
        }
        Optional<ServiceUser> user = users.findById(pat.userId());
        if (user.isEmpty() || !user.get().canAuthenticate()) {
            return new Verification.Rejected("user of personal access token " + pat.id() + " cannot authenticate");
        }
        Optional<Organization> org = organizations.findById(pat.orgId());
        if (org.isEmpty() || org.get().state() != OrgState.ACTIVE) {
            return new Verification.Rejected("organization of personal access token " + pat.id() + " is not active");
        }
        // What introspection reports of a PAT (contract §8.2): issued at its creation, ZITADEL's fixed
        // scopes, no client, valid for any audience (the introspecting app is appended).
        Principal principal = new Principal(pat.userId(), pat.orgId(), Long.toString(pat.id()), METHOD,
                pat.expiresAt(), new TokenDetails(pat.createdAt(), "", PersonalAccessToken.SCOPES, List.of(), true));
        cache.put(digest, principal, generation);
        usage.used(pat.id(), now);
        // Only here, after a full verification: a cache hit has no hash at hand, and a refused token
        // is not worth the work.
        SecretRehash.ifNeeded(hasher, pat.secretHash(), token.secret(),
                (old, fresh) -> tokens.updateSecretHash(pat.id(), old, fresh), "personal access token " + pat.id());
        return new Verification.Verified(principal, METHOD);
    }
}
