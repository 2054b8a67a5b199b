package dev.warden.persistence.db;

import dev.warden.application.error.ConflictException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A transaction the database rolls back to let a concurrent one through (InnoDB's deadlock victim;
 * on Galera, a write set that lost certification, with the same SQLState 40001) is run again
 * instead of failing the request, on a real MariaDB.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransactionRetryTest {

    private TestDatabase database;

    @BeforeAll
    void open(@TempDir Path dir) {
        database = TestDatabase.open(Engine.MARIADB, dir);
        database.sql("CREATE TABLE probe (id INT PRIMARY KEY, v INT NOT NULL)",
                "CREATE TABLE ballast (id INT PRIMARY KEY)");
    }

    @AfterAll
    void close() {
        database.close();
    }

    @Test
    void aDeadlockVictimIsRunAgainAndBothTransactionsAreKept() throws Exception {
        database.sql("DELETE FROM probe", "DELETE FROM ballast", "INSERT INTO probe VALUES (1, 0), (2, 0)");
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch otherHoldsRowTwo = new CountDownLatch(1);
        CompletableFuture<Void> other = new CompletableFuture<>();

        try (Connection connection = database.database().dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                // The other transaction is the heavier one, so InnoDB picks ours as the victim.
                statement.execute("INSERT INTO ballast SELECT seq FROM seq_1_to_200");
                statement.execute("UPDATE probe SET v = v + 1 WHERE id = 2");
            }
            Thread.ofVirtual().start(() -> {
                try {
                    otherHoldsRowTwo.await(30, TimeUnit.SECONDS);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("UPDATE probe SET v = v + 1 WHERE id = 1");  // waits for ours
                    }
                    connection.commit();
                    other.complete(null);
                } catch (Exception e) {
                    other.completeExceptionally(e);
                }
            });

            Integer result = Transactions.write(database.dbClient(), tx -> {
                int attempt = attempts.incrementAndGet();
                tx.dml("UPDATE probe SET v = v + 10 WHERE id = 1");
                if (attempt == 1) {
                    otherHoldsRowTwo.countDown();
                    pause(300);  // the other transaction now waits for row 1: the next statement closes the cycle
                }
                tx.dml("UPDATE probe SET v = v + 10 WHERE id = 2");
                return attempt;
            });

            other.get(30, TimeUnit.SECONDS);
            assertThat(result).as("the attempt that committed").isEqualTo(2);
        }
        assertThat(database.strings("SELECT v FROM probe ORDER BY id")).containsExactly("11", "11");
        assertThat(database.count("ballast")).isEqualTo(200);
    }

    @Test
    void aTransactionThatKeepsLosingEndsAsAConflictTheClientMayRetry() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> Transactions.write(database.dbClient(), tx -> {
            attempts.incrementAndGet();
            throw new IllegalStateException(new SQLException("Deadlock found when trying to get lock", "40001", 1213));
        })).isInstanceOf(ConflictException.class);
        assertThat(attempts.get()).isEqualTo(Transactions.ATTEMPTS);
    }

    @Test
    void otherFailuresAreNotRunAgain() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> Transactions.write(database.dbClient(), tx -> {
            attempts.incrementAndGet();
            throw new IllegalStateException(new SQLException("Lock wait timeout exceeded", "HY000", 1205));
        })).isInstanceOf(IllegalStateException.class).isNotInstanceOf(ConflictException.class);
        assertThat(attempts.get()).isEqualTo(1);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
