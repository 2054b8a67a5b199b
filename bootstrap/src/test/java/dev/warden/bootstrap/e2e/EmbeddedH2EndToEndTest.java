package dev.warden.bootstrap.e2e;

import dev.warden.persistence.db.Database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

/** The end-to-end contract on the zero-install default: H2 files under the data directory. */
class EmbeddedH2EndToEndTest extends FirstStartEndToEndContract {

    @Override
    protected Map<String, String> databaseSettings() {
        return Map.of("warden.db.url", "");
    }

    @Override
    protected Connection connect() throws SQLException {
        return DriverManager.getConnection(Database.embeddedH2Url(dataDir), "", "");
    }
}
