package dev.warden.bootstrap.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of a test's own, which the test may freeze, kill and restart: its own data
 * directory, port, socket and process, from the binaries of the installed MariaDB server package
 * ({@code mariadb-install-db}, {@code mariadbd}; {@code .ci/run} installs it). The shared server on
 * 3306 is never touched. Missing binaries fail the test: a fault test is never silently skipped.
 */
final class PrivateMariaDb implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String USER = "root";

    private final Path directory;
    private final Path dataDir;
    private final int port;
    private Process server;

    private PrivateMariaDb(Path directory, int port) {
        this.directory = directory;
        this.dataDir = directory.resolve("data");
        this.port = port;
    }

    /** Creates the data directory, starts the server and creates the database {@code name}. */
    static PrivateMariaDb start(Path directory, String name) throws Exception {
        PrivateMariaDb db = new PrivateMariaDb(directory, freePort());
        db.install();
        db.launch();
        try (Connection connection = DriverManager.getConnection(db.serverUrl(), USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        return db;
    }

    String url(String database) {
        return serverUrl() + database;
    }

    String user() {
        return USER;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), USER, "");
    }

    /** SIGSTOP: the server keeps its sockets open but answers nothing, as behind a dropped network. */
    void freeze() throws Exception {
        signal("STOP");
    }

    /** SIGCONT after {@link #freeze}. */
    void thaw() throws Exception {
        signal("CONT");
    }

    /** SIGKILL: the server dies mid-work; InnoDB recovers on the next {@link #launch}. */
    void kill() throws InterruptedException {
        server.destroyForcibly();
        server.waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts the server on the existing data directory and waits until it answers. */
    void launch() throws Exception {
        Path log = directory.resolve("mariadbd.log");
        server = new ProcessBuilder(List.of(binary("mariadbd", "/usr/sbin/mariadbd"), "--no-defaults",
                "--datadir=" + dataDir, "--user=" + System.getProperty("user.name"),
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + directory.resolve("mysqld.sock"),
                "--pid-file=" + directory.resolve("mysqld.pid"), "--skip-name-resolve", "--skip-log-bin",
                "--innodb-buffer-pool-size=32M"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        SQLException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException("mariadbd exited with " + server.exitValue() + ":\n" + tail(log));
            }
            try (Connection ignored = DriverManager.getConnection(serverUrl(), USER, "")) {
                return;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("mariadbd did not answer on port " + port + " within " + START_TIMEOUT
                + ": " + (last == null ? "" : last.getMessage()) + "\n" + tail(log));
    }

    @Override
    public void close() throws Exception {
        if (server != null && server.isAlive()) {
            signal("CONT");
            kill();
        }
    }

    private String serverUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/";
    }

    private void install() throws Exception {
        Files.createDirectories(dataDir);
        Path log = directory.resolve("install.log");
        Process install = new ProcessBuilder(List.of(binary("mariadb-install-db", "/usr/bin/mariadb-install-db"),
                "--no-defaults", "--datadir=" + dataDir, "--user=" + System.getProperty("user.name"),
                "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve"))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!install.waitFor(120, TimeUnit.SECONDS) || install.exitValue() != 0) {
            install.destroyForcibly();
            throw new IllegalStateException("mariadb-install-db failed:\n" + tail(log));
        }
    }

    private void signal(String signal) throws Exception {
        // The shell's built-in kill: no procps needed.
        Process kill = new ProcessBuilder("sh", "-c", "kill -" + signal + " " + server.pid()).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + server.pid() + " failed");
        }
    }

    /** The binary from the PATH, else where Debian's mariadb-server package puts it. */
    private static String binary(String name, String debianPath) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Path.of(dir, name).toString();
            }
        }
        if (Files.isExecutable(Path.of(debianPath))) {
            return debianPath;
        }
        throw new IllegalStateException(name + " not found on the PATH nor at " + debianPath
                + ": the database fault tests need the MariaDB server binaries (Debian: apt-get install mariadb-server)");
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
