package dev.warden.domain.serviceuser;

import dev.warden.domain.token.SecretHash;

import java.time.Instant;
import java.util.Objects;

/**
 * The client secret of a machine user, as stored: only its hash. A user has at most one; a new one
 * replaces it ({@link #replacedBy}), one change later. {@code createdAt} is when the user first got
 * a secret, {@code changedAt} when the current one was generated.
 */
public record MachineSecret(long userId, SecretHash hash, long sequence, Instant createdAt, Instant changedAt) {

    public MachineSecret {
        if (userId <= 0) {
            throw new IllegalArgumentException("user id must be positive");
        }
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(changedAt, "changedAt");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
        if (changedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("a secret cannot change before it was created");
        }
    }

    /** The first secret of a user. */
    public static MachineSecret create(long userId, SecretHash hash, Instant now) {
        return new MachineSecret(userId, hash, 1, now, now);
    }

    /** This user's secret replaced by a new one, one change later; the old one no longer matches. */
    public MachineSecret replacedBy(SecretHash newHash, Instant now) {
        return new MachineSecret(userId, newHash, sequence + 1, createdAt, now.isBefore(createdAt) ? createdAt : now);
    }
}
