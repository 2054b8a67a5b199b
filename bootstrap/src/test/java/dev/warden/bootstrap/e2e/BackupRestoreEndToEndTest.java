package dev.warden.bootstrap.e2e;

import dev.warden.bootstrap.Wiring;
import dev.warden.bootstrap.config.ConfigLoader;
import dev.warden.bootstrap.config.WardenConfig;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backup and restore procedures of docs/operations.md, as an operator runs them: credentials
 * of every kind issued over HTTP, a backup taken, a fresh node started on the restored database
 * with only the master key carried over, and every credential still working there, tokens signed
 * before the backup included.
 */
class BackupRestoreEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void aMariaDbDumpTakenWhileTheNodeRunsRestoresEveryCredential() throws Exception {
        Path original = Files.createDirectory(dir.resolve("original"));
        Path dump = dir.resolve("warden.sql");
        List<IssuedCredentials> issued;
        try (TestMariaDb source = new TestMariaDb(); TestMariaDb target = new TestMariaDb()) {
            try (Wiring node = Wiring.start(config(original, source))) {
                issued = issue(new Api(node.port()), Files.readString(original.resolve("admin.pat")).strip());
                // Online: the dump is one consistent snapshot of InnoDB, taken beside the running node.
                run(List.of("mariadb-dump", "--single-transaction", "--result-file=" + dump), source, null);
            }
            run(List.of("mariadb"), target, dump);

            Path restored = Files.createDirectory(dir.resolve("restored"));
            Files.copy(original.resolve("masterkey"), restored.resolve("masterkey"));
            try (Wiring node = Wiring.start(config(restored, target))) {
                assertStillWork(issued, new Api(node.port()), original);
                assertThat(restored.resolve("admin.pat")).as("nothing set up anew").doesNotExist();
            }
        }
    }

    @Test
    void aCopyOfTheEmbeddedDatabaseTakenWithTheNodeStoppedRestoresEveryCredential() throws Exception {
        Path original = Files.createDirectory(dir.resolve("original"));
        List<IssuedCredentials> issued;
        try (Wiring node = Wiring.start(config(original, null))) {
            issued = issue(new Api(node.port()), Files.readString(original.resolve("admin.pat")).strip());
        }
        Path restored = Files.createDirectory(dir.resolve("restored"));
        for (String file : List.of("warden.mv.db", "masterkey")) {
            Files.copy(original.resolve(file), restored.resolve(file));
        }
        try (Wiring node = Wiring.start(config(restored, null))) {
            assertStillWork(issued, new Api(node.port()), original);
            assertThat(restored.resolve("admin.pat")).as("nothing set up anew").doesNotExist();
        }
    }

    private static List<IssuedCredentials> issue(Api api, String admin) throws Exception {
        List<IssuedCredentials> issued = new ArrayList<>();
        for (String name : List.of("backup-one", "backup-two")) {
            issued.add(IssuedCredentials.issue(api, admin, name));
        }
        return issued;
    }

    private static void assertStillWork(List<IssuedCredentials> issued, Api restored, Path original) throws Exception {
        for (IssuedCredentials credentials : issued) {
            credentials.assertStillWork(restored);
        }
        String admin = Files.readString(original.resolve("admin.pat")).strip();
        assertThat(restored.get("/management/v1/orgs/me", admin).status()).as("the admin PAT").isEqualTo(200);
    }

    /** The node's settings: on {@code database}, or on the embedded H2 under {@code dataDir} when it is null. */
    private static WardenConfig config(Path dataDir, TestMariaDb database) {
        Map<String, String> settings = new HashMap<>(Map.of("warden.http.port", "0", "warden.http.host", "127.0.0.1",
                "warden.data.dir", dataDir.toString(), "warden.external.url", IssuedCredentials.ISSUER));
        if (database != null) {
            settings.putAll(Map.of("warden.db.url", database.url(), "warden.db.user", TestMariaDb.USER,
                    "warden.db.password", TestMariaDb.PASSWORD));
        }
        return ConfigLoader.load(Config.just(ConfigSources.create(settings)));
    }

    /** Runs a MariaDB client tool on {@code database} (reading {@code input} if given), the password never in argv. */
    private static void run(List<String> tool, TestMariaDb database, Path input) throws Exception {
        URI server = URI.create(TestMariaDb.SERVER_URL.substring("jdbc:".length()));
        List<String> command = new ArrayList<>(tool);
        command.addAll(List.of("--host=" + server.getHost(), "--port=" + (server.getPort() < 0 ? 3306 : server.getPort()),
                "--user=" + TestMariaDb.USER, database.name()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("MYSQL_PWD", TestMariaDb.PASSWORD);
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", tool)).isTrue();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.exitValue()).as(String.join(" ", tool) + ": " + output).isZero();
    }
}
