package dev.warden.persistence.oauth;

import dev.warden.application.port.out.AssertionReplayGuard;
import dev.warden.persistence.db.DbFailures;
import dev.warden.persistence.db.Rows;
import io.helidon.dbclient.DbClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Driven adapter: the replay guard in the {@code assertion_replays} table. The primary key makes
 * the first insert of an (issuer, replay key) win on every node; a duplicate is a replay. A row
 * whose window has ended is taken over (its assertion is refused as expired anyway), and {@link
 * #purgeExpired} deletes such rows in bulk.
 */
public final class MariaDbAssertionReplayGuard implements AssertionReplayGuard {

    private static final String REUSE_ENDED =
            "UPDATE assertion_replays SET expires_at = ? WHERE replay_digest = ? AND expires_at < ?";
    private static final String INSERT = "INSERT INTO assertion_replays (replay_digest, expires_at) VALUES (?, ?)";
    private static final String PURGE = "DELETE FROM assertion_replays WHERE expires_at < ?";

    private final DbClient db;
    private final Clock clock;

    public MariaDbAssertionReplayGuard(DbClient db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean firstUse(String issuer, String replayKey, Instant until) {
        String digest = digest(issuer, replayKey);
        return DbFailures.call(() -> {
            // One statement on the usual path (a new key). Only a duplicate looks further: its row may
            // be of an ended window, which the conditional update takes over; row locking lets one
            // of two concurrent takers through, since the other then sees the new end.
            try {
                db.execute().insert(INSERT, digest, Rows.utc(until));
                return true;
            } catch (RuntimeException e) {
                if (!DbFailures.isDuplicateKey(e)) {
                    throw e;
                }
            }
            return db.execute().update(REUSE_ENDED, Rows.utc(until), digest, Rows.utc(clock.instant())) == 1;
        });
    }

    /** Deletes the rows whose window ended before {@code now}; how many went. */
    public long purgeExpired(Instant now) {
        return DbFailures.call(() -> db.execute().delete(PURGE, Rows.utc(now)));
    }

    private static String digest(String issuer, String replayKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // Length-prefixed: no other (issuer, key) pair gives the same input.
            sha.update((issuer.length() + ":" + issuer + replayKey).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
