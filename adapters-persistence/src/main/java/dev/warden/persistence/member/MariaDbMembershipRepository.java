package dev.warden.persistence.member;

import dev.warden.application.port.out.MembershipRepository;
import dev.warden.domain.member.Membership;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.persistence.db.DbFailures;
import dev.warden.persistence.db.Rows;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Driven adapter: memberships in the {@code memberships} table, the roles stored as their names
 * separated by single spaces.
 */
public final class MariaDbMembershipRepository implements MembershipRepository {

    private static final String COLUMNS = "user_id, scope, scope_id, roles, sequence, created_at, changed_at";
    private static final String SELECT_BY_USER = "SELECT " + COLUMNS + " FROM memberships WHERE user_id = ? "
            + "ORDER BY scope, scope_id";
    private static final String INSERT = "INSERT INTO memberships (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String ROLE_SEPARATOR = " ";

    private final DbClient db;

    public MariaDbMembershipRepository(DbClient db) {
        this.db = Objects.requireNonNull(db, "db");
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

    /**
     * Inserts the membership with {@code executor}, which may be a transaction. A building block
     * of larger writes: failures propagate untranslated, for the caller to roll back and translate.
     */
    public void insert(DbExecute executor, Membership membership) {
        String roles = membership.roles().stream().map(Role::name).collect(Collectors.joining(ROLE_SEPARATOR));
        executor.insert(INSERT, membership.userId(), membership.scope().name(), membership.scopeId(), roles,
                membership.sequence(), Rows.utc(membership.createdAt()), Rows.utc(membership.changedAt()));
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

    private static Set<Role> roles(String stored) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(stored.split(ROLE_SEPARATOR))
                .filter(name -> !name.isEmpty())
                .forEach(name -> roles.add(Role.named(name)
                        .orElseThrow(() -> new IllegalStateException("unknown stored role " + name))));
        return roles;
    }
}
