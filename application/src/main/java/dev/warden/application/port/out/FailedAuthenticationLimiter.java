package dev.warden.application.port.out;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Driven port: counts failed authentications per key — a client address or a presented
 * credential's id — in a window that decays, so that a key is held back only while failures come
 * faster than the configured rate and never for good. Bounded in memory.
 *
 * <p>An attempt is charged as a failure when it is admitted, before it is verified, and forgiven
 * if it turns out not to fail: so many attempts arriving at once cannot all slip through while the
 * first of them are still being verified.
 */
public interface FailedAuthenticationLimiter {

    /** What a failure is counted against; each kind has its own threshold. */
    enum KeyKind { ADDRESS, CREDENTIAL }

    /** One counted key: a client address, or a credential id qualified by its kind ({@code wdn_pat_123}). */
    record Key(KeyKind kind, String value) {
        public Key {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The answer to an attempt: admitted ({@link #retryAfter()} zero; then {@link #reached()} lists
     * the keys whose limit this attempt's charge reached), or held back for {@link #retryAfter()}.
     */
    record Admission(Duration retryAfter, List<Key> reached) {
        public Admission {
            Objects.requireNonNull(retryAfter, "retryAfter");
            reached = List.copyOf(reached);
        }

        public boolean admitted() {
            return retryAfter.isZero();
        }
    }

    /**
     * Admits an attempt unless one of {@code keys} is held back. An admitted attempt is charged one
     * failure against each key in advance; a held-back one is charged nothing.
     */
    Admission admit(List<Key> keys);

    /** Takes back the advance charge of an admitted attempt that did not fail. */
    void forgive(List<Key> keys);

    /** How long until every one of {@code keys} takes an attempt again; {@link Duration#ZERO} when none is held back. */
    Duration retryAfter(List<Key> keys);
}
