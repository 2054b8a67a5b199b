package dev.warden.application.error;

import java.time.Duration;
import java.util.Objects;

/**
 * Too many failed authentications from the caller's address or for the presented credential's id:
 * the failed-authentication limiter holds the request back until {@link #retryAfter()}. Answered
 * 429 with {@code Retry-After}.
 */
public final class TooManyAttemptsException extends WardenException {

    public static final String ERROR_ID = "AUTH-l1m1t";
    public static final String TEXT = "Too many failed authentication attempts, retry later";

    private final Duration retryAfter;

    public TooManyAttemptsException(Duration retryAfter) {
        super(ERROR_ID, TEXT);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** How long the client should wait before it tries again. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** {@link #retryAfter()} in whole seconds, rounded up and at least 1: the value of {@code Retry-After}. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
