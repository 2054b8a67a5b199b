package dev.warden.persistence.org;

import dev.warden.application.port.out.OrganizationRepository;
import dev.warden.application.port.out.UpdateResult;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.OrgFilter;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.persistence.change.MariaDbChangeFeed;
import dev.warden.persistence.db.Condition;
import dev.warden.persistence.db.DbFailures;
import dev.warden.persistence.db.Paging;
import dev.warden.persistence.db.Rows;
import dev.warden.persistence.db.Transactions;
import dev.warden.persistence.key.MariaDbMachineKeyRepository;
import dev.warden.persistence.member.MariaDbMembershipRepository;
import dev.warden.persistence.serviceuser.MariaDbMachineSecretRepository;
import dev.warden.persistence.serviceuser.MariaDbServiceUserRepository;
import dev.warden.persistence.token.MariaDbPersonalAccessTokenRepository;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Driven adapter: organizations in the {@code orgs} table (names unique ignoring case, by the
 * table's collation). Changes write {@code ORG_CHANGED} to the change feed in their own transaction.
 */
public final class MariaDbOrganizationRepository implements OrganizationRepository {

    private static final String COLUMNS = "id, name, primary_domain, state, sequence, created_at, changed_at";
    private static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM orgs WHERE id = ?";
    private static final String SELECT_ID = "SELECT id FROM orgs WHERE id = ?";
    private static final String INSERT = "INSERT INTO orgs (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "UPDATE orgs SET name = ?, primary_domain = ?, state = ?, sequence = ?, "
            + "changed_at = ? WHERE id = ? AND sequence = ?";
    // Locking the organization's row first makes a concurrent insert of a user into it wait, and then
    // fail on its foreign key, and serialises concurrent removals.
    private static final String LOCK = "SELECT id FROM orgs WHERE id = ? FOR UPDATE";
    private static final String DELETE = "DELETE FROM orgs WHERE id = ?";
    private static final String LIST = "SELECT " + COLUMNS + ", " + Paging.TOTAL + " FROM orgs WHERE ";
    private static final String COUNT = "SELECT COUNT(*) AS total_matches FROM orgs WHERE ";

    private final DbClient db;
    private final Clock clock;
    private final MariaDbChangeFeed changes;
    private final MariaDbServiceUserRepository users;
    private final MariaDbMembershipRepository memberships;
    private final MariaDbPersonalAccessTokenRepository tokens;
    private final MariaDbMachineKeyRepository machineKeys;
    private final MariaDbMachineSecretRepository secrets;

    /** With the system clock stamping the change feed. */
    public MariaDbOrganizationRepository(DbClient db) {
        this(db, Clock.systemUTC());
    }

    /** @param clock stamps the entries this repository writes to the change feed */
    public MariaDbOrganizationRepository(DbClient db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.changes = new MariaDbChangeFeed(db);
        this.users = new MariaDbServiceUserRepository(db, clock);
        this.memberships = new MariaDbMembershipRepository(db, clock);
        this.tokens = new MariaDbPersonalAccessTokenRepository(db, clock);
        this.machineKeys = new MariaDbMachineKeyRepository(db, clock);
        this.secrets = new MariaDbMachineSecretRepository(db, clock);
    }

    @Override
    public Optional<Organization> findById(long id) {
        return DbFailures.call(() -> db.execute().get(SELECT_BY_ID, id).map(this::toDomain));
    }

    @Override
    public boolean insert(Organization organization, Membership owner) {
        Objects.requireNonNull(organization, "organization");
        Objects.requireNonNull(owner, "owner");
        if (owner.scope() != MemberScope.ORG || owner.scopeId() != organization.id()) {
            throw new IllegalArgumentException("the owner's membership must be on the new organization");
        }
        return Transactions.writeUnlessDuplicate(db,
                tx -> {
                    insert(tx, organization);
                    return 1;
                },
                (tx, inserted) -> {
                    memberships.insert(tx, owner);
                    Instant now = clock.instant();
                    changes.record(tx, ChangeKind.ORG_CHANGED, organization.id(), now);
                    changes.record(tx, ChangeKind.MEMBERSHIP_CHANGED, owner.userId(), now);
                });
    }

    /**
     * Inserts the organization with {@code executor}, which may be a transaction. A building block
     * of larger writes: failures propagate untranslated, for the caller to roll back and translate.
     */
    public void insert(DbExecute executor, Organization org) {
        executor.insert(INSERT, org.id(), org.name(), org.primaryDomain(), org.state().name(), org.sequence(),
                Rows.utc(org.createdAt()), Rows.utc(org.changedAt()));
    }

    /**
     * Stores name, domain, state, sequence and change time, if the stored sequence is the new one
     * minus 1, with {@code ORG_CHANGED} in the same transaction; an unknown organization stays absent.
     */
    @Override
    public UpdateResult update(Organization organization) {
        Objects.requireNonNull(organization, "organization");
        return Transactions.update(db,
                tx -> tx.update(UPDATE, organization.name(), organization.primaryDomain(),
                        organization.state().name(), organization.sequence(), Rows.utc(organization.changedAt()),
                        organization.id(), organization.sequence() - 1),
                tx -> tx.get(SELECT_ID, organization.id()).isPresent(),
                tx -> changes.record(tx, ChangeKind.ORG_CHANGED, organization.id(), clock.instant()));
    }

    /**
     * One transaction: the organization's row and its users' rows are locked first, then go, in
     * foreign-key order, their tokens, machine keys and client secrets, all memberships on the organization and
     * of its users, the users and the organization. The change feed gets {@code ORG_CHANGED},
     * {@code USER_CHANGED} for each removed user and {@code MEMBERSHIP_CHANGED} for each user who
     * lost a membership.
     */
    @Override
    public void remove(long orgId) {
        Transactions.write(db, tx -> {
            boolean exists;
            try (Stream<DbRow> rows = tx.query(LOCK, orgId)) {
                exists = rows.findAny().isPresent();
            }
            if (!exists) {
                return null;
            }
            List<Long> removedUsers = users.lockOrg(tx, orgId);
            tokens.removeByOrg(tx, orgId);
            machineKeys.removeByOrg(tx, orgId);
            secrets.removeByOrg(tx, orgId);
            Set<Long> lostMemberships = memberships.removeOrgWide(tx, orgId);
            users.removeOrg(tx, orgId);
            tx.delete(DELETE, orgId);
            Instant now = clock.instant();
            changes.record(tx, ChangeKind.ORG_CHANGED, orgId, now);
            for (long userId : removedUsers) {
                changes.record(tx, ChangeKind.USER_CHANGED, userId, now);
            }
            for (long userId : lostMemberships.stream().sorted().toList()) {
                changes.record(tx, ChangeKind.MEMBERSHIP_CHANGED, userId, now);
            }
            return null;
        });
    }

    @Override
    public Page<Organization> list(OrgFilter filter, PageRequest page) {
        Objects.requireNonNull(page, "page");
        Condition condition = condition(filter);
        String direction = Paging.direction(page);
        String where = "(" + condition.sql() + ")";
        String select = LIST + where + " ORDER BY name " + direction + ", id " + direction;
        return DbFailures.call(() -> Paging.page(db.execute(), select, COUNT + where, condition.parameters(), page,
                this::toDomain));
    }

    /** The filter as SQL, with the semantics of {@link OrgFilter#matches}. */
    private static Condition condition(OrgFilter filter) {
        return switch (Objects.requireNonNull(filter, "filter")) {
            case OrgFilter.All all -> Condition.TRUE;
            case OrgFilter.Name query -> Condition.text("name", query.text(), query.match());
            case OrgFilter.Domain query -> Condition.text("primary_domain", query.text(), query.match());
            case OrgFilter.State query -> Condition.equal("state", query.state().name());
            case OrgFilter.Id query -> Condition.equal("id", query.id());
            case OrgFilter.And query -> Condition.and(query.filters().stream()
                    .map(MariaDbOrganizationRepository::condition).toList());
        };
    }

    private Organization toDomain(DbRow row) {
        return new Organization(
                Rows.longValue(row, "id"),
                Rows.string(row, "name"),
                Rows.string(row, "primary_domain"),
                OrgState.valueOf(Rows.string(row, "state")),
                Rows.longValue(row, "sequence"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "changed_at"));
    }
}
