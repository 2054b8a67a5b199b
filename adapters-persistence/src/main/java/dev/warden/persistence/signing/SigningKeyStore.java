package dev.warden.persistence.signing;

import dev.warden.domain.change.ChangeKind;
import dev.warden.persistence.change.MariaDbChangeFeed;
import dev.warden.persistence.db.DbFailures;
import dev.warden.persistence.db.Rows;
import dev.warden.persistence.db.Transactions;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbRow;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Driven adapter: the {@code signing_keys} table. Private keys are sealed with the {@link MasterKey}
 * before they are written and opened after they are read; they exist in plain form only in memory.
 */
public final class SigningKeyStore {

    private static final String COLUMNS = "id, algorithm, public_key, private_key, active, created_at, published_until";
    private static final String SELECT_PUBLISHED = "SELECT " + COLUMNS + " FROM signing_keys "
            + "WHERE active = 1 OR published_until > ? ORDER BY created_at DESC, id DESC";
    private static final String INSERT_ACTIVE = "INSERT INTO signing_keys (" + COLUMNS + ") VALUES (?, ?, ?, ?, 1, ?, NULL)";
    private static final String RETIRE_ACTIVE = "UPDATE signing_keys SET active = NULL, private_key = NULL, "
            + "published_until = ? WHERE active = 1";
    private static final String DELETE_UNPUBLISHED = "DELETE FROM signing_keys WHERE published_until <= ?";

    private final DbClient db;
    private final MasterKey masterKey;
    private final MariaDbChangeFeed changes;

    public SigningKeyStore(DbClient db, MasterKey masterKey) {
        this.db = Objects.requireNonNull(db, "db");
        this.masterKey = Objects.requireNonNull(masterKey, "masterKey");
        this.changes = new MariaDbChangeFeed(db);
    }

    /** A key as stored: the private key only for the active one. */
    record StoredKey(long id, SigningAlgorithm algorithm, PublicKey publicKey, Optional<PrivateKey> privateKey,
                     Instant createdAt, Optional<Instant> publishedUntil) {
        String kid() {
            return Long.toString(id);
        }

        @Override
        public String toString() {
            return "StoredKey[" + id + ", " + algorithm + ", active=" + publishedUntil.isEmpty() + "]";
        }
    }

    /**
     * The keys published at {@code now}, newest first. The active key's private key is opened with
     * the master key; a {@link MasterKey.SealedKeyException} says it is the wrong one.
     */
    List<StoredKey> loadPublished(Instant now) {
        List<DbRow> rows = DbFailures.call(() -> {
            try (Stream<DbRow> stream = db.execute().query(SELECT_PUBLISHED, Rows.utc(now))) {
                return stream.toList();
            }
        });
        return rows.stream().map(this::toKey).toList();
    }

    /**
     * Stores {@code pair} as the active key if there is none; false, having stored nothing, when
     * another key is active (another node won the race of a first start).
     */
    boolean insertFirst(long id, KeyPair pair, Instant now) {
        return Transactions.writeUnlessDuplicate(db,
                tx -> tx.insert(INSERT_ACTIVE, insertParameters(id, pair, now)),
                (tx, rows) -> { });
    }

    /**
     * In one transaction: the active key is retired (published until {@code retiredUntil}, its
     * private key erased), keys no longer published are deleted, {@code pair} becomes the active
     * key and {@code SIGNING_KEYS_CHANGED} is recorded for the other nodes.
     */
    void rotate(long id, KeyPair pair, Instant now, Instant retiredUntil) {
        Transactions.write(db, tx -> {
            tx.update(RETIRE_ACTIVE, Rows.utc(retiredUntil));
            tx.delete(DELETE_UNPUBLISHED, Rows.utc(now));
            tx.insert(INSERT_ACTIVE, insertParameters(id, pair, now));
            changes.record(tx, ChangeKind.SIGNING_KEYS_CHANGED, id, now);
            return null;
        });
    }

    private Object[] insertParameters(long id, KeyPair pair, Instant now) {
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        SigningAlgorithm algorithm = SigningAlgorithm.of(pair);
        try {
            String sealed = Base64.getEncoder().encodeToString(masterKey.seal(pkcs8, Long.toString(id)));
            return new Object[] {id, algorithm.name(), algorithm.publicKeyPem(pair.getPublic()), sealed,
                    Rows.utc(now)};
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private StoredKey toKey(DbRow row) {
        long id = Rows.longValue(row, "id");
        String name = Rows.string(row, "algorithm");
        SigningAlgorithm algorithm = SigningAlgorithm.fromName(name)
                .filter(a -> a.name().equals(name))
                .orElseThrow(() -> new IllegalStateException("signing key " + id + " has an unknown algorithm " + name));
        PublicKey publicKey = algorithm.parsePublicKeyPem(Rows.string(row, "public_key"))
                .orElseThrow(() -> new IllegalStateException("signing key " + id + " has an unreadable public key"));
        Number active = row.column("active").get(Number.class);
        Optional<PrivateKey> privateKey = Optional.empty();
        if (active != null) {
            String sealed = row.column("private_key").get(String.class);
            if (sealed == null) {
                throw new IllegalStateException("the active signing key " + id + " has no private key");
            }
            privateKey = Optional.of(open(id, algorithm, sealed));
        }
        return new StoredKey(id, algorithm, publicKey, privateKey, Rows.instant(row, "created_at"),
                Optional.ofNullable(Rows.nullableInstant(row, "published_until")));
    }

    private PrivateKey open(long id, SigningAlgorithm algorithm, String sealed) {
        byte[] pkcs8;
        try {
            pkcs8 = masterKey.open(Base64.getDecoder().decode(sealed), Long.toString(id));
        } catch (IllegalArgumentException e) {
            throw new MasterKey.SealedKeyException("not base64");
        }
        try {
            return algorithm.parsePrivateKey(pkcs8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing key " + id + " has an unreadable private key");
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }
}
