package dev.warden.persistence.instance;

import dev.warden.application.port.out.InstanceRepository;
import dev.warden.application.port.out.InstanceSetup;
import dev.warden.domain.instance.Instance;
import dev.warden.domain.member.Membership;
import dev.warden.persistence.db.DbFailures;
import dev.warden.persistence.db.Rows;
import dev.warden.persistence.member.MariaDbMembershipRepository;
import dev.warden.persistence.org.MariaDbOrganizationRepository;
import dev.warden.persistence.serviceuser.MariaDbServiceUserRepository;
import dev.warden.persistence.token.MariaDbPersonalAccessTokenRepository;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;
import io.helidon.dbclient.DbTransaction;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.Optional;

/**
 * Driven adapter: the singleton {@code instance} row, and the first set-up that writes it together
 * with the default organization, the admin user, its memberships and its token in one transaction.
 */
public final class MariaDbInstanceRepository implements InstanceRepository {

    /** The value of the {@code singleton} primary key: there is only ever this one row. */
    private static final int SINGLETON = 1;
    private static final String SELECT = "SELECT id, default_org_id, created_at FROM instance WHERE singleton = ?";
    private static final String INSERT = "INSERT INTO instance (singleton, id, default_org_id, created_at) "
            + "VALUES (?, ?, ?, ?)";
    private static final System.Logger LOGGER = System.getLogger(MariaDbInstanceRepository.class.getName());

    private final DbClient db;
    // Each table's SQL lives with its repository; the set-up borrows their inserts for its transaction.
    private final MariaDbOrganizationRepository orgs;
    private final MariaDbServiceUserRepository users;
    private final MariaDbMembershipRepository memberships;
    private final MariaDbPersonalAccessTokenRepository tokens;

    public MariaDbInstanceRepository(DbClient db) {
        this.db = Objects.requireNonNull(db, "db");
        this.orgs = new MariaDbOrganizationRepository(db);
        this.users = new MariaDbServiceUserRepository(db);
        this.memberships = new MariaDbMembershipRepository(db);
        this.tokens = new MariaDbPersonalAccessTokenRepository(db);
    }

    @Override
    public Optional<Instance> find() {
        return DbFailures.call(() -> db.execute().get(SELECT, SINGLETON).map(this::toDomain));
    }

    @Override
    public boolean initialize(InstanceSetup setup) {
        Objects.requireNonNull(setup, "setup");
        DbTransaction tx;
        try {
            tx = db.transaction();
        } catch (RuntimeException e) {
            throw DbFailures.translate(e);
        }
        boolean singletonWritten = false;
        try {
            Instance instance = setup.instance();
            // First, so that a second set-up stops here, at the singleton key, before it writes anything
            // else; a concurrent one from another node waits on the key until this transaction ends.
            tx.insert(INSERT, SINGLETON, instance.id(), instance.defaultOrgId(), Rows.utc(instance.createdAt()));
            singletonWritten = true;
            orgs.insert(tx, setup.organization());
            users.insert(tx, setup.admin());
            for (Membership membership : setup.memberships()) {
                memberships.insert(tx, membership);
            }
            tokens.insert(tx, setup.adminToken());
            tx.commit();
            return true;
        } catch (RuntimeException e) {
            rollbackQuietly(tx, e);
            if (!singletonWritten && DbFailures.isConstraintViolation(e)) {
                return false;
            }
            throw DbFailures.translateInternal(e);
        }
    }

    private static void rollbackQuietly(DbTransaction tx, RuntimeException failure) {
        try {
            tx.rollback();
        } catch (RuntimeException rollbackFailure) {
            // Already committed or rolled back, or the connection is gone: the database discards an
            // unfinished transaction of a lost connection itself.
            failure.addSuppressed(rollbackFailure);
            LOGGER.log(Level.DEBUG, "Rollback of the instance set-up failed", rollbackFailure);
        }
    }

    private Instance toDomain(DbRow row) {
        return new Instance(
                Rows.longValue(row, "id"),
                Rows.longValue(row, "default_org_id"),
                Rows.instant(row, "created_at"));
    }
}
