package dev.warden.application.oauth;

import dev.warden.application.port.in.IssuedTokenResult;
import dev.warden.application.port.out.AccessTokenRepository;
import dev.warden.application.port.out.InstanceRepository;
import dev.warden.application.port.out.OrganizationRepository;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.application.port.out.ProjectRoleGrants;
import dev.warden.application.port.out.SigningKeys;
import dev.warden.domain.id.IdGenerator;
import dev.warden.domain.oauth.GrantedScopes;
import dev.warden.domain.org.Organization;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.serviceuser.AccessTokenType;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.oauth.AccessToken;
import dev.warden.domain.token.OpaqueToken;
import dev.warden.domain.token.TokenKind;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Issues the access token (and id token) of a verified token request, whatever the grant: grants
 * the scopes, stores the token, and builds it in the user's form, an opaque {@code wdn_at_…}
 * string or an RS256 JWT (contract §7.3.1). The id token's {@code exp} is {@code iat} plus the
 * id-token lifetime, never {@code iat} itself (ZITADEL bug 11060).
 */
public final class AccessTokenIssuer {

    private final AccessTokenRepository tokens;
    private final ServiceUserRepository users;
    private final OrganizationRepository organizations;
    private final InstanceRepository instances;
    private final SigningKeys signingKeys;
    private final RoleClaims roleClaims;
    private final IdGenerator ids;
    private final Clock clock;
    private final OAuthSettings settings;

    public AccessTokenIssuer(AccessTokenRepository tokens, ServiceUserRepository users,
                             OrganizationRepository organizations, InstanceRepository instances,
                             SigningKeys signingKeys, ProjectRoleGrants roleGrants, IdGenerator ids, Clock clock,
                             OAuthSettings settings) {
        this.tokens = tokens;
        this.users = users;
        this.organizations = organizations;
        this.instances = instances;
        this.signingKeys = signingKeys;
        this.roleClaims = new RoleClaims(roleGrants);
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
    }

    /** Refuses a request without a scope before anything costly runs (ZITADEL: 400 invalid_request). */
    public static void requireScope(String scopeParameter) {
        if (!GrantedScopes.isPresent(scopeParameter)) {
            throw new OAuthRefusal(OAuthRefusal.Kind.INVALID_REQUEST, "The scope of your request is missing");
        }
    }

    /**
     * The token for the verified user of {@code principal}.
     *
     * @param machineKeyId the key the grant was verified with; the token dies with it
     */
    public IssuedTokenResult issue(Principal principal, Optional<Long> machineKeyId, String scopeParameter,
                                   OAuthRefusal.Kind refusal) {
        ServiceUser user = users.findById(principal.userId())
                .orElseThrow(() -> new OAuthRefusal(refusal, "the service user does not exist"));
        Organization org = organizations.findById(user.orgId())
                .orElseThrow(() -> new OAuthRefusal(refusal, "the organization does not exist"));
        String managementAudience = Long.toString(instances.find()
                .orElseThrow(() -> new IllegalStateException("the instance is not set up")).id());
        GrantedScopes granted;
        try {
            granted = GrantedScopes.parse(scopeParameter, managementAudience, org.id(), org.primaryDomain());
        } catch (IllegalArgumentException e) {
            throw new OAuthRefusal(OAuthRefusal.Kind.INVALID_REQUEST, e.getMessage());
        }
        // Whole seconds: what the JWT claims and expires_in can say.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = now.plus(settings.accessTokenLifetime());
        long id = ids.nextId();
        String clientId = user.userName();
        String accessToken;
        if (user.accessTokenType() == AccessTokenType.JWT) {
            tokens.insert(AccessToken.jwt(id, user.id(), user.orgId(), clientId, machineKeyId, granted.scopes(),
                    granted.audience(), now, expiresAt));
            Map<String, Object> claims = accessTokenClaims(id, user, clientId, granted, now, expiresAt);
            claims.putAll(roleClaims(user, granted, managementAudience));
            accessToken = signingKeys.sign(claims);
        } else {
            OpaqueToken token = OpaqueToken.generate(TokenKind.ACCESS_TOKEN, id);
            tokens.insert(AccessToken.opaque(token, user.id(), user.orgId(), clientId, machineKeyId,
                    granted.scopes(), granted.audience(), now, expiresAt));
            accessToken = token.encode();
        }
        Optional<String> idToken = Optional.empty();
        if (granted.includesOpenId()) {
            Map<String, Object> claims = idTokenClaims(user, clientId, now);
            claims.putAll(roleClaims(user, granted, managementAudience));
            idToken = Optional.of(signingKeys.sign(claims));
        }
        return new IssuedTokenResult(accessToken, "Bearer", settings.accessTokenLifetime().toSeconds(),
                granted.asParameter(), idToken);
    }

    private Map<String, Object> accessTokenClaims(long id, ServiceUser user, String clientId, GrantedScopes granted,
                                                  Instant now, Instant expiresAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", settings.issuer());
        claims.put("sub", Long.toString(user.id()));
        claims.put("aud", granted.audience().isEmpty() ? List.of(clientId) : granted.audience());
        claims.put("exp", expiresAt.getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("jti", Long.toString(id));
        claims.put("client_id", clientId);
        claims.put("scope", granted.asParameter());
        return claims;
    }

    /**
     * Contract §7.4: with a role scope ({@code …:project:role:{key}} or {@code …:projects:roles}), a
     * claim {@code urn:zitadel:iam:org:project:{projectId}:roles} per project of the audience in
     * which the user holds a matching role; no generic roles claim (a machine user has no
     * "current" project). Audience ids that are no project (the management API, non-numbers) have none.
     */
    private Map<String, Object> roleClaims(ServiceUser user, GrantedScopes granted, String managementAudience) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (!RoleClaims.requested(granted.scopes())) {
            return claims;
        }
        for (String audience : granted.audience()) {
            if (audience.equals(managementAudience) || !audience.matches("[1-9][0-9]{0,18}")) {
                continue;
            }
            long projectId;
            try {
                projectId = Long.parseLong(audience);
            } catch (NumberFormatException e) {
                continue;
            }
            Map<String, Map<String, String>> roles = roleClaims.of(user.id(), projectId, granted.scopes());
            if (!roles.isEmpty()) {
                claims.put(RoleClaims.claimName(projectId), roles);
            }
        }
        return claims;
    }

    private Map<String, Object> idTokenClaims(ServiceUser user, String clientId, Instant now) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", settings.issuer());
        claims.put("sub", Long.toString(user.id()));
        claims.put("aud", List.of(clientId));
        claims.put("azp", clientId);
        claims.put("exp", now.plus(settings.idTokenLifetime()).getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        claims.put("auth_time", now.getEpochSecond());
        return claims;
    }
}
