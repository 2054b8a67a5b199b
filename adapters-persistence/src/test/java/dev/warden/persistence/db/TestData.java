package dev.warden.persistence.db;

import dev.warden.domain.id.TimeOrderedIdGenerator;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.AccessTokenType;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserState;
import dev.warden.domain.token.PersonalAccessToken;
import dev.warden.domain.token.SecretHash;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/** Domain values for the repository tests, with unique ids and names. */
public final class TestData {

    /**
     * UTC 02:30 on the day Europe/Berlin skips 02:00–03:00 (the module's tests run in that zone):
     * a time that a driver converting through the JVM's zone would move by an hour, with microseconds
     * that DATETIME(6) must keep.
     */
    public static final Instant CREATED = Instant.parse("2026-03-29T02:30:00.123456Z");
    public static final Instant CHANGED = Instant.parse("2026-03-29T02:45:01.000001Z");
    public static final SecretHash HASH = new SecretHash(
            "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$7XjT0kqXh8n3D8b4zQ3bX0nq1v2Kq3m4n5o6p7q8r9s");

    private static final TimeOrderedIdGenerator IDS = TimeOrderedIdGenerator.withRandomNode(Clock.systemUTC());

    private TestData() {
    }

    public static long nextId() {
        return IDS.nextId();
    }

    public static Organization org() {
        long id = nextId();
        return new Organization(id, "Org " + id, "org-" + id + ".warden.localhost", OrgState.ACTIVE, 3, CREATED,
                CHANGED);
    }

    public static ServiceUser user(long orgId) {
        long id = nextId();
        return new ServiceUser(id, orgId, "bot-" + id, "Bot " + id, "does things, ünïcödé 🚀",
                AccessTokenType.JWT, UserState.ACTIVE, 5, CREATED, CHANGED);
    }

    public static PersonalAccessToken token(long userId, long orgId, Instant expiresAt) {
        return new PersonalAccessToken(nextId(), userId, orgId, HASH, expiresAt, 2, CREATED, CHANGED);
    }

    public static Membership membership(long userId, MemberScope scope, long scopeId, Set<Role> roles) {
        return new Membership(userId, scope, scopeId, roles, 4, CREATED, CHANGED);
    }
}
