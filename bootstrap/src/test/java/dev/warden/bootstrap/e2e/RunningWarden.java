package dev.warden.bootstrap.e2e;

import dev.warden.bootstrap.Wiring;
import dev.warden.bootstrap.config.ConfigLoader;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A Warden server on a fresh MariaDB test database, on a free port of 127.0.0.1, with settings on
 * top of the defaults; the first instance's admin PAT at hand. Closing stops both.
 */
final class RunningWarden implements AutoCloseable {

    private final TestMariaDb database;
    private final Wiring warden;
    private final Api api;
    private final String admin;

    private RunningWarden(TestMariaDb database, Wiring warden, String admin) {
        this.database = database;
        this.warden = warden;
        this.api = new Api(warden.port());
        this.admin = admin;
    }

    static RunningWarden onMariaDb(Path dataDir, Map<String, String> settings) {
        TestMariaDb database = new TestMariaDb();
        Map<String, String> all = new HashMap<>(Map.of(
                "warden.http.port", "0", "warden.http.host", "127.0.0.1", "warden.data.dir", dataDir.toString(),
                "warden.db.url", database.url(), "warden.db.user", TestMariaDb.USER,
                "warden.db.password", TestMariaDb.PASSWORD));
        all.putAll(settings);
        try {
            Wiring warden = Wiring.start(ConfigLoader.load(Config.just(ConfigSources.create(all))));
            return new RunningWarden(database, warden, Files.readString(dataDir.resolve("admin.pat")).strip());
        } catch (IOException e) {
            database.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    Api api() {
        return api;
    }

    String admin() {
        return admin;
    }

    int port() {
        return warden.port();
    }

    @Override
    public void close() {
        try {
            warden.close();
        } finally {
            database.close();
        }
    }
}
