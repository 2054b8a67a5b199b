package dev.warden.persistence.oauth;

import dev.warden.application.port.out.AccessTokenRepository;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.serviceuser.AccessTokenType;
import dev.warden.domain.oauth.AccessToken;
import dev.warden.persistence.change.MariaDbChangeFeed;
import dev.warden.persistence.db.DbFailures;
import dev.warden.persistence.db.Rows;
import dev.warden.persistence.db.Transactions;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Driven adapter: issued access tokens in the {@code access_tokens} table (digests of secrets only). */
public final class MariaDbAccessTokenRepository implements AccessTokenRepository {

    private static final String COLUMNS = "id, user_id, org_id, client_id, token_type, machine_key_id, scopes, "
            + "audience, secret_digest, issued_at, expires_at";
    private static final String INSERT = "INSERT INTO access_tokens (" + COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String SELECT_BY_ID = "SELECT " + COLUMNS + " FROM access_tokens WHERE id = ?";
    private static final String DELETE_BY_ID = "DELETE FROM access_tokens WHERE id = ?";
    private static final String DELETE_EXPIRED = "DELETE FROM access_tokens WHERE expires_at < ?";

    private final DbClient db;
    private final Clock clock;
    private final MariaDbChangeFeed changes;

    /** @param clock stamps the entries this repository writes to the change feed */
    public MariaDbAccessTokenRepository(DbClient db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.changes = new MariaDbChangeFeed(db);
    }

    @Override
    public void insert(AccessToken token) {
        Objects.requireNonNull(token, "token");
        DbFailures.call(() -> db.execute().insert(INSERT, token.id(), token.userId(), token.orgId(), token.clientId(),
                token.type().name(), token.machineKeyId().orElse(null), String.join(" ", token.scopes()),
                String.join(" ", token.audience()), token.secretDigest().orElse(null), Rows.utc(token.issuedAt()),
                Rows.utc(token.expiresAt())));
    }

    @Override
    public Optional<AccessToken> findById(long id) {
        return DbFailures.call(() -> db.execute().get(SELECT_BY_ID, id).map(this::toDomain));
    }

    /** One transaction: the row goes and {@code CREDENTIAL_REVOKED} with its id is written, or neither. */
    @Override
    public boolean revoke(long id) {
        return Transactions.write(db, tx -> {
            boolean removed = tx.delete(DELETE_BY_ID, id) > 0;
            if (removed) {
                changes.record(tx, ChangeKind.CREDENTIAL_REVOKED, id, clock.instant());
            }
            return removed;
        });
    }

    /** Expired tokens need no change-feed entry: every node refuses them by their expiry already. */
    @Override
    public long purgeExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        return DbFailures.call(() -> db.execute().delete(DELETE_EXPIRED, Rows.utc(now)));
    }

    private AccessToken toDomain(DbRow row) {
        Optional<Long> keyId = row.column("machine_key_id").asOptional().map(v -> ((Number) v).longValue());
        Optional<String> digest = row.column("secret_digest").asOptional().map(Object::toString);
        return new AccessToken(
                Rows.longValue(row, "id"),
                Rows.longValue(row, "user_id"),
                Rows.longValue(row, "org_id"),
                Rows.string(row, "client_id"),
                AccessTokenType.valueOf(Rows.string(row, "token_type")),
                keyId,
                list(Rows.string(row, "scopes")),
                list(Rows.string(row, "audience")),
                Rows.instant(row, "issued_at"),
                Rows.instant(row, "expires_at"),
                digest);
    }

    private static List<String> list(String spaceSeparated) {
        return spaceSeparated.isEmpty() ? List.of() : Arrays.asList(spaceSeparated.split(" "));
    }
}
