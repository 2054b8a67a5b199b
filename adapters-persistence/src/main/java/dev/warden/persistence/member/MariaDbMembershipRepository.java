package dev.warden.persistence.member;

import dev.warden.application.port.out.MembershipRepository;
import dev.warden.application.port.out.UpdateResult;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.member.Member;
import dev.warden.domain.member.MemberFilter;
import dev.warden.domain.member.Membership;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.serviceuser.AccessTokenType;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserState;
import dev.warden.persistence.change.MariaDbChangeFeed;
import dev.warden.persistence.db.Condition;
import dev.warden.persistence.db.DbFailures;
import dev.warden.persistence.db.Paging;
import dev.warden.persistence.db.Rows;
import dev.warden.persistence.db.Transactions;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Driven adapter: memberships in the {@code memberships} table, the roles stored as their names
 * separated by single spaces. Every change writes {@code MEMBERSHIP_CHANGED} for the user to the
 * change feed in its own transaction.
 */
public final class MariaDbMembershipRepository implements MembershipRepository {

    private static final String COLUMNS = "user_id, scope, scope_id, roles, sequence, created_at, changed_at";
    private static final String SELECT_BY_USER = "SELECT " + COLUMNS + " FROM memberships WHERE user_id = ? "
            + "ORDER BY scope, scope_id";
    private static final String KEY = "user_id = ? AND scope = ? AND scope_id = ?";
    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM memberships WHERE " + KEY;
    private static final String INSERT = "INSERT INTO memberships (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT_KEY = "SELECT user_id FROM memberships WHERE " + KEY;
    private static final String UPDATE = "UPDATE memberships SET roles = ?, sequence = ?, changed_at = ? WHERE " + KEY
            + " AND sequence = ?";
    private static final String DELETE_ONE = "DELETE FROM memberships WHERE " + KEY;
    private static final String DELETE_BY_USER = "DELETE FROM memberships WHERE user_id = ?";
    /** Memberships on an organization, and memberships (anywhere) of the organization's users. */
    private static final String ORG_WIDE = "(scope = ? AND scope_id = ?) "
            + "OR user_id IN (SELECT id FROM users WHERE org_id = ?)";
    private static final String SELECT_USERS_ORG_WIDE = "SELECT DISTINCT user_id FROM memberships WHERE " + ORG_WIDE;
    private static final String DELETE_ORG_WIDE = "DELETE FROM memberships WHERE " + ORG_WIDE;
    // The user's columns are prefixed: both tables have sequence, created_at and changed_at.
    private static final String MEMBER_COLUMNS = "m.user_id, m.scope, m.scope_id, m.roles, m.sequence, "
            + "m.created_at, m.changed_at, u.org_id AS u_org_id, u.user_name AS u_user_name, "
            + "u.display_name AS u_display_name, u.description AS u_description, "
            + "u.access_token_type AS u_access_token_type, u.state AS u_state, u.sequence AS u_sequence, "
            + "u.created_at AS u_created_at, u.changed_at AS u_changed_at";
    private static final String MEMBERS_FROM = " FROM memberships m JOIN users u ON u.id = m.user_id "
            + "WHERE m.scope = ? AND m.scope_id = ? AND ";
    private static final String SELECT_MEMBERS = "SELECT " + MEMBER_COLUMNS + ", " + Paging.TOTAL + MEMBERS_FROM;
    private static final String COUNT_MEMBERS = "SELECT COUNT(*) AS total_matches" + MEMBERS_FROM;
    private static final String ROLE_SEPARATOR = " ";

    private final DbClient db;
    private final Clock clock;
    private final MariaDbChangeFeed changes;

    /** With the system clock stamping the change feed. */
    public MariaDbMembershipRepository(DbClient db) {
        this(db, Clock.systemUTC());
    }

    /** @param clock stamps the entries this repository writes to the change feed */
    public MariaDbMembershipRepository(DbClient db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.changes = new MariaDbChangeFeed(db);
    }

    @Override
    public List<Membership> findByUser(long userId) {
        return DbFailures.call(() -> {
            // The stream holds a pooled connection until it is closed.
            try (Stream<DbRow> rows = db.execute().query(SELECT_BY_USER, userId)) {
                return rows.map(this::toDomain).toList();
            }
        });
    }

    @Override
    public Optional<Membership> find(long userId, MemberScope scope, long scopeId) {
        Objects.requireNonNull(scope, "scope");
        return DbFailures.call(() -> db.execute().get(SELECT_ONE, userId, scope.name(), scopeId).map(this::toDomain));
    }

    @Override
    public boolean insert(Membership membership) {
        Objects.requireNonNull(membership, "membership");
        return Transactions.writeUnlessDuplicate(db,
                tx -> {
                    insert(tx, membership);
                    return 1;
                },
                (tx, inserted) -> changes.record(tx, ChangeKind.MEMBERSHIP_CHANGED, membership.userId(),
                        clock.instant()));
    }

    /**
     * Inserts the membership with {@code executor}, which may be a transaction. A building block
     * of larger writes: failures propagate untranslated, for the caller to roll back and translate.
     */
    public void insert(DbExecute executor, Membership membership) {
        executor.insert(INSERT, membership.userId(), membership.scope().name(), membership.scopeId(),
                roles(membership.roles()), membership.sequence(), Rows.utc(membership.createdAt()),
                Rows.utc(membership.changedAt()));
    }

    /**
     * Stores the membership's roles, sequence and change time, if the stored sequence is the new one
     * minus 1, with {@code MEMBERSHIP_CHANGED} in the same transaction; a membership that does not
     * exist stays absent.
     */
    @Override
    public UpdateResult update(Membership membership) {
        Objects.requireNonNull(membership, "membership");
        return Transactions.update(db,
                tx -> tx.update(UPDATE, roles(membership.roles()), membership.sequence(),
                        Rows.utc(membership.changedAt()), membership.userId(), membership.scope().name(),
                        membership.scopeId(), membership.sequence() - 1),
                tx -> tx.get(SELECT_KEY, membership.userId(), membership.scope().name(), membership.scopeId())
                        .isPresent(),
                tx -> changes.record(tx, ChangeKind.MEMBERSHIP_CHANGED, membership.userId(), clock.instant()));
    }

    @Override
    public boolean remove(long userId, MemberScope scope, long scopeId) {
        Objects.requireNonNull(scope, "scope");
        return Transactions.write(db, tx -> {
            boolean removed = tx.delete(DELETE_ONE, userId, scope.name(), scopeId) > 0;
            if (removed) {
                changes.record(tx, ChangeKind.MEMBERSHIP_CHANGED, userId, clock.instant());
            }
            return removed;
        });
    }

    /** Deletes every membership of the user with {@code executor}; a building block, failures untranslated. */
    public long removeByUser(DbExecute executor, long userId) {
        return executor.delete(DELETE_BY_USER, userId);
    }

    /**
     * Deletes, with {@code executor}, every membership on the organization and every membership of
     * its users, and returns the ids of the users who lost one. A building block of the
     * organization's removal, which must lock the organization's users first; failures untranslated.
     */
    public Set<Long> removeOrgWide(DbExecute executor, long orgId) {
        Object[] parameters = {MemberScope.ORG.name(), orgId, orgId};
        Set<Long> losing;
        try (Stream<DbRow> rows = executor.query(SELECT_USERS_ORG_WIDE, parameters)) {
            losing = rows.map(row -> Rows.longValue(row, "user_id")).collect(Collectors.toSet());
        }
        executor.delete(DELETE_ORG_WIDE, parameters);
        return losing;
    }

    @Override
    public Page<Member> search(MemberScope scope, long scopeId, MemberFilter filter, PageRequest page) {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(page, "page");
        Condition condition = condition(filter);
        String direction = Paging.direction(page);
        String where = "(" + condition.sql() + ")";
        String select = SELECT_MEMBERS + where + " ORDER BY u.user_name " + direction + ", m.user_id " + direction;
        List<Object> parameters = new ArrayList<>(List.of(scope.name(), scopeId));
        parameters.addAll(condition.parameters());
        return DbFailures.call(() -> Paging.page(db.execute(), select, COUNT_MEMBERS + where, parameters, page,
                this::toMember));
    }

    private static Condition condition(MemberFilter filter) {
        return switch (Objects.requireNonNull(filter, "filter")) {
            case MemberFilter.All all -> Condition.TRUE;
            case MemberFilter.UserId query -> Condition.equal("m.user_id", query.userId());
            case MemberFilter.Nothing nothing -> Condition.FALSE;
        };
    }

    private static String roles(Set<Role> roles) {
        return roles.stream().map(Role::name).collect(Collectors.joining(ROLE_SEPARATOR));
    }

    private Membership toDomain(DbRow row) {
        return new Membership(
                Rows.longValue(row, "user_id"),
                MemberScope.valueOf(Rows.string(row, "scope")),
                Rows.longValue(row, "scope_id"),
                roles(Rows.string(row, "roles")),
                Rows.longValue(row, "sequence"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "changed_at"));
    }

    /**
     * A row of the member query: the membership, and its user from the {@code u_} columns. Mapped
     * here rather than by the user repository, whose package depends on this one for removals.
     */
    private Member toMember(DbRow row) {
        Membership membership = toDomain(row);
        ServiceUser user = new ServiceUser(
                membership.userId(),
                Rows.longValue(row, "u_org_id"),
                Rows.string(row, "u_user_name"),
                Rows.string(row, "u_display_name"),
                Rows.string(row, "u_description"),
                AccessTokenType.valueOf(Rows.string(row, "u_access_token_type")),
                UserState.valueOf(Rows.string(row, "u_state")),
                Rows.longValue(row, "u_sequence"),
                Rows.instant(row, "u_created_at"),
                Rows.instant(row, "u_changed_at"));
        return new Member(membership, user);
    }

    private static Set<Role> roles(String stored) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(stored.split(ROLE_SEPARATOR))
                .filter(name -> !name.isEmpty())
                .forEach(name -> roles.add(Role.named(name)
                        .orElseThrow(() -> new IllegalStateException("unknown stored role " + name))));
        return roles;
    }
}
