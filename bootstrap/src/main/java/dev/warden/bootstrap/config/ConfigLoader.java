package dev.warden.bootstrap.config;

import dev.warden.http.auth.ClientAddresses;
import dev.warden.persistence.crypto.HashAlgorithm;
import dev.warden.persistence.signing.SigningAlgorithm;
import io.helidon.config.Config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads {@link WardenConfig} from Helidon config: {@code application.yaml}, overridden by
 * environment variables ({@code WARDEN_HTTP_PORT} → {@code warden.http.port}, Helidon's alias
 * rule) and system properties ({@code -Dwarden.http.port=…}). Any invalid value stops start-up
 * with a {@link ConfigurationException} naming the key.
 */
public final class ConfigLoader {

    /** The built-in methods: PATs and OAuth access tokens on API calls, client secrets and assertions at the token endpoint. */
    public static final String DEFAULT_AUTH_METHODS =
            "pat,access-token,client-secret,jwt-profile,private-key-jwt,api-client-secret,api-client-assertion";

    private final Config config;

    private ConfigLoader(Config config) {
        this.config = config;
    }

    public static WardenConfig load(Config config) {
        return new ConfigLoader(config).read();
    }

    private WardenConfig read() {
        int port = integer("warden.http.port", 8080, 0, 65535);
        Path dataDir = path("warden.data.dir", "./data");
        Optional<TlsSettings> tls = tls();
        URI externalUrl = externalUrl(port, tls.isPresent());
        String patFile = string("warden.first.instance.pat.file", "");
        int threads = integer("warden.hash.threads", Runtime.getRuntime().availableProcessors(), 1, 64);
        return new WardenConfig(
                port,
                string("warden.http.host", "0.0.0.0"),
                longValue("warden.http.max.payload.bytes", 1_048_576, 1024, 1L << 30),
                dataDir,
                string("warden.db.url", "").strip(),
                string("warden.db.user", ""),
                string("warden.db.password", ""),
                integer("warden.db.pool.size", 10, 1, 500),
                externalUrl,
                patFile.isBlank() ? dataDir.resolve("admin.pat") : toPath("warden.first.instance.pat.file", patFile),
                nonBlank("warden.first.instance.org.name", "Warden", 200),
                nonBlank("warden.first.instance.machine.username", "warden-admin", 200),
                nonBlank("warden.first.instance.machine.name", "Warden Admin", 200),
                optional("warden.first.instance.pat.expiration", this::instant, "an RFC 3339 timestamp such as 2030-01-01T00:00:00Z"),
                integer("warden.argon2.memory.kib", 19_456, 19_456, 4_194_304),
                integer("warden.argon2.iterations", 2, 2, 100),
                integer("warden.argon2.parallelism", 1, 1, 64),
                threads,
                integer("warden.hash.queue", 128, 0, 10_000),
                hashAlgorithm(),
                longValue("warden.token.cache.max.size", 100_000, 1, 100_000_000),
                Duration.ofSeconds(longValue("warden.token.cache.ttl.seconds", 300, 1, 86_400)),
                optional("warden.node.id", v -> Integer.parseInt(v.strip()), "an integer between 0 and 1023")
                        .map(id -> checkRange("warden.node.id", id, 0, 1023)),
                Duration.ofMillis(longValue("warden.cluster.poll.interval.ms", 250, 10, 60_000)),
                Duration.ofSeconds(longValue("warden.cluster.feed.overlap.seconds", 10, 3, 3600)),
                Duration.ofSeconds(longValue("warden.cluster.feed.recheck.seconds", 2, 1, 60)),
                Duration.ofMinutes(longValue("warden.cluster.feed.retention.minutes", 60, 1, 10_080)),
                Duration.ofSeconds(longValue("warden.token.usage.flush.seconds", 5, 1, 3600)),
                authMethods(),
                authSettings(),
                duration("warden.oauth.access.token.lifetime", Duration.ofHours(12), Duration.ofMinutes(1),
                        Duration.ofDays(7)),
                duration("warden.oauth.id.token.lifetime", Duration.ofHours(1), Duration.ofMinutes(1),
                        Duration.ofDays(1)),
                duration("warden.oauth.assertion.max.lifetime", Duration.ofHours(1), Duration.ofMinutes(1),
                        Duration.ofDays(1)),
                duration("warden.oauth.clock.skew", Duration.ofSeconds(5), Duration.ZERO, Duration.ofMinutes(5)),
                masterKey(),
                masterKeyFile(dataDir),
                signingAlgorithm(),
                tls,
                duration("warden.audit.retention", Duration.ofDays(90), Duration.ofHours(1), Duration.ofDays(3650)),
                duration("warden.audit.failure.window", Duration.ofMinutes(1), Duration.ofSeconds(1),
                        Duration.ofHours(1)),
                faultTolerance(),
                failureLimits(),
                trustedProxies(),
                logging());
    }

    /** The log level by name (INFO, WARNING, DEBUG, …) and the access log's destination. */
    private WardenConfig.Logging logging() {
        String key = "warden.log.level";
        String level = string(key, "INFO");
        return new WardenConfig.Logging(
                dev.warden.bootstrap.logging.LogSettings.level(level.isBlank() ? "INFO" : level)
                        .orElseThrow(() -> invalid(key, level,
                                "a log level: ERROR, WARN, INFO, DEBUG, TRACE (or SEVERE, WARNING, FINE, FINER, FINEST, OFF)")),
                string("warden.log.access", dev.warden.bootstrap.logging.LogSettings.OFF).strip());
    }

    /**
     * TLS from PEM files ({@code certificate.file} + {@code private.key.file}) or a PKCS#12 keystore
     * ({@code keystore.file}); neither means plain HTTP, both is a mistake. Files must be readable.
     */
    private Optional<TlsSettings> tls() {
        String certificate = string("warden.http.tls.certificate.file", "").strip();
        String privateKey = string("warden.http.tls.private.key.file", "").strip();
        String keystore = string("warden.http.tls.keystore.file", "").strip();
        boolean pem = !certificate.isEmpty() || !privateKey.isEmpty();
        if (pem && !keystore.isEmpty()) {
            throw invalid("warden.http.tls.keystore.file", keystore,
                    "either PEM files (WARDEN_HTTP_TLS_CERTIFICATE_FILE and WARDEN_HTTP_TLS_PRIVATE_KEY_FILE) or a "
                            + "PKCS#12 keystore, not both");
        }
        if (pem) {
            return Optional.of(new TlsSettings.Pem(readable("warden.http.tls.certificate.file", certificate),
                    readable("warden.http.tls.private.key.file", privateKey),
                    string("warden.http.tls.private.key.password", "")));
        }
        if (!keystore.isEmpty()) {
            return Optional.of(new TlsSettings.Pkcs12(readable("warden.http.tls.keystore.file", keystore),
                    string("warden.http.tls.keystore.password", "")));
        }
        return Optional.empty();
    }

    private Path readable(String key, String value) {
        Path path = toPath(key, value);
        if (!java.nio.file.Files.isRegularFile(path) || !java.nio.file.Files.isReadable(path)) {
            throw invalid(key, value, "a readable file");
        }
        return path;
    }

    private FaultTolerance faultTolerance() {
        long connection = longValue("warden.db.connection.timeout.ms", 1500, 250, 60_000);
        String networkKey = "warden.db.network.timeout.ms";
        long network = longValue(networkKey, 10_000, 1000, 3_600_000);
        if (network < connection) {
            throw invalid(networkKey, Long.toString(network), "at least warden.db.connection.timeout.ms (" + connection
                    + ")");
        }
        return new FaultTolerance(Duration.ofMillis(connection), Duration.ofMillis(network),
                Duration.ofMillis(longValue("warden.db.check.interval.ms", 500, 50, 60_000)),
                Duration.ofMillis(longValue("warden.cluster.stale.after.ms", 750, 0, 86_400_000)),
                Duration.ofMillis(longValue("warden.http.shutdown.grace.ms", 10_000, 0, 300_000)));
    }

    private WardenConfig.FailureLimits failureLimits() {
        return new WardenConfig.FailureLimits(
                bool("warden.limiter.enabled", true),
                integer("warden.limiter.address.failures", 50, 1, 99),
                integer("warden.limiter.credential.failures", 20, 1, 99),
                duration("warden.limiter.window", Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofDays(1)),
                longValue("warden.limiter.max.keys", 100_000, 1, 10_000_000),
                duration("warden.limiter.refusal.delay", Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(10)));
    }

    /** IP addresses and CIDR networks, comma-separated; checked here so that a typo stops the start. */
    private List<String> trustedProxies() {
        String key = "warden.http.trusted.proxies";
        String value = string(key, "");
        List<String> entries = Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        try {
            ClientAddresses.trusting(entries);
        } catch (IllegalArgumentException e) {
            throw invalid(key, value, "a comma-separated list of IP addresses or CIDR networks such as 10.0.0.0/8, ::1");
        }
        return entries;
    }

    private boolean bool(String key, boolean fallback) {
        String value = string(key, Boolean.toString(fallback)).strip();
        if (value.isEmpty()) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key, value, "true or false");
        };
    }

    /** A duration such as {@code 12h}, {@code 30m}, {@code 5s}, {@code 500ms} or ISO-8601 ({@code PT12H}). */
    private Duration duration(String key, Duration fallback, Duration min, Duration max) {
        Optional<String> value = config.get(key).asString().asOptional().filter(v -> !v.isBlank());
        if (value.isEmpty()) {
            return fallback;
        }
        String text = value.get().strip();
        String expected = "a duration between " + min + " and " + max + " such as 12h, 30m, 5s or PT12H";
        Duration parsed;
        try {
            var matcher = java.util.regex.Pattern.compile("(\\d{1,9})(ms|s|m|h|d)").matcher(text);
            if (matcher.matches()) {
                long amount = Long.parseLong(matcher.group(1));
                parsed = switch (matcher.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    case "h" -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            } else {
                parsed = Duration.parse(text);
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            throw invalid(key, text, expected);
        }
        if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
            throw invalid(key, text, expected);
        }
        return parsed;
    }

    private URI externalUrl(int port, boolean tls) {
        String key = "warden.external.url";
        String value = string(key, "");
        if (value.isBlank()) {
            value = (tls ? "https" : "http") + "://localhost:" + (port == 0 ? 8080 : port);
        }
        try {
            URI uri = new URI(value.strip());
            boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (!http || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null
                    || uri.getUserInfo() != null) {
                throw invalid(key, value, "an absolute http(s) URL such as https://warden.example.com");
            }
            String text = uri.toString();
            return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        } catch (URISyntaxException e) {
            throw invalid(key, value, "an absolute http(s) URL such as https://warden.example.com");
        }
    }

    private HashAlgorithm hashAlgorithm() {
        String key = "warden.hash.algorithm";
        String value = string(key, HashAlgorithm.ARGON2ID.configName());
        if (value.isBlank()) {
            return HashAlgorithm.ARGON2ID;
        }
        return HashAlgorithm.fromConfigName(value).orElseThrow(() -> invalid(key, value, "argon2id or hmac-sha256"));
    }

    private SigningAlgorithm signingAlgorithm() {
        String key = "warden.oauth.signing.algorithm";
        String value = string(key, SigningAlgorithm.RS256.name());
        if (value.isBlank()) {
            return SigningAlgorithm.RS256;
        }
        return SigningAlgorithm.fromName(value).orElseThrow(() -> invalid(key, value, "RS256 or ES256"));
    }

    /** Only checked for shape here; the value is never echoed (see {@link #invalid}). */
    private Optional<String> masterKey() {
        String key = "warden.masterkey";
        Optional<String> value = config.get(key).asString().asOptional().map(String::strip).filter(v -> !v.isEmpty());
        value.ifPresent(v -> {
            try {
                byte[] bytes = java.util.Base64.getDecoder().decode(v);
                if (bytes.length != MASTER_KEY_BYTES) {
                    throw invalid(key, v, "the base64 of " + MASTER_KEY_BYTES + " random bytes (openssl rand -base64 32)");
                }
            } catch (IllegalArgumentException e) {
                throw invalid(key, v, "the base64 of " + MASTER_KEY_BYTES + " random bytes (openssl rand -base64 32)");
            }
        });
        return value;
    }

    private Path masterKeyFile(Path dataDir) {
        String file = string("warden.masterkey.file", "");
        return file.isBlank() ? dataDir.resolve("masterkey") : toPath("warden.masterkey.file", file);
    }

    private static final int MASTER_KEY_BYTES = 32;

    private List<String> authMethods() {
        String key = "warden.auth.methods";
        List<String> methods = Arrays.stream(string(key, DEFAULT_AUTH_METHODS).split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (methods.isEmpty()) {
            throw invalid(key, "", "a comma-separated list of authentication method ids, e.g. pat");
        }
        if (methods.stream().distinct().count() != methods.size()) {
            throw invalid(key, String.join(",", methods), "a list without duplicates");
        }
        return methods;
    }

    private Map<String, Map<String, String>> authSettings() {
        Map<String, Map<String, String>> settings = new LinkedHashMap<>();
        Config auth = config.get("warden.auth");
        auth.asNodeList().orElse(List.of()).stream()
                .filter(node -> node.isObject())
                .forEach(method -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    method.asMap().orElse(Map.of()).forEach((k, v) ->
                            values.put(k.substring(method.key().toString().length() + 1), v));
                    settings.put(method.name(), Map.copyOf(values));
                });
        return settings;
    }

    private String string(String key, String fallback) {
        return config.get(key).asString().orElse(fallback);
    }

    private String nonBlank(String key, String fallback, int maxLength) {
        String value = string(key, fallback).strip();
        if (value.isEmpty() || value.length() > maxLength) {
            throw invalid(key, value, "a non-empty text of at most " + maxLength + " characters");
        }
        return value;
    }

    private int integer(String key, int fallback, int min, int max) {
        return (int) longValue(key, fallback, min, max);
    }

    private long longValue(String key, long fallback, long min, long max) {
        Optional<String> value = config.get(key).asString().asOptional();
        if (value.isEmpty() || value.get().isBlank()) {
            return fallback;
        }
        try {
            return checkRange(key, Long.parseLong(value.get().strip()), min, max);
        } catch (NumberFormatException e) {
            throw invalid(key, value.get(), "an integer between " + min + " and " + max);
        }
    }

    private <T extends Comparable<T>> T checkRange(String key, T value, T min, T max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw invalid(key, String.valueOf(value), "a value between " + min + " and " + max);
        }
        return value;
    }

    private Path path(String key, String fallback) {
        return toPath(key, string(key, fallback));
    }

    private Path toPath(String key, String value) {
        if (value.isBlank()) {
            throw invalid(key, value, "a file system path");
        }
        try {
            return Path.of(value.strip());
        } catch (InvalidPathException e) {
            throw invalid(key, value, "a file system path");
        }
    }

    private Instant instant(String value) {
        return Instant.parse(value.strip());
    }

    private <T> Optional<T> optional(String key, Function<String, T> parser, String expected) {
        Optional<String> value = config.get(key).asString().asOptional().filter(v -> !v.isBlank());
        try {
            return value.map(parser);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw invalid(key, value.orElse(""), expected);
        }
    }

    /** The environment variable that sets {@code key}, by Helidon's alias rule. */
    public static String envName(String key) {
        return key.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static ConfigurationException invalid(String key, String value, String expected) {
        String shown = key.endsWith("password") || key.equals("warden.masterkey") ? "(hidden)" : "'" + value + "'";
        return new ConfigurationException("Invalid configuration " + envName(key) + " (" + key + "): expected "
                + expected + ", got " + shown);
    }
}
