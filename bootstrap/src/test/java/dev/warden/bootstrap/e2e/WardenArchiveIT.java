package dev.warden.bootstrap.e2e;

import dev.warden.bootstrap.e2e.WardenJar.Running;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release archive ({@code target/warden-<version>.tar.gz}) unpacked as an operator would and
 * started with its {@code warden} launcher, which must find a Java 21+ itself: through JAVA_HOME,
 * past an older java first on PATH, and with a clear message when there is none.
 */
class WardenArchiveIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final Path JDK = realPath(Path.of(System.getProperty("java.home")));

    @TempDir
    Path dir;

    @Test
    void theLauncherRunsTheJdkNamedByJavaHomeWithTheWardenSettingsOfItsEnvironment() throws Exception {
        Path home = unpack();
        Path data = Files.createDirectory(dir.resolve("data"));
        int port = WardenJar.freePort();
        Running warden = launch(home.resolve("warden"), Map.of("JAVA_HOME", JDK.toString(), "PATH", "/usr/bin:/bin",
                "WARDEN_HTTP_PORT", Integer.toString(port), "WARDEN_DATA_DIR", data.toString(),
                "WARDEN_JAVA_OPTS", "-Dwarden.first.instance.org.name=Packaged"));
        try {
            warden.awaitOutput("Warden is ready", START);
            assertThat(javaOf(warden)).startsWith(JDK.toString());
            String admin = Files.readString(data.resolve("admin.pat")).strip();
            Api.Reply org = new Api(port).get("/management/v1/orgs/me", admin);
            assertThat(org.status()).as(org.text()).isEqualTo(200);
            assertThat(org.text("/org/name")).isEqualTo("Packaged");
        } finally {
            warden.stop();
        }
    }

    @Test
    void theLauncherPassesAnOlderJavaFirstOnPathAndFindsAnInstalledJdk21() throws Exception {
        Path home = unpack();
        // Started through a symlink, as from /usr/local/bin, and from another working directory.
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("warden"), home.resolve("warden"));
        Path jvms = Files.createDirectory(dir.resolve("jvm"));
        Files.createSymbolicLink(jvms.resolve("jdk-new"), JDK);
        Path data = Files.createDirectory(dir.resolve("data"));
        int port = WardenJar.freePort();
        Running warden = launch(bin.resolve("warden"), Map.of("PATH", olderJdk().resolve("bin") + ":/usr/bin:/bin",
                "WARDEN_JVM_DIRS", jvms.toString(), "WARDEN_HTTP_PORT", Integer.toString(port),
                "WARDEN_DATA_DIR", data.toString()));
        try {
            warden.awaitOutput("Warden is ready", START);
            assertThat(javaOf(warden)).startsWith(JDK.toString());
            String admin = Files.readString(data.resolve("admin.pat")).strip();
            assertThat(new Api(port).get("/management/v1/orgs/me", admin).status()).isEqualTo(200);
        } finally {
            warden.stop();
        }
    }

    @Test
    void withoutAJava21TheLauncherSaysSoAndStartsNothing() throws Exception {
        Path home = unpack();
        Path older = olderJdk();
        Path data = Files.createDirectory(dir.resolve("data"));
        Running warden = launch(home.resolve("warden"), Map.of("JAVA_HOME", older.toString(),
                "PATH", older.resolve("bin") + ":/usr/bin:/bin",
                "WARDEN_JVM_DIRS", Files.createDirectory(dir.resolve("no-jvms")).toString(),
                "WARDEN_DATA_DIR", data.toString()));

        assertThat(warden.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(warden.process.exitValue()).isEqualTo(1);
        assertThat(warden.output()).startsWith("Warden needs a JDK 21 or newer: set JAVA_HOME to one")
                .contains(older.toString()).contains("\"17.");
        assertThat(data).isEmptyDirectory();
    }

    /** Unpacks the archive with tar, as an operator would (keeping the launcher's mode), into the temp dir. */
    private Path unpack() throws Exception {
        Path archive;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            archive = files.filter(f -> f.getFileName().toString().matches("warden-.+\\.tar\\.gz")).findFirst()
                    .orElseThrow(() -> new AssertionError("no target/warden-*.tar.gz: run the package phase"));
        }
        Process tar = new ProcessBuilder("tar", "xzf", archive.toAbsolutePath().toString(), "-C", dir.toString())
                .redirectErrorStream(true).start();
        assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).as(new String(tar.getInputStream().readAllBytes())).isZero();
        String name = archive.getFileName().toString().replace(".tar.gz", "");
        Path home = dir.resolve(name);
        assertThat(home.resolve("warden")).isExecutable();
        assertThat(home.resolve("warden.jar")).isRegularFile();
        assertThat(home.resolve("libs")).isNotEmptyDirectory();
        assertThat(home.resolve("README.md")).content().contains("Warden " + name.substring("warden-".length()));
        return home;
    }

    /** Runs the launcher with only these variables (no JAVA_HOME unless given), in a working directory of its own. */
    private Running launch(Path launcher, Map<String, String> env) throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        ProcessBuilder builder = new ProcessBuilder(List.of(launcher.toString())).redirectErrorStream(true)
                .directory(work.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        return new Running(builder.start());
    }

    /** The java binary the launcher ended up exec'ing: the process itself, as the kernel names it. */
    private static String javaOf(Running warden) {
        return warden.process.info().command().orElseThrow();
    }

    /** A JDK older than 21 on this machine (Debian's default java is 17); its absence fails the test. */
    private static Path olderJdk() throws IOException {
        try (Stream<Path> jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            return jvms.filter(jdk -> Files.isExecutable(jdk.resolve("bin/java")))
                    .filter(jdk -> release(jdk).contains("JAVA_VERSION=\"17")).map(WardenArchiveIT::realPath)
                    .findFirst().orElseThrow(() -> new AssertionError("no JDK 17 under /usr/lib/jvm to test against"));
        }
    }

    private static String release(Path jdk) {
        try {
            return Files.readString(jdk.resolve("release"));
        } catch (IOException e) {
            return "";
        }
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
