package dev.warden.persistence.db;

import io.helidon.dbclient.DbClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * Base of the repository contract tests: one fresh, migrated database of the given engine for the
 * whole test class. Each repository test declares its contract once and runs it in two nested
 * classes, {@code OnMariaDb} and {@code OnH2}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatabaseContract {

    private final Engine engine;
    private TestDatabase testDatabase;

    protected DatabaseContract(Engine engine) {
        this.engine = engine;
    }

    @BeforeAll
    void openDatabase(@TempDir Path h2Directory) {
        testDatabase = TestDatabase.open(engine, h2Directory);
    }

    @AfterAll
    void closeDatabase() {
        if (testDatabase != null) {
            testDatabase.close();
        }
    }

    protected TestDatabase testDatabase() {
        return testDatabase;
    }

    protected DbClient db() {
        return testDatabase.dbClient();
    }
}
