package dev.warden.persistence.project;

import dev.warden.application.port.out.ApiClientDirectory;
import dev.warden.domain.token.SecretHash;
import dev.warden.persistence.db.DbFailures;
import dev.warden.persistence.db.Rows;
import dev.warden.persistence.db.Transactions;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Driven adapter: introspection's view of API applications, by client id, across all
 * organizations. {@code active} needs the app, its project and its organization active; every key
 * is returned with its expiration (expired ones too: the caller compares with its clock).
 */
public final class MariaDbApiClientDirectory implements ApiClientDirectory {

    private static final String SELECT_CLIENT = "SELECT a.id, a.project_id, a.org_id, a.client_id, a.secret_hash, "
            + "a.state AS app_state, p.state AS project_state, o.state AS org_state "
            + "FROM api_apps a JOIN projects p ON p.id = a.project_id JOIN orgs o ON o.id = a.org_id "
            + "WHERE a.client_id = ?";
    private static final String SELECT_KEYS = "SELECT id, public_key, expires_at FROM app_keys WHERE app_id = ? "
            + "ORDER BY created_at, id";
    private static final String LOCK_HASH = "SELECT secret_hash FROM api_apps WHERE id = ? FOR UPDATE";
    private static final String UPDATE_HASH = "UPDATE api_apps SET secret_hash = ? WHERE id = ?";

    private final DbClient db;

    public MariaDbApiClientDirectory(DbClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Optional<ApiClient> findByClientId(String clientId) {
        Objects.requireNonNull(clientId, "clientId");
        return DbFailures.call(() -> db.execute().get(SELECT_CLIENT, clientId).map(row -> {
            long appId = Rows.longValue(row, "id");
            boolean active = "ACTIVE".equals(Rows.string(row, "app_state"))
                    && "ACTIVE".equals(Rows.string(row, "project_state"))
                    && "ACTIVE".equals(Rows.string(row, "org_state"));
            List<ApiClientKey> keys;
            try (Stream<DbRow> rows = db.execute().query(SELECT_KEYS, appId)) {
                keys = rows.map(k -> new ApiClientKey(Rows.longValue(k, "id"), Rows.string(k, "public_key"),
                        Rows.instant(k, "expires_at"))).toList();
            }
            return new ApiClient(appId, Rows.longValue(row, "project_id"), Rows.longValue(row, "org_id"),
                    Rows.string(row, "client_id"), active,
                    Columns.nullableString(row, "secret_hash").map(SecretHash::new), keys);
        }));
    }

    /**
     * A conditional replacement in one transaction: the row is locked, its hash compared in Java
     * (exactly: the column's collation ignores case, and two hashes must never be taken for one) and
     * only then replaced. No change-feed entry and no new sequence: the secret is unchanged (see the port), and an
     * admin's edit of the app read before the rehash must not conflict with it.
     */
    @Override
    public boolean updateSecretHash(long appId, SecretHash expected, SecretHash replacement) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(replacement, "replacement");
        return Transactions.write(db, tx -> {
            Optional<String> stored;
            try (Stream<DbRow> rows = tx.query(LOCK_HASH, appId)) {
                stored = rows.findFirst().map(row -> Rows.string(row, "secret_hash"));
            }
            if (stored.isEmpty() || !stored.get().equals(expected.phc())) {
                return false;
            }
            return tx.update(UPDATE_HASH, replacement.phc(), appId) == 1;
        });
    }
}
