-- Warden's own token signing keys (RS256). Same dialect rules as V1 (runs unchanged on MariaDB
-- and on H2 in MariaDB mode); ids come from the id generator, no AUTO_INCREMENT.

-- The public key is PKIX PEM. The private key is PKCS#8 sealed with AES-256-GCM under the master
-- key (additional data: the key id), base64: nothing in a dump signs a token. It is erased when
-- the key is retired, since a retired key only verifies.
-- `active` is 1 for the signing key and NULL for the others; its unique key (NULLs are distinct
-- on both engines) lets exactly one key be active, which makes the first start race-safe across
-- nodes: of two nodes inserting a first key, one gets a duplicate key and loads the other's.
-- `published_until` is NULL for the active key; a retired key verifies until then, then drops out.
CREATE TABLE signing_keys (
    id              BIGINT        NOT NULL,
    algorithm       VARCHAR(16)   NOT NULL,
    public_key      VARCHAR(4096) NOT NULL,
    private_key     VARCHAR(4096) NULL,
    active          TINYINT       NULL,
    created_at      DATETIME(6)   NOT NULL,
    published_until DATETIME(6)   NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_signing_keys_active UNIQUE (active),
    CONSTRAINT ck_signing_keys_active CHECK (active = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
