-- Machine keys of service users (contract §6.2): the RSA public keys with which they sign
-- JWT-profile assertions. Same dialect rules as V1 (runs unchanged on MariaDB and on H2 in
-- MariaDB mode).

-- Only the public key is stored, as canonical PKIX PEM (a 2048-bit key is about 450 characters,
-- the largest accepted, 16384 bits, about 2900). A generated private key is handed to the client
-- once and never written anywhere. The user's removal deletes the rows first (no cascade, as for
-- tokens: the repositories delete in foreign-key order inside one transaction).
CREATE TABLE machine_keys (
    id          BIGINT        NOT NULL,
    user_id     BIGINT        NOT NULL,
    org_id      BIGINT        NOT NULL,
    public_key  VARCHAR(4096) NOT NULL,
    expires_at  DATETIME(6)   NOT NULL,
    sequence    BIGINT        NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    changed_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_machine_keys_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Key lists are per user, ordered by creation; the index also serves the foreign key to users.
CREATE INDEX ix_machine_keys_user_id_created_at ON machine_keys (user_id, created_at);
