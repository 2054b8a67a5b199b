package dev.warden.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What introspection found: the caller refused ({@code clientAuthenticated} false), the token
 * inactive (no {@code activeToken}), or the active token's claims. The reason is for logs only.
 */
public record IntrospectionResult(boolean clientAuthenticated, Optional<ActiveTokenResult> activeToken,
                                  String reasonForLogs) {

    public IntrospectionResult {
        Objects.requireNonNull(activeToken, "activeToken");
        Objects.requireNonNull(reasonForLogs, "reasonForLogs");
        if (!clientAuthenticated && activeToken.isPresent()) {
            throw new IllegalArgumentException("a refused client learns nothing about the token");
        }
    }

    /** The caller is not an authenticated, active API application. */
    public static IntrospectionResult clientRefused(String reasonForLogs) {
        return new IntrospectionResult(false, Optional.empty(), reasonForLogs);
    }

    /** The token is unknown, malformed, expired, revoked, of an inactive user, or not for this caller. */
    public static IntrospectionResult inactive(String reasonForLogs) {
        return new IntrospectionResult(true, Optional.empty(), reasonForLogs);
    }

    public static IntrospectionResult active(ActiveTokenResult token) {
        return new IntrospectionResult(true, Optional.of(token), "");
    }

    /** Shorthand for {@code active(new ActiveTokenResult(…))}. */
    public static IntrospectionResult active(String subject, List<String> scopes, String clientId, Instant issuedAt,
                                             Instant expiresAt, List<String> audience, String issuer, String tokenId,
                                             Optional<ProfileResult> profile,
                                             Optional<ResourceOwnerResult> resourceOwner, long projectId,
                                             Map<String, Map<String, String>> roles) {
        return active(new ActiveTokenResult(subject, scopes, clientId, issuedAt, expiresAt, audience, issuer,
                tokenId, profile, resourceOwner, projectId, roles));
    }

    public boolean isClientRefused() {
        return !clientAuthenticated;
    }

    public boolean isInactive() {
        return clientAuthenticated && activeToken.isEmpty();
    }

    public boolean isActive() {
        return activeToken.isPresent();
    }

    /**
     * An active token. {@code clientId} is empty for PATs; {@code roles} maps role key → granting
     * org id → that org's primary domain, for the introspecting app's project.
     */
    public record ActiveTokenResult(String subject, List<String> scopes, String clientId, Instant issuedAt,
                                    Instant expiresAt, List<String> audience, String issuer, String tokenId,
                                    Optional<ProfileResult> profile, Optional<ResourceOwnerResult> resourceOwner,
                                    long projectId, Map<String, Map<String, String>> roles) {
        public ActiveTokenResult {
            Objects.requireNonNull(subject, "subject");
            scopes = List.copyOf(scopes);
            audience = List.copyOf(audience);
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(resourceOwner, "resourceOwner");
            roles = Map.copyOf(roles);
        }
    }

    /** Claims of the {@code profile} scope. */
    public record ProfileResult(String userName, String name, Instant updatedAt) {
    }

    /** Claims of the {@code urn:zitadel:iam:user:resourceowner} scope. */
    public record ResourceOwnerResult(long orgId, String name, String primaryDomain) {
    }
}
