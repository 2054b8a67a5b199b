package dev.warden.bootstrap.config;

import dev.warden.persistence.crypto.HashAlgorithm;
import dev.warden.persistence.signing.SigningAlgorithm;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    private static WardenConfig load(Map<String, String> values) {
        return ConfigLoader.load(Config.just(ConfigSources.create(values)));
    }

    @Test
    void defaultsGiveAnEmbeddedDatabaseUnderDataOnPort8080() {
        WardenConfig config = load(Map.of());

        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.embeddedDatabase()).isTrue();
        assertThat(config.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(config.firstInstancePatFile()).isEqualTo(Path.of("./data").resolve("admin.pat"));
        assertThat(config.externalUrl()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(config.instanceDomain()).isEqualTo("localhost");
        assertThat(config.authMethods()).containsExactly("pat", "access-token", "client-secret", "jwt-profile",
                "private-key-jwt", "api-client-secret", "api-client-assertion");
        assertThat(config.accessTokenLifetime()).isEqualTo(Duration.ofHours(12));
        assertThat(config.idTokenLifetime()).isEqualTo(Duration.ofHours(1));
        assertThat(config.assertionMaxLifetime()).isEqualTo(Duration.ofHours(1));
        assertThat(config.clockSkew()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.argon2MemoryKib()).isEqualTo(19456);
        assertThat(config.hashAlgorithm()).isEqualTo(HashAlgorithm.ARGON2ID);
        assertThat(config.signingAlgorithm()).isEqualTo(SigningAlgorithm.RS256);
        assertThat(config.firstInstancePatExpiration()).isEmpty();
    }

    @Test
    void thePackagedApplicationYamlGivesTheSameDefaults() {
        // The jar reads application.yaml; its values must not drift from the loader's defaults.
        WardenConfig packaged = ConfigLoader.load(Config.just(ConfigSources.classpath("application.yaml")));
        WardenConfig defaults = load(Map.of());

        assertThat(packaged.authMethods()).isEqualTo(defaults.authMethods());
        assertThat(packaged.accessTokenLifetime()).isEqualTo(defaults.accessTokenLifetime());
        assertThat(packaged.idTokenLifetime()).isEqualTo(defaults.idTokenLifetime());
        assertThat(packaged.assertionMaxLifetime()).isEqualTo(defaults.assertionMaxLifetime());
        assertThat(packaged.clockSkew()).isEqualTo(defaults.clockSkew());
        assertThat(packaged.httpPort()).isEqualTo(defaults.httpPort());
        assertThat(packaged.tokenCacheTtl()).isEqualTo(defaults.tokenCacheTtl());
        assertThat(packaged.argon2MemoryKib()).isEqualTo(defaults.argon2MemoryKib());
        assertThat(packaged.hashAlgorithm()).isEqualTo(defaults.hashAlgorithm());
        assertThat(packaged.signingAlgorithm()).isEqualTo(defaults.signingAlgorithm());
    }

    @Test
    void everyDocumentedKeyIsRead() {
        WardenConfig config = load(Map.ofEntries(
                Map.entry("warden.http.port", "9090"),
                Map.entry("warden.data.dir", "/var/lib/warden"),
                Map.entry("warden.db.url", "jdbc:mariadb://db:3306/warden"),
                Map.entry("warden.db.user", "warden"),
                Map.entry("warden.db.password", "s3cret"),
                Map.entry("warden.external.url", "https://id.example.com/"),
                Map.entry("warden.first.instance.pat.file", "/run/secrets/admin.pat"),
                Map.entry("warden.first.instance.org.name", "Acme"),
                Map.entry("warden.first.instance.pat.expiration", "2030-01-01T00:00:00Z"),
                Map.entry("warden.node.id", "7"),
                Map.entry("warden.hash.algorithm", "hmac-sha256"),
                Map.entry("warden.auth.methods", "pat, other"),
                Map.entry("warden.auth.other.key", "value"),
                Map.entry("warden.oauth.access.token.lifetime", "30m"),
                Map.entry("warden.oauth.id.token.lifetime", "PT2H"),
                Map.entry("warden.oauth.assertion.max.lifetime", "600s"),
                Map.entry("warden.oauth.clock.skew", "1500ms"),
                Map.entry("warden.oauth.signing.algorithm", "es256")));

        assertThat(config.httpPort()).isEqualTo(9090);
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/warden"));
        assertThat(config.embeddedDatabase()).isFalse();
        assertThat(config.dbUser()).isEqualTo("warden");
        assertThat(config.dbPassword()).isEqualTo("s3cret");
        assertThat(config.externalUrl()).isEqualTo(URI.create("https://id.example.com"));
        assertThat(config.firstInstancePatFile()).isEqualTo(Path.of("/run/secrets/admin.pat"));
        assertThat(config.firstInstanceOrgName()).isEqualTo("Acme");
        assertThat(config.firstInstancePatExpiration()).contains(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(config.nodeId()).contains(7);
        assertThat(config.hashAlgorithm()).isEqualTo(HashAlgorithm.HMAC_SHA256);
        assertThat(config.authMethods()).containsExactly("pat", "other");
        assertThat(config.authSettings()).containsEntry("other", Map.of("key", "value"));
        assertThat(config.toString()).doesNotContain("s3cret");
        assertThat(config.accessTokenLifetime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.idTokenLifetime()).isEqualTo(Duration.ofHours(2));
        assertThat(config.assertionMaxLifetime()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.clockSkew()).isEqualTo(Duration.ofMillis(1500));
        assertThat(config.signingAlgorithm()).isEqualTo(SigningAlgorithm.ES256);
    }

    @Test
    void theFailedAuthenticationLimiterAndTrustedProxiesAreReadAndChecked() {
        WardenConfig defaults = load(Map.of());
        assertThat(defaults.failureLimits()).isEqualTo(new WardenConfig.FailureLimits(true, 50, 20,
                Duration.ofMinutes(1), 100_000, Duration.ofSeconds(1)));
        assertThat(defaults.trustedProxies()).isEmpty();
        WardenConfig packaged = ConfigLoader.load(Config.just(ConfigSources.classpath("application.yaml")));
        assertThat(packaged.failureLimits()).isEqualTo(defaults.failureLimits());
        assertThat(packaged.trustedProxies()).isEqualTo(defaults.trustedProxies());

        WardenConfig set = load(Map.of("warden.limiter.enabled", "false", "warden.limiter.address.failures", "99",
                "warden.limiter.credential.failures", "5", "warden.limiter.window", "30s",
                "warden.limiter.max.keys", "1000", "warden.http.trusted.proxies", " 10.0.0.0/8, ::1 ,192.0.2.1",
                "warden.limiter.refusal.delay", "0s"));
        assertThat(set.failureLimits()).isEqualTo(new WardenConfig.FailureLimits(false, 99, 5,
                Duration.ofSeconds(30), 1000, Duration.ZERO));
        assertThat(set.trustedProxies()).containsExactly("10.0.0.0/8", "::1", "192.0.2.1");

        // Over 99 the first 429 could come after the 100th failure: refused.
        for (Map<String, String> values : List.of(Map.of("warden.limiter.address.failures", "100"),
                Map.of("warden.limiter.credential.failures", "0"), Map.of("warden.limiter.window", "0s"),
                Map.of("warden.limiter.enabled", "yes"), Map.of("warden.limiter.max.keys", "0"),
                Map.of("warden.limiter.refusal.delay", "1m"),
                Map.of("warden.http.trusted.proxies", "proxy.example.com"),
                Map.of("warden.http.trusted.proxies", "10.0.0.0/40"))) {
            String key = values.keySet().iterator().next();
            assertThatThrownBy(() -> load(values)).as(key)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(ConfigLoader.envName(key));
        }
    }

    @Test
    void theLogLevelAndTheAccessLogAreReadAndChecked() {
        WardenConfig defaults = load(Map.of());
        assertThat(defaults.logging()).isEqualTo(new WardenConfig.Logging(java.util.logging.Level.INFO, "off"));
        WardenConfig packaged = ConfigLoader.load(Config.just(ConfigSources.classpath("application.yaml")));
        assertThat(packaged.logging()).isEqualTo(defaults.logging());
        assertThat(load(Map.of("warden.log.level", "debug", "warden.log.access", " /var/log/warden/access.log "))
                .logging()).isEqualTo(new WardenConfig.Logging(java.util.logging.Level.FINE, "/var/log/warden/access.log"));
        assertThat(load(Map.of("warden.log.level", "WARNING")).logging().level()).isEqualTo(java.util.logging.Level.WARNING);
        assertThatThrownBy(() -> load(Map.of("warden.log.level", "loud")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("WARDEN_LOG_LEVEL");
    }

    @Test
    void badValuesStopStartUpNamingTheKey() {
        List<Map<String, String>> bad = List.of(
                Map.of("warden.http.port", "eighty"),
                Map.of("warden.http.port", "70000"),
                Map.of("warden.external.url", "ftp://x"),
                Map.of("warden.oauth.access.token.lifetime", "forever"),
                Map.of("warden.oauth.access.token.lifetime", "0s"),
                Map.of("warden.oauth.clock.skew", "1h"),
                Map.of("warden.external.url", "not a url"),
                Map.of("warden.first.instance.pat.expiration", "tomorrow"),
                Map.of("warden.first.instance.org.name", "  "),
                Map.of("warden.argon2.memory.kib", "1024"),
                Map.of("warden.hash.algorithm", "sha256"),
                Map.of("warden.oauth.signing.algorithm", "HS256"),
                Map.of("warden.node.id", "5000"),
                Map.of("warden.auth.methods", "pat,pat"),
                Map.of("warden.db.pool.size", "0"));
        for (Map<String, String> values : bad) {
            String key = values.keySet().iterator().next();
            assertThatThrownBy(() -> load(values)).as(key)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(key)
                    .hasMessageContaining(ConfigLoader.envName(key));
        }
    }

    @Test
    void theMasterKeyIsAFileInTheDataDirectoryUnlessGivenAndAGivenOneIsNeverEchoed() {
        WardenConfig defaults = load(Map.of("warden.data.dir", "/var/lib/warden"));
        assertThat(defaults.masterKey()).isEmpty();
        assertThat(defaults.masterKeyFile()).isEqualTo(Path.of("/var/lib/warden").resolve("masterkey"));

        String key = java.util.Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'B');
        // Both at once: a value at warden.masterkey and a child warden.masterkey.file.
        WardenConfig given = load(Map.of("warden.masterkey", key, "warden.masterkey.file", "/run/secrets/mk"));
        assertThat(given.masterKey()).contains(key);
        assertThat(given.masterKeyFile()).isEqualTo(Path.of("/run/secrets/mk"));
        assertThat(given.toString()).doesNotContain(key);

        String shortKey = java.util.Base64.getEncoder().encodeToString(new byte[16]);
        for (String bad : List.of(shortKey, "not base64 at all!")) {
            assertThatThrownBy(() -> load(Map.of("warden.masterkey", bad)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("WARDEN_MASTERKEY").hasMessageContaining("32 random bytes")
                    .hasMessageNotContaining(bad);
        }
    }

    @Test
    void environmentVariableNamesFollowHelidonsAliasRule() {
        assertThat(ConfigLoader.envName("warden.first.instance.pat.file")).isEqualTo("WARDEN_FIRST_INSTANCE_PAT_FILE");
        assertThat(ConfigLoader.envName("warden.db.password")).isEqualTo("WARDEN_DB_PASSWORD");
    }

    @Test
    void auditAndTlsDefaultsAreThePackagedOnesAndAuditDurationsAreChecked() {
        WardenConfig defaults = load(Map.of());
        WardenConfig packaged = ConfigLoader.load(Config.just(ConfigSources.classpath("application.yaml")));

        assertThat(defaults.httpTls()).isEmpty();
        assertThat(defaults.auditRetention()).isEqualTo(Duration.ofDays(90));
        assertThat(defaults.auditFailureWindow()).isEqualTo(Duration.ofMinutes(1));
        assertThat(packaged.httpTls()).isEqualTo(defaults.httpTls());
        assertThat(packaged.auditRetention()).isEqualTo(defaults.auditRetention());
        assertThat(packaged.auditFailureWindow()).isEqualTo(defaults.auditFailureWindow());

        WardenConfig set = load(Map.of("warden.audit.retention", "30d", "warden.audit.failure.window", "10s"));
        assertThat(set.auditRetention()).isEqualTo(Duration.ofDays(30));
        assertThat(set.auditFailureWindow()).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> load(Map.of("warden.audit.failure.window", "0s")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("WARDEN_AUDIT_FAILURE_WINDOW");
        assertThatThrownBy(() -> load(Map.of("warden.audit.retention", "forever")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("WARDEN_AUDIT_RETENTION");
    }

    @Test
    void tlsPasswordsAreNeverEchoed() {
        assertThat(ConfigLoader.envName("warden.http.tls.private.key.file")).isEqualTo("WARDEN_HTTP_TLS_PRIVATE_KEY_FILE");
        assertThatThrownBy(() -> load(Map.of("warden.http.tls.keystore.file", "/no/such/keystore.p12",
                "warden.http.tls.keystore.password", "s3cret-keystore-pass")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("WARDEN_HTTP_TLS_KEYSTORE_FILE")
                .hasMessageNotContaining("s3cret-keystore-pass");
    }

    @Test
    void databaseFaultAndShutdownSettingsHaveDefaultsAndBounds() {
        assertThat(load(Map.of()).faults()).isEqualTo(new FaultTolerance(Duration.ofMillis(1500),
                Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofMillis(750), Duration.ofSeconds(10)));
        assertThat(load(Map.of("warden.db.connection.timeout.ms", "2000", "warden.db.network.timeout.ms", "30000",
                "warden.db.check.interval.ms", "250", "warden.cluster.stale.after.ms", "60000",
                "warden.http.shutdown.grace.ms", "0")).faults())
                .isEqualTo(new FaultTolerance(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMillis(250),
                        Duration.ofMinutes(1), Duration.ZERO));

        List<Map<String, String>> bad = List.of(
                Map.of("warden.db.connection.timeout.ms", "100"),
                Map.of("warden.db.network.timeout.ms", "500"),
                Map.of("warden.db.network.timeout.ms", "1500", "warden.db.connection.timeout.ms", "2000"),
                Map.of("warden.db.check.interval.ms", "0"),
                Map.of("warden.cluster.stale.after.ms", "-1"),
                Map.of("warden.http.shutdown.grace.ms", "soon"));
        for (Map<String, String> values : bad) {
            String key = values.keySet().stream().filter(k -> !k.contains("connection") || values.size() == 1)
                    .findFirst().orElseThrow();
            assertThatThrownBy(() -> load(values)).as(values.toString())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining(key)
                    .hasMessageContaining(ConfigLoader.envName(key));
        }
    }
}
