package dev.warden.domain.audit;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of security event, named as ZITADEL names its events where it has one
 * ({@code user.personal.access.token.added}, …); Warden's own carry the prefix {@code warden.}.
 */
public enum AuditEventType {
    PAT_ADDED("user.personal.access.token.added"),
    PAT_REMOVED("user.personal.access.token.removed"),
    ACCESS_TOKEN_REVOKED("user.token.revoked"),
    EXPIRED_CREDENTIAL_USED("warden.credential.expired.used"),
    AUTHENTICATION_FAILED("warden.authentication.failed"),
    MACHINE_SECRET_SET("user.machine.secret.set"),
    MACHINE_SECRET_REMOVED("user.machine.secret.removed"),
    MACHINE_KEY_ADDED("user.machine.key.added"),
    MACHINE_KEY_REMOVED("user.machine.key.removed"),
    USER_DEACTIVATED("user.deactivated"),
    USER_REACTIVATED("user.reactivated"),
    USER_LOCKED("user.locked"),
    USER_UNLOCKED("user.unlocked"),
    USER_REMOVED("user.removed"),
    MEMBER_ADDED("member.added"),
    MEMBER_CHANGED("member.changed"),
    MEMBER_REMOVED("member.removed"),
    USER_GRANT_ADDED("user.grant.added"),
    USER_GRANT_CHANGED("user.grant.changed"),
    USER_GRANT_DEACTIVATED("user.grant.deactivated"),
    USER_GRANT_REACTIVATED("user.grant.reactivated"),
    USER_GRANT_REMOVED("user.grant.removed"),
    APP_SECRET_CHANGED("project.application.config.api.secret.changed"),
    APP_KEY_ADDED("project.application.key.added"),
    APP_KEY_REMOVED("project.application.key.removed");

    private final String wireName;

    AuditEventType(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the API and in the database. */
    public String wireName() {
        return wireName;
    }

    public static Optional<AuditEventType> fromWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
