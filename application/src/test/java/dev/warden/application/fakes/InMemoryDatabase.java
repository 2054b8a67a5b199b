package dev.warden.application.fakes;

import dev.warden.domain.key.MachineKey;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.serviceuser.MachineSecret;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.oauth.AccessToken;
import dev.warden.domain.token.PersonalAccessToken;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The tables behind the in-memory repositories, shared so that one repository's cascades reach
 * the others' rows, as foreign keys and one transaction do in the real database. Writes lock the
 * whole database, which makes every multi-row change all-or-nothing for concurrent readers.
 */
public final class InMemoryDatabase {

    record MembershipKey(long userId, MemberScope scope, long scopeId) {
        static MembershipKey of(Membership membership) {
            return new MembershipKey(membership.userId(), membership.scope(), membership.scopeId());
        }
    }

    final ConcurrentMap<Long, Organization> organizations = new ConcurrentHashMap<>();
    final ConcurrentMap<Long, ServiceUser> users = new ConcurrentHashMap<>();
    final ConcurrentMap<Long, PersonalAccessToken> tokens = new ConcurrentHashMap<>();
    final ConcurrentMap<MembershipKey, Membership> memberships = new ConcurrentHashMap<>();
    final ConcurrentMap<Long, MachineKey> machineKeys = new ConcurrentHashMap<>();
    final ConcurrentMap<Long, AccessToken> accessTokens = new ConcurrentHashMap<>();
    /** Client secrets by user id. */
    final ConcurrentMap<Long, MachineSecret> secrets = new ConcurrentHashMap<>();
    final InMemoryChangeFeed changes;
    // Projects feature: the foreign keys of V5 cascade, so removals here take what hangs from them.
    final ConcurrentMap<Long, dev.warden.domain.project.Project> projects = new ConcurrentHashMap<>();
    /** Roles by project id, then key. */
    final ConcurrentMap<Long, java.util.Map<String, dev.warden.domain.project.ProjectRole>> roles =
            new ConcurrentHashMap<>();
    final ConcurrentMap<Long, dev.warden.domain.app.ApiApp> apps = new ConcurrentHashMap<>();
    final ConcurrentMap<Long, dev.warden.domain.app.AppKey> appKeys = new ConcurrentHashMap<>();
    final ConcurrentMap<Long, dev.warden.domain.grant.UserGrant> grants = new ConcurrentHashMap<>();

    public InMemoryDatabase(Clock clock) {
        this.changes = new InMemoryChangeFeed(Objects.requireNonNull(clock, "clock"));
    }

    /** A database whose change feed runs on the system clock, for stand-alone repositories. */
    public InMemoryDatabase() {
        this(Clock.systemUTC());
    }

    /** The change feed the repositories of this database write to. */
    public InMemoryChangeFeed changes() {
        return changes;
    }

    /** One page of already sorted rows: {@code offset} skipped, at most {@code limit} (0 = all) kept. */
    static <T> Page<T> page(List<T> sorted, PageRequest request) {
        long from = Math.min(request.offset(), sorted.size());
        long to = request.limit() == 0 ? sorted.size() : Math.min(sorted.size(), from + request.limit());
        return new Page<>(sorted.subList((int) from, (int) to), sorted.size());
    }

    /** Deletes a user's tokens, access tokens, memberships, client secret and machine keys, as the foreign keys' cascades do. */
    void removeUserRows(long userId) {
        tokens.values().removeIf(t -> t.userId() == userId);
        memberships.values().removeIf(m -> m.userId() == userId);
        machineKeys.values().removeIf(k -> k.userId() == userId);
        accessTokens.values().removeIf(t -> t.userId() == userId);
        secrets.remove(userId);
        grants.values().removeIf(g -> g.userId() == userId);
    }

    /** Deletes a project's roles, apps, keys and grants, as the foreign keys' cascades do. */
    void removeProjectRows(long projectId) {
        projects.remove(projectId);
        roles.remove(projectId);
        apps.values().removeIf(a -> a.projectId() == projectId);
        appKeys.values().removeIf(k -> k.projectId() == projectId);
        grants.values().removeIf(g -> g.projectId() == projectId);
    }

    /** Deletes an organization's projects (with everything of theirs) and grants, as the cascades do. */
    void removeOrgProjectRows(long orgId) {
        projects.values().stream().filter(p -> p.orgId() == orgId).map(p -> p.id()).toList()
                .forEach(this::removeProjectRows);
        grants.values().removeIf(g -> g.orgId() == orgId);
    }
}
