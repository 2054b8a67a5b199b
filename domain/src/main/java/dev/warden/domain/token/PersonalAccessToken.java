package dev.warden.domain.token;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A personal access token as stored: metadata and the hash of its secret, never the secret.
 *
 * @param lastUsedAt when it last authenticated a request (recorded in batches), or null if never
 */
public record PersonalAccessToken(long id, long userId, long orgId, SecretHash secretHash,
                                  Instant expiresAt, long sequence, Instant createdAt, Instant changedAt,
                                  Instant lastUsedAt) {

    /** ZITADEL's expiration for tokens created without one. */
    public static final Instant NO_EXPIRATION = Instant.parse("9999-12-31T23:59:59Z");

    /** The fixed scopes every PAT carries, as in ZITADEL. */
    public static final List<String> SCOPES = List.of(
            "openid", "profile", "urn:zitadel:iam:user:metadata", "urn:zitadel:iam:user:resourceowner");

    public PersonalAccessToken {
        if (id <= 0 || userId <= 0 || orgId <= 0) {
            throw new IllegalArgumentException("ids must be positive");
        }
        Objects.requireNonNull(secretHash, "secretHash");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(changedAt, "changedAt");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
    }

    /** A token that has never been used. */
    public PersonalAccessToken(long id, long userId, long orgId, SecretHash secretHash, Instant expiresAt,
                               long sequence, Instant createdAt, Instant changedAt) {
        this(id, userId, orgId, secretHash, expiresAt, sequence, createdAt, changedAt, null);
    }

    /** A new token; a missing expiration means {@link #NO_EXPIRATION}, a past one is refused. */
    public static PersonalAccessToken create(long id, long userId, long orgId, SecretHash hash,
                                             Instant expiresAtOrNull, Instant now) {
        Instant expiresAt = expiresAtOrNull == null ? NO_EXPIRATION : expiresAtOrNull;
        if (!expiresAt.isAfter(now)) {
            throw new ExpirationInPastException();
        }
        return new PersonalAccessToken(id, userId, orgId, hash, expiresAt, 1, now, now);
    }

    public boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
