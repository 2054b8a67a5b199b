package dev.warden.bootstrap.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** The end-to-end contract on a real MariaDB server, one fresh database per test. */
class MariaDbEndToEndTest extends FirstStartEndToEndContract {

    private TestMariaDb database;

    @BeforeEach
    void createDatabase() {
        database = new TestMariaDb();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of("warden.db.url", database.url(), "warden.db.user", TestMariaDb.USER,
                "warden.db.password", TestMariaDb.PASSWORD);
    }

    @Override
    protected Connection connect() throws SQLException {
        return database.connect();
    }
}
