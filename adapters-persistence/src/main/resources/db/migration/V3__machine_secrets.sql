-- Client secrets of machine users (contract §6.1). Same dialect rules as V1 (runs unchanged on
-- MariaDB and on H2 in MariaDB mode).

-- At most one secret per user: a new one replaces the row. Only an argon2id PHC string of the
-- secret is stored, never the secret. The user's removal deletes the row first (no cascade, as for
-- tokens and memberships: the repositories delete in foreign-key order inside one transaction).
CREATE TABLE machine_secrets (
    user_id     BIGINT       NOT NULL,
    secret_hash VARCHAR(512) NOT NULL,
    sequence    BIGINT       NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    changed_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (user_id),
    CONSTRAINT fk_machine_secrets_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
