package dev.warden.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the userinfo endpoint learned from a token: its user's claims, or that the token is
 * invalid (unknown, malformed, expired, revoked, of an inactive user or organization). The
 * reason is for logs only.
 */
public record UserInfoResult(Optional<ClaimsResult> claims, String reasonForLogs) {

    public UserInfoResult {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(reasonForLogs, "reasonForLogs");
    }

    public static UserInfoResult invalidToken(String reasonForLogs) {
        return new UserInfoResult(Optional.empty(), reasonForLogs);
    }

    public static UserInfoResult of(ClaimsResult claims) {
        return new UserInfoResult(Optional.of(claims), "");
    }

    public boolean isValid() {
        return claims.isPresent();
    }

    /**
     * The user's claims: the subject always, the rest as the token's scopes grant them;
     * {@code projectRoles} has one entry per audience project in which the user holds roles.
     */
    public record ClaimsResult(String subject, Optional<ProfileResult> profile,
                               Optional<ResourceOwnerResult> resourceOwner, List<ProjectRolesResult> projectRoles) {
        public ClaimsResult {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(resourceOwner, "resourceOwner");
            projectRoles = List.copyOf(projectRoles);
        }
    }

    /** Claims of the {@code profile} scope. */
    public record ProfileResult(String userName, String name, Instant updatedAt) {
        public ProfileResult {
            Objects.requireNonNull(userName, "userName");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(updatedAt, "updatedAt");
        }
    }

    /** Claims of the {@code urn:zitadel:iam:user:resourceowner} scope. */
    public record ResourceOwnerResult(long orgId, String name, String primaryDomain) {
        public ResourceOwnerResult {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(primaryDomain, "primaryDomain");
        }
    }

    /** The user's roles in one project: role key → granting org id → that org's primary domain. */
    public record ProjectRolesResult(long projectId, Map<String, Map<String, String>> roles) {
        public ProjectRolesResult {
            roles = Map.copyOf(roles);
        }
    }
}
