package dev.warden.application.oauth;

import dev.warden.application.auth.CredentialDigest;
import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.application.port.out.AssertionReplayGuard;
import dev.warden.application.port.out.JwtAssertions;
import dev.warden.application.port.out.JwtAssertions.SignedAssertion;
import dev.warden.application.port.out.MachineKeyRepository;
import dev.warden.application.port.out.OrganizationRepository;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.domain.id.Ids;
import dev.warden.domain.key.MachineKey;
import dev.warden.domain.oauth.AssertionClaims;
import dev.warden.domain.oauth.AssertionRules;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.principal.TokenDetails;
import dev.warden.domain.serviceuser.ServiceUser;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Verifies a JWT-profile grant (RFC 7523 §2.1): an assertion that a service user signed with the
 * private half of one of its machine keys.
 *
 * <p>Order of checks: the form (no I/O); the header: {@code alg} exactly RS256, no {@code crit},
 * no header that names its own key ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}); the key
 * named by {@code kid}, which must belong to the user named by {@code iss} and not be expired;
 * the signature with that key; the claims ({@link AssertionRules}); user and organization
 * active; and last, so that only a valid assertion consumes its {@code jti}, the replay guard:
 * each assertion is accepted once, on every node, until its window ends. Such a credential is
 * single-use, so nothing is cached.
 */
final class JwtProfileVerifier implements CredentialVerifier {

    static final String METHOD = "jwt-profile";
    static final String RS256 = "RS256";

    private final String scheme;
    private final String method;
    private final Clock clock;
    private final OrganizationRepository organizations;
    private final ServiceUserRepository users;
    private final MachineKeyRepository keys;
    private final JwtAssertions assertions;
    private final AssertionReplayGuard replayGuard;
    private final AssertionRules rules;

    JwtProfileVerifier(Clock clock, OrganizationRepository organizations, ServiceUserRepository users,
                       MachineKeyRepository keys, JwtAssertions assertions, AssertionReplayGuard replayGuard,
                       AssertionRules rules) {
        this(CredentialSchemes.JWT_BEARER_GRANT, METHOD, clock, organizations, users, keys, assertions, replayGuard,
                rules);
    }

    /**
     * The same checks for another way of presenting the assertion: as {@code private_key_jwt}
     * client authentication (scheme {@link CredentialSchemes#CLIENT_ASSERTION}) of a service user.
     */
    JwtProfileVerifier(String scheme, String method, Clock clock, OrganizationRepository organizations,
                       ServiceUserRepository users, MachineKeyRepository keys, JwtAssertions assertions,
                       AssertionReplayGuard replayGuard, AssertionRules rules) {
        this.scheme = scheme;
        this.method = method;
        this.clock = clock;
        this.organizations = organizations;
        this.users = users;
        this.keys = keys;
        this.assertions = assertions;
        this.replayGuard = replayGuard;
        this.rules = rules;
    }

    @Override
    public String scheme() {
        return scheme;
    }

    @Override
    public Verification verify(PresentedCredential credential) {
        if (!scheme().equals(credential.scheme())) {
            return Verification.ABSTAINED;
        }
        Optional<SignedAssertion> parsed = assertions.parse(credential.value());
        if (parsed.isEmpty()) {
            return new Verification.Rejected("assertion is not a compact JWS");
        }
        SignedAssertion assertion = parsed.get();
        if (!RS256.equals(assertion.algorithm())) {
            return new Verification.Rejected("assertion alg is not RS256");
        }
        if (!assertion.critical().isEmpty() || assertion.carriesKeyReference()) {
            return new Verification.Rejected("assertion header has crit or names its own key");
        }
        AssertionClaims claims = assertion.claims();
        Optional<Long> userId = Ids.parse(claims.issuer());
        Optional<Long> keyId = Ids.parse(assertion.keyId());
        if (userId.isEmpty() || keyId.isEmpty()) {
            return new Verification.Rejected("assertion iss or kid is not an id");
        }
        Instant now = clock.instant();
        Optional<MachineKey> key = keys.findById(keyId.get());
        if (key.isEmpty() || key.get().userId() != userId.get()) {
            return new Verification.Rejected("no key " + keyId.get() + " of user " + userId.get());
        }
        if (key.get().isExpiredAt(now)) {
            return new Verification.Rejected("machine key " + key.get().id() + " expired");
        }
        if (!assertions.verifiesWith(assertion, key.get().publicKeyPem())) {
            return new Verification.Rejected("assertion signature does not verify with key " + key.get().id());
        }
        Optional<String> violation = rules.violation(claims, now);
        if (violation.isPresent()) {
            return new Verification.Rejected("assertion of key " + key.get().id() + ": " + violation.get());
        }
        Optional<ServiceUser> user = users.findById(userId.get());
        if (user.isEmpty() || !ActiveAccounts.canAuthenticate(user.get(), organizations)) {
            return new Verification.Rejected("user " + userId.get() + " or its organization is not active");
        }
        String clientId = credential.clientId();
        if (!clientId.isEmpty() && !clientId.equals(Long.toString(user.get().id()))
                && !clientId.equalsIgnoreCase(user.get().userName())) {
            return new Verification.Rejected("client_id names another client than the assertion");
        }
        String replayKey = claims.jwtId().orElseGet(() -> CredentialDigest.of(credential.value()));
        if (!replayGuard.firstUse(claims.issuer(), replayKey, rules.replayWindowEnd(claims))) {
            return new Verification.Rejected("assertion of key " + key.get().id() + " replayed");
        }
        ServiceUser u = user.get();
        // iat is optional (RFC 7523): without it, the assertion counts as issued when verified.
        Principal principal = new Principal(u.id(), u.orgId(), Long.toString(key.get().id()), method,
                key.get().expiresAt(), new TokenDetails(claims.issuedAt().orElse(now), u.userName(), List.of(),
                List.of(), false));
        return new Verification.Verified(principal, method);
    }
}
