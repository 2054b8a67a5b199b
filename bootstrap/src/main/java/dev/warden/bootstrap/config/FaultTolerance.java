package dev.warden.bootstrap.config;

import java.time.Duration;

/**
 * How Warden behaves when the database fails and when it stops (documented in
 * {@code docs/reliability.md} and {@code docs/configuration.md}).
 *
 * @param dbConnectionTimeout longest a call waits for a pooled connection before answering 503
 * @param dbNetworkTimeout    longest a statement waits for the database's answer
 * @param dbCheckInterval     how often a connection outside the pool asks the database whether it answers
 * @param cacheStaleAfter     how long after the change feed was last read cached credentials are still trusted
 * @param shutdownGrace       how long requests in flight may take to finish when Warden stops
 */
public record FaultTolerance(Duration dbConnectionTimeout, Duration dbNetworkTimeout, Duration dbCheckInterval,
                             Duration cacheStaleAfter, Duration shutdownGrace) {
}
