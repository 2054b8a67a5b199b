package dev.warden.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What introspection found: the caller refused, the token inactive, or the token's claims. */
public sealed interface IntrospectionResult {

    /** The caller is not an authenticated, active API application; the reason is for logs only. */
    record ClientRefused(String reasonForLogs) implements IntrospectionResult {
    }

    /** The token is unknown, malformed, expired, revoked, of an inactive user, or not for this caller. */
    record Inactive(String reasonForLogs) implements IntrospectionResult {
    }

    /**
     * An active token. {@code clientId} is empty for PATs; {@code roles} maps role key → granting
     * org id → that org's primary domain, for the introspecting app's project.
     */
    record Active(String subject, List<String> scopes, String clientId, Instant issuedAt, Instant expiresAt,
                  List<String> audience, String issuer, String tokenId, Optional<Profile> profile,
                  Optional<ResourceOwner> resourceOwner, long projectId,
                  Map<String, Map<String, String>> roles) implements IntrospectionResult {
        public Active {
            Objects.requireNonNull(subject, "subject");
            scopes = List.copyOf(scopes);
            audience = List.copyOf(audience);
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
            roles = Map.copyOf(roles);
        }
    }

    /** Claims of the {@code profile} scope. */
    record Profile(String userName, String name, Instant updatedAt) {
    }

    /** Claims of the {@code urn:zitadel:iam:user:resourceowner} scope. */
    record ResourceOwner(long orgId, String name, String primaryDomain) {
    }
}
