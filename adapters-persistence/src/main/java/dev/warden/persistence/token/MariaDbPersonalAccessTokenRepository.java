package dev.warden.persistence.token;

import dev.warden.application.port.out.PersonalAccessTokenRepository;
import dev.warden.domain.token.PersonalAccessToken;
import dev.warden.domain.token.SecretHash;
import dev.warden.persistence.db.DbFailures;
import dev.warden.persistence.db.Rows;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbRow;

import java.util.Objects;
import java.util.Optional;

/** Driven adapter: personal access tokens in the {@code personal_access_tokens} table. */
public final class MariaDbPersonalAccessTokenRepository implements PersonalAccessTokenRepository {

    private static final String COLUMNS = "id, user_id, org_id, secret_hash, expires_at, sequence, created_at, changed_at";
    private static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM personal_access_tokens WHERE id = ?";
    private static final String INSERT = "INSERT INTO personal_access_tokens (" + COLUMNS + ") "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private final DbClient db;

    public MariaDbPersonalAccessTokenRepository(DbClient db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Optional<PersonalAccessToken> findById(long id) {
        return DbFailures.call(() -> db.execute().get(SELECT_BY_ID, id).map(this::toDomain));
    }

    /**
     * Inserts the token with {@code executor}, which may be a transaction. A building block of
     * larger writes: failures propagate untranslated, for the caller to roll back and translate.
     */
    public void insert(DbExecute executor, PersonalAccessToken token) {
        executor.insert(INSERT, token.id(), token.userId(), token.orgId(), token.secretHash().phc(),
                Rows.utc(token.expiresAt()), token.sequence(), Rows.utc(token.createdAt()),
                Rows.utc(token.changedAt()));
    }

    private PersonalAccessToken toDomain(DbRow row) {
        return new PersonalAccessToken(
                Rows.longValue(row, "id"),
                Rows.longValue(row, "user_id"),
                Rows.longValue(row, "org_id"),
                new SecretHash(Rows.string(row, "secret_hash")),
                Rows.instant(row, "expires_at"),
                Rows.longValue(row, "sequence"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "changed_at"));
    }
}
