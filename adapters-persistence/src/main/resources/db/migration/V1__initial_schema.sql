-- Warden's first schema. MariaDB dialect that also runs unchanged on the embedded H2 (MODE=MariaDB):
-- no IF(), no interval arithmetic, no UTC_TIMESTAMP(), no JSON functions. Times are computed in Java
-- and stored as UTC in DATETIME(6). Ids are 64-bit time-ordered ids generated in Java, never
-- AUTO_INCREMENT, so that they can be handed out before the row exists. `sequence` backs ZITADEL's
-- ObjectDetails.sequence.

-- The one instance. The constant primary key makes a second set-up, from any node, fail on its
-- very first insert, inside the transaction that would otherwise create a second admin.
-- No foreign key to orgs: this row is written first, before its default org exists.
CREATE TABLE instance (
    singleton      TINYINT     NOT NULL,
    id             BIGINT      NOT NULL,
    default_org_id BIGINT      NOT NULL,
    created_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (singleton),
    CONSTRAINT ck_instance_singleton CHECK (singleton = 1)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE orgs (
    id             BIGINT       NOT NULL,
    name           VARCHAR(200) NOT NULL,
    primary_domain VARCHAR(512) NOT NULL,
    state          VARCHAR(16)  NOT NULL,
    sequence       BIGINT       NOT NULL,
    created_at     DATETIME(6)  NOT NULL,
    changed_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_orgs_name UNIQUE (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- User names are unique across the instance, as under ZITADEL's default domain policy
-- (userLoginMustBeDomain = false); the case-insensitive collation makes "Bot" and "bot" one name.
CREATE TABLE users (
    id                BIGINT       NOT NULL,
    org_id            BIGINT       NOT NULL,
    user_name         VARCHAR(200) NOT NULL,
    display_name      VARCHAR(200) NOT NULL,
    description       VARCHAR(500) NOT NULL,
    access_token_type VARCHAR(16)  NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    sequence          BIGINT       NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    changed_at        DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_users_user_name UNIQUE (user_name),
    CONSTRAINT fk_users_org FOREIGN KEY (org_id) REFERENCES orgs (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_users_org_id ON users (org_id);

-- Only an argon2id PHC string of the token's secret is stored, never the token.
CREATE TABLE personal_access_tokens (
    id           BIGINT       NOT NULL,
    user_id      BIGINT       NOT NULL,
    org_id       BIGINT       NOT NULL,
    secret_hash  VARCHAR(512) NOT NULL,
    expires_at   DATETIME(6)  NOT NULL,
    last_used_at DATETIME(6)  NULL,
    sequence     BIGINT       NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    changed_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_personal_access_tokens_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_personal_access_tokens_user_id ON personal_access_tokens (user_id);

-- scope 'ORG' has an org id as scope_id, scope 'IAM' the instance id: no foreign key can cover both.
-- roles: the role names, separated by single spaces.
CREATE TABLE memberships (
    user_id    BIGINT        NOT NULL,
    scope      VARCHAR(8)    NOT NULL,
    scope_id   BIGINT        NOT NULL,
    roles      VARCHAR(1000) NOT NULL,
    sequence   BIGINT        NOT NULL,
    created_at DATETIME(6)   NOT NULL,
    changed_at DATETIME(6)   NOT NULL,
    PRIMARY KEY (user_id, scope, scope_id),
    CONSTRAINT fk_memberships_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_memberships_scope ON memberships (scope, scope_id);
