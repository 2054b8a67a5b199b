package dev.warden.bootstrap.e2e;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

/** Base of an end-to-end test class that runs against one {@link WardenOnMariaDb} with its own settings. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OneServerEndToEnd {

    protected WardenOnMariaDb server;
    protected Api api;
    protected ClientRequests clients;
    /** The first-instance PAT. */
    protected String admin;

    /** Settings on top of the test server's (port, host, data directory, database). */
    protected abstract Map<String, String> settings();

    @BeforeAll
    void startServer(@TempDir Path dataDir) throws Exception {
        server = WardenOnMariaDb.start(dataDir, settings());
        api = server.api;
        clients = server.clients;
        admin = server.adminPat;
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    protected static Api.Reply ok(Api.Reply reply) {
        return WardenOnMariaDb.ok(reply);
    }
}
