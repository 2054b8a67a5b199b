package dev.warden.application.oauth;

import dev.warden.application.auth.CredentialDigest;
import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.application.port.out.AccessTokenRepository;
import dev.warden.application.port.out.OrganizationRepository;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.application.port.out.SigningKeys;
import dev.warden.application.port.out.VerifiedCredentialCache;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.principal.TokenDetails;
import dev.warden.domain.serviceuser.AccessTokenType;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.oauth.AccessToken;
import dev.warden.domain.token.OpaqueToken;
import dev.warden.domain.token.TokenKind;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Verifies {@code Bearer} OAuth access tokens Warden issued: opaque {@code wdn_at_…} strings and
 * JWT access tokens (compact JWS signed by Warden, {@code jti} = token id).
 *
 * <p>Both kinds are valid only while their stored row exists and has not expired: revocation and
 * the removal of the machine key they were obtained with delete the row. Order of checks: the
 * form (no I/O); the verified-credential cache (no database, no signature); then for an opaque
 * token the row by id and a constant-time comparison of the secret's digest, for a JWT its
 * signature and issuer and then the row by {@code jti}; then user and organization active.
 * Anything that is neither kind is not this verifier's.
 */
final class AccessTokenVerifier implements CredentialVerifier {

    static final String METHOD = "access-token";
    /** A JWT access token of Warden's is about 1 KB; longer ones are not ours. */
    static final int MAX_JWT_LENGTH = 8192;

    private final Clock clock;
    private final OrganizationRepository organizations;
    private final ServiceUserRepository users;
    private final AccessTokenRepository tokens;
    private final SigningKeys signingKeys;
    private final VerifiedCredentialCache cache;
    private final String issuer;

    AccessTokenVerifier(Clock clock, OrganizationRepository organizations, ServiceUserRepository users,
                        AccessTokenRepository tokens, SigningKeys signingKeys, VerifiedCredentialCache cache,
                        String issuer) {
        this.clock = clock;
        this.organizations = organizations;
        this.users = users;
        this.tokens = tokens;
        this.signingKeys = signingKeys;
        this.cache = cache;
        this.issuer = issuer;
    }

    @Override
    public String scheme() {
        return CredentialSchemes.BEARER;
    }

    @Override
    public Verification verify(PresentedCredential credential) {
        if (!isAccessToken(credential)) {
            return Verification.ABSTAINED;
        }
        String presented = credential.value();
        Instant now = clock.instant();
        String digest = CredentialDigest.of(presented);
        Optional<Verification> remembered = remembered(digest, now);
        if (remembered.isPresent()) {
            return remembered.get();
        }
        // Before the reads: a revocation that lands meanwhile must not leave this answer cached.
        long generation = cache.generation();
        Verification verification = OpaqueToken.hasPrefix(TokenKind.ACCESS_TOKEN, presented)
                ? verifyOpaque(presented, now) : verifyJwt(presented, now);
        if (verification instanceof Verification.Verified verified) {
            cache.put(digest, verified.principal(), generation);
        }
        return verification;
    }

    @Override
    public Verification verifyRemembered(PresentedCredential credential) {
        if (!isAccessToken(credential)) {
            return Verification.ABSTAINED;
        }
        return remembered(CredentialDigest.of(credential.value()), clock.instant()).orElse(Verification.ABSTAINED);
    }

    private boolean isAccessToken(PresentedCredential credential) {
        return scheme().equalsIgnoreCase(credential.scheme())
                && (OpaqueToken.hasPrefix(TokenKind.ACCESS_TOKEN, credential.value()) || looksLikeJws(credential.value()));
    }

    /** The cache's answer (no database, no signature check), if it has one. */
    private Optional<Verification> remembered(String digest, Instant now) {
        Optional<Principal> cached = cache.get(digest);
        if (cached.isEmpty()) {
            return Optional.empty();
        }
        if (cached.get().expiresAt().isAfter(now)) {
            return Optional.of(new Verification.Verified(cached.get(), METHOD));
        }
        cache.invalidateCredential(cached.get().credentialId());
        return Optional.of(Verification.Rejected.expired("expired access token", cached.get().credentialId(),
                cached.get().userId()));
    }

    private Verification verifyOpaque(String presented, Instant now) {
        Optional<OpaqueToken> parsed = OpaqueToken.parse(TokenKind.ACCESS_TOKEN, presented);
        if (parsed.isEmpty()) {
            return new Verification.Rejected("malformed access token");
        }
        Optional<AccessToken> stored = tokens.findById(parsed.get().id());
        if (stored.isEmpty() || !stored.get().matches(parsed.get().secret())) {
            return new Verification.Rejected("unknown or revoked access token");
        }
        return verifyStored(stored.get(), now);
    }

    private Verification verifyJwt(String presented, Instant now) {
        Optional<JwtAccessTokenClaims> claims = signingKeys.verify(presented).flatMap(JwtAccessTokenClaims::of);
        if (claims.isEmpty() || !issuer.equals(claims.get().issuer())) {
            return new Verification.Rejected("JWT not signed by Warden, or not one of its access tokens");
        }
        if (!claims.get().expiresAt().isAfter(now)) {
            return Verification.Rejected.expired("expired JWT access token " + claims.get().tokenId(),
                    Long.toString(claims.get().tokenId()), claims.get().userId());
        }
        Optional<AccessToken> stored = tokens.findById(claims.get().tokenId());
        if (stored.isEmpty() || stored.get().type() != AccessTokenType.JWT
                || stored.get().userId() != claims.get().userId()) {
            return new Verification.Rejected("JWT access token " + claims.get().tokenId() + " unknown or revoked");
        }
        return verifyStored(stored.get(), now);
    }

    private Verification verifyStored(AccessToken token, Instant now) {
        if (token.isExpiredAt(now)) {
            return Verification.Rejected.expired("expired access token " + token.id(), Long.toString(token.id()),
                    token.userId());
        }
        Optional<ServiceUser> user = users.findById(token.userId());
        if (user.isEmpty() || !ActiveAccounts.canAuthenticate(user.get(), organizations)) {
            return new Verification.Rejected("user of access token " + token.id() + " or its org is not active");
        }
        Principal principal = new Principal(token.userId(), token.orgId(), Long.toString(token.id()), METHOD,
                token.expiresAt(), new TokenDetails(token.issuedAt(), token.clientId(), token.scopes(),
                token.audience(), false));
        return new Verification.Verified(principal, METHOD);
    }

    /** Three non-empty base64url parts: the shape of a compact JWS, checked before any parsing. */
    static boolean looksLikeJws(String text) {
        if (text.isEmpty() || text.length() > MAX_JWT_LENGTH) {
            return false;
        }
        int dots = 0;
        char previous = '.';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (previous == '.') {
                    return false;
                }
                dots++;
            } else if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_')) {
                return false;
            }
            previous = c;
        }
        return dots == 2 && previous != '.';
    }
}
