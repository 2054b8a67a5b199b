package dev.warden.application.port.out;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Driven port: counts failed authentications per key — a client address or a presented
 * credential's id — in a window that decays, so that a key is held back only while failures come
 * faster than the configured rate and never for good. Bounded in memory.
 */
public interface FailedAuthenticationLimiter {

    /** What a failure is counted against; each kind has its own threshold. */
    enum KeyKind { ADDRESS, CREDENTIAL }

    /** One counted key: a client address, or a credential id qualified by its kind ({@code pat:123}). */
    record Key(KeyKind kind, String value) {
        public Key {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
        }
    }

    /** How long until every one of {@code keys} takes failures again; {@link Duration#ZERO} when none is held back. */
    Duration retryAfter(List<Key> keys);

    /** Counts one failure against each key; returns those that this failure brought to their limit. */
    List<Key> failed(List<Key> keys);
}
