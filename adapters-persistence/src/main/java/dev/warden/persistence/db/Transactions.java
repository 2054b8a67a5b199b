package dev.warden.persistence.db;

import dev.warden.application.port.out.UpdateResult;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbTransaction;

import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ObjLongConsumer;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * Driven adapter: the all-or-nothing writes of the repositories. Work runs in one transaction that
 * is committed when the work returns and rolled back when it throws. Failures are translated by
 * {@link DbFailures}, so no SQL travels upward.
 *
 * <p>A transaction that the database rolled back to let a concurrent one through (an InnoDB
 * deadlock victim, a write set that lost Galera's certification) is run again from the start, up
 * to {@link #ATTEMPTS} times with a short random pause: the work only talks to the database
 * through its transaction, so running it again is safe. Should every attempt lose, the caller
 * gets a conflict (409, the client may retry), never a 500.
 */
public final class Transactions {

    private static final System.Logger LOGGER = System.getLogger(Transactions.class.getName());
    static final int ATTEMPTS = 4;

    private Transactions() {
    }

    /** Runs {@code work} in one transaction and returns its result. */
    public static <T> T write(DbClient db, Function<DbTransaction, T> work) {
        Objects.requireNonNull(work, "work");
        for (int attempt = 1; ; attempt++) {
            DbTransaction tx = begin(db);
            try {
                T result = work.apply(tx);
                tx.commit();
                return result;
            } catch (RuntimeException e) {
                rollbackQuietly(tx, e);
                if (!runAgain(e, attempt)) {
                    throw DbFailures.translate(e);
                }
            }
        }
    }

    /**
     * Runs {@code first}, a write that may hit a unique key, and then {@code then} with the number
     * of rows {@code first} changed, in one transaction. Returns false, having stored nothing, when
     * {@code first} hit a duplicate key; a duplicate key in {@code then} is a failure like any other.
     */
    public static boolean writeUnlessDuplicate(DbClient db, ToLongFunction<DbTransaction> first,
                                               ObjLongConsumer<DbTransaction> then) {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(then, "then");
        for (int attempt = 1; ; attempt++) {
            DbTransaction tx = begin(db);
            boolean firstWritten = false;
            try {
                long rows = first.applyAsLong(tx);
                firstWritten = true;
                then.accept(tx, rows);
                tx.commit();
                return true;
            } catch (RuntimeException e) {
                rollbackQuietly(tx, e);
                if (!firstWritten && DbFailures.isDuplicateKey(e)) {
                    return false;
                }
                if (!runAgain(e, attempt)) {
                    throw DbFailures.translate(e);
                }
            }
        }
    }

    /**
     * An optimistic update in one transaction: {@code update} is an {@code UPDATE … WHERE <key> AND
     * sequence = <expected>} returning the rows it changed. When it changed one, {@code then} runs
     * (the change-feed entry) and the result is {@link UpdateResult#UPDATED}; when it changed none,
     * {@code exists} tells a record changed meanwhile ({@link UpdateResult#CONFLICT}) from one that
     * is gone ({@link UpdateResult#NOT_FOUND}); a duplicate key of the update is
     * {@link UpdateResult#DUPLICATE_NAME}. Nothing is stored but on {@code UPDATED}.
     *
     * <p>Both engines re-check the condition of an update that waited for a concurrent writer's row
     * lock against the committed row, so of two writers that read the same sequence exactly one wins.
     */
    public static UpdateResult update(DbClient db, ToLongFunction<DbTransaction> update,
                                      Predicate<DbTransaction> exists, Consumer<DbTransaction> then) {
        Objects.requireNonNull(update, "update");
        Objects.requireNonNull(exists, "exists");
        Objects.requireNonNull(then, "then");
        for (int attempt = 1; ; attempt++) {
            DbTransaction tx = begin(db);
            boolean updateRan = false;
            try {
                long rows = update.applyAsLong(tx);
                updateRan = true;
                UpdateResult result;
                if (rows > 0) {
                    then.accept(tx);
                    result = UpdateResult.UPDATED;
                } else {
                    result = exists.test(tx) ? UpdateResult.CONFLICT : UpdateResult.NOT_FOUND;
                }
                tx.commit();
                return result;
            } catch (RuntimeException e) {
                rollbackQuietly(tx, e);
                if (!updateRan && DbFailures.isDuplicateKey(e)) {
                    return UpdateResult.DUPLICATE_NAME;
                }
                if (!runAgain(e, attempt)) {
                    throw DbFailures.translate(e);
                }
            }
        }
    }

    /** Whether a failed attempt lost to a concurrent transaction and has attempts left; pauses if so. */
    private static boolean runAgain(RuntimeException failure, int attempt) {
        if (attempt >= ATTEMPTS || !DbFailures.isSerializationFailure(failure)) {
            return false;
        }
        LOGGER.log(Level.DEBUG, () -> "Transaction gave way to a concurrent one (attempt " + attempt + "), running it again");
        try {
            // A few milliseconds, random, growing: the winner commits meanwhile and the losers spread out.
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }

    private static DbTransaction begin(DbClient db) {
        try {
            return db.transaction();
        } catch (RuntimeException e) {
            throw DbFailures.translate(e);
        }
    }

    private static void rollbackQuietly(DbTransaction tx, RuntimeException failure) {
        if (NoConnectionException.isIn(failure)) {
            // Nothing began on the server; Helidon would log a WARNING per call for rolling back nothing.
            return;
        }
        try {
            tx.rollback();
        } catch (RuntimeException rollbackFailure) {
            // Already ended, or the connection is gone: the database discards an unfinished
            // transaction of a lost connection itself.
            failure.addSuppressed(rollbackFailure);
            LOGGER.log(Level.DEBUG, "Rollback failed", rollbackFailure);
        }
    }
}
