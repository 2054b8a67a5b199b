package dev.warden.persistence.db;

import java.time.Duration;
import java.util.Objects;

/**
 * Driven adapter: how to reach the database and how large a pool to keep.
 *
 * @param jdbcUrl           a MariaDB or H2 JDBC URL (see {@link Database#embeddedH2Url})
 * @param user              database user
 * @param password          database password, may be empty
 * @param maximumPoolSize   most connections the pool opens
 * @param connectionTimeout how long a caller waits for a connection before the database counts as
 *                          unavailable; short, so that an unreachable database fails fast
 * @param networkTimeout    how long a statement of a request or a background job may wait for the
 *                          database's answer before its connection counts as lost: bounds the wait of
 *                          calls in flight when the database freezes or the network drops packets
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maximumPoolSize,
                               Duration connectionTimeout, Duration networkTimeout) {

    public static final int DEFAULT_MAXIMUM_POOL_SIZE = 10;
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofMillis(1500);
    public static final Duration DEFAULT_NETWORK_TIMEOUT = Duration.ofSeconds(10);
    /** HikariCP refuses anything shorter. */
    private static final Duration MINIMUM_CONNECTION_TIMEOUT = Duration.ofMillis(250);

    public DatabaseSettings {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("database URL must not be empty");
        }
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        if (maximumPoolSize < 1) {
            throw new IllegalArgumentException("maximum pool size must be at least 1");
        }
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        if (connectionTimeout.compareTo(MINIMUM_CONNECTION_TIMEOUT) < 0) {
            throw new IllegalArgumentException("connection timeout must be at least 250 ms");
        }
        Objects.requireNonNull(networkTimeout, "networkTimeout");
        if (networkTimeout.compareTo(connectionTimeout) < 0) {
            throw new IllegalArgumentException("network timeout must be at least the connection timeout");
        }
    }

    /** Settings with the default network timeout. */
    public DatabaseSettings(String jdbcUrl, String user, String password, int maximumPoolSize,
                            Duration connectionTimeout) {
        this(jdbcUrl, user, password, maximumPoolSize, connectionTimeout,
                connectionTimeout.compareTo(DEFAULT_NETWORK_TIMEOUT) > 0 ? connectionTimeout : DEFAULT_NETWORK_TIMEOUT);
    }

    /** Settings with the default pool size and connection timeout. */
    public DatabaseSettings(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, DEFAULT_MAXIMUM_POOL_SIZE, DEFAULT_CONNECTION_TIMEOUT);
    }

    /** The URL without anything after {@code ?} or {@code ;}, where credentials may hide: fit for logs. */
    public String redactedUrl() {
        int cut = jdbcUrl.length();
        for (char c : new char[] {'?', ';'}) {
            int at = jdbcUrl.indexOf(c);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        return jdbcUrl.substring(0, cut);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + redactedUrl() + ", user=" + user + ", password=redacted, maximumPoolSize="
                + maximumPoolSize + ", connectionTimeout=" + connectionTimeout + ", networkTimeout=" + networkTimeout + "]";
    }
}
