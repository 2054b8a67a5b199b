-- OAuth access tokens (contract §7.3) and the replay guard of client assertions. Same dialect
-- rules as V1 (runs unchanged on MariaDB and on H2 in MariaDB mode).

-- Every issued access token, opaque or JWT: a JWT access token is valid only while its row exists,
-- so revocation is a DELETE for both forms. Opaque tokens store the SHA-256 of their 256-bit
-- random secret (base64url, 43 characters), JWT ones none. Scopes and audience are space-separated.
-- Unlike the other credential tables, the foreign keys cascade: removing a machine key must kill
-- every token obtained with it in the same statement, and removing a user (or its organization)
-- removes its tokens without the removal code knowing this table. Those removals write
-- USER_CHANGED to the change feed, which makes every node forget the cached principals.
CREATE TABLE access_tokens (
    id             BIGINT        NOT NULL,
    user_id        BIGINT        NOT NULL,
    org_id         BIGINT        NOT NULL,
    client_id      VARCHAR(200)  NOT NULL,
    token_type     VARCHAR(16)   NOT NULL,
    machine_key_id BIGINT        NULL,
    scopes         VARCHAR(4000) NOT NULL,
    audience       VARCHAR(4000) NOT NULL,
    secret_digest  VARCHAR(64)   NULL,
    issued_at      DATETIME(6)   NOT NULL,
    expires_at     DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_access_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_access_tokens_machine_key FOREIGN KEY (machine_key_id) REFERENCES machine_keys (id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_access_tokens_user_id ON access_tokens (user_id);
CREATE INDEX ix_access_tokens_machine_key_id ON access_tokens (machine_key_id);
-- The periodic purge deletes by expiry.
CREATE INDEX ix_access_tokens_expires_at ON access_tokens (expires_at);

-- Used client assertions (JWT-profile grants): one row per (issuer, jti) until the assertion's
-- window ends, on every node alike. The key is the SHA-256 (base64url) of issuer and replay key,
-- so that neither length nor characters of a client's jti matter.
CREATE TABLE assertion_replays (
    replay_digest CHAR(43)    NOT NULL,
    expires_at    DATETIME(6) NOT NULL,
    PRIMARY KEY (replay_digest)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

CREATE INDEX ix_assertion_replays_expires_at ON assertion_replays (expires_at);
