package dev.warden.bootstrap.config;

import dev.warden.persistence.crypto.HashAlgorithm;
import dev.warden.persistence.signing.SigningAlgorithm;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Warden's typed configuration, read once at start-up by {@link ConfigLoader}. Every key is
 * documented in {@code docs/configuration.md}.
 *
 * @param dbUrl                 JDBC URL of MariaDB, or empty for the embedded H2 database
 * @param externalUrl           the issuer and public base URL, without trailing slash
 * @param nodeId                id-generator node id; empty means random per start
 * @param authMethods           enabled authentication methods, in order
 * @param authSettings          per-method settings ({@code warden.auth.<id>.<key>})
 * @param accessTokenLifetime   lifetime of OAuth access tokens ({@code expires_in})
 * @param idTokenLifetime       lifetime of OpenID Connect id tokens
 * @param assertionMaxLifetime  longest accepted lifetime (and age) of a client assertion
 * @param clockSkew             tolerance for clients' clocks when checking assertion times
 * @param hashAlgorithm         the algorithm new secret hashes are made with; every known one is verified
 * @param masterKey             base64 of the 32-byte key sealing the signing keys; empty = use the key file
 * @param masterKeyFile         the master key file, created on the first start when {@code masterKey} is empty
 * @param signingAlgorithm      what new token signing keys are made for (RS256 or ES256)
 * @param httpTls               TLS of the HTTP listener; empty = plain HTTP
 * @param auditRetention        how long audit events are kept before the purge job deletes them
 * @param auditFailureWindow    failed authentications are coalesced into one audit event per key and window
 * @param faults                database fault handling and shutdown
 * @param failureLimits         the failed-authentication limiter
 * @param trustedProxies        addresses and CIDR networks whose {@code X-Forwarded-For} is believed
 * @param logging               the log level and the access log's destination
 */
public record WardenConfig(
        int httpPort,
        String httpHost,
        long maxPayloadBytes,
        Path dataDir,
        String dbUrl,
        String dbUser,
        String dbPassword,
        int dbPoolSize,
        URI externalUrl,
        Path firstInstancePatFile,
        String firstInstanceOrgName,
        String firstInstanceUserName,
        String firstInstanceUserDisplayName,
        Optional<Instant> firstInstancePatExpiration,
        int argon2MemoryKib,
        int argon2Iterations,
        int argon2Parallelism,
        int hashThreads,
        int hashQueue,
        HashAlgorithm hashAlgorithm,
        long tokenCacheMaxSize,
        Duration tokenCacheTtl,
        Optional<Integer> nodeId,
        Duration clusterPollInterval,
        Duration changeFeedOverlap,
        Duration changeFeedRecheck,
        Duration changeFeedRetention,
        Duration tokenUsageFlushInterval,
        List<String> authMethods,
        Map<String, Map<String, String>> authSettings,
        Duration accessTokenLifetime,
        Duration idTokenLifetime,
        Duration assertionMaxLifetime,
        Duration clockSkew,
        Optional<String> masterKey,
        Path masterKeyFile,
        SigningAlgorithm signingAlgorithm,
        Optional<TlsSettings> httpTls,
        Duration auditRetention,
        Duration auditFailureWindow,
        FaultTolerance faults,
        FailureLimits failureLimits,
        List<String> trustedProxies,
        Logging logging) {

    /**
     * Logging: Warden's log level, and where the access log goes ({@code stdout}, {@code off} or a
     * file path).
     */
    public record Logging(java.util.logging.Level level, String access) {
    }

    /**
     * The failed-authentication limiter: at most {@code addressFailures} failures per client
     * address and {@code credentialFailures} per credential id within {@code window} (a window
     * that decays), remembering at most {@code maxKeys} keys of each kind; a held-back attempt is
     * refused after {@code refusalDelay}.
     */
    public record FailureLimits(boolean enabled, int addressFailures, int credentialFailures, Duration window,
                                long maxKeys, Duration refusalDelay) {
    }

    public boolean embeddedDatabase() {
        return dbUrl.isBlank();
    }

    /** The instance domain: organizations' primary domains end with it. */
    public String instanceDomain() {
        return externalUrl.getHost();
    }

    @Override
    public String toString() {
        // The password and the master key must never reach a log line.
        return "WardenConfig[httpPort=" + httpPort + ", dataDir=" + dataDir + ", db="
                + (embeddedDatabase() ? "embedded H2" : dbUrl) + ", externalUrl=" + externalUrl
                + ", tls=" + httpTls.map(Object::toString).orElse("off") + "]";
    }
}
