package dev.warden.http.introspection;

import dev.warden.application.port.in.IntrospectionResult;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The claims of the introspection answer (RFC 7662) with ZITADEL's claims (contract §8.2, projects contract
 * §7.3). Inactive is exactly {@code {"active":false}}; absent claims are left out.
 */
final class IntrospectionClaims {

    static final Map<String, Object> INACTIVE = Map.of("active", false);
    static final String ROLES_CLAIM = "urn:zitadel:iam:org:project:roles";

    private IntrospectionClaims() {
    }

    static Map<String, Object> of(IntrospectionResult.ActiveTokenResult active) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("active", true);
        body.put("scope", String.join(" ", active.scopes()));
        if (!active.clientId().isEmpty()) {
            body.put("client_id", active.clientId());
        }
        body.put("token_type", "Bearer");
        body.put("exp", active.expiresAt().getEpochSecond());
        body.put("iat", active.issuedAt().getEpochSecond());
        body.put("nbf", active.issuedAt().getEpochSecond());
        body.put("sub", active.subject());
        body.put("aud", active.audience());
        body.put("iss", active.issuer());
        body.put("jti", active.tokenId());
        active.profile().ifPresent(profile -> {
            body.put("username", profile.userName());
            body.put("name", profile.name());
            body.put("preferred_username", profile.userName());
            body.put("updated_at", profile.updatedAt().getEpochSecond());
        });
        active.resourceOwner().ifPresent(owner -> {
            body.put("urn:zitadel:iam:user:resourceowner:id", Long.toString(owner.orgId()));
            body.put("urn:zitadel:iam:user:resourceowner:name", owner.name());
            body.put("urn:zitadel:iam:user:resourceowner:primary_domain", owner.primaryDomain());
        });
        if (!active.roles().isEmpty()) {
            Map<String, Map<String, String>> roles = new java.util.TreeMap<>(active.roles());
            body.put(ROLES_CLAIM, roles);
            body.put("urn:zitadel:iam:org:project:" + active.projectId() + ":roles", roles);
        }
        return body;
    }
}
