-- Projects, project roles, API applications, application keys and user grants (projects contract).
-- Same dialect rules as V1 (runs unchanged on MariaDB and on H2 in MariaDB mode). Unlike the user
-- tables, these cascade by foreign key: removing an organization, project, role, app or user takes
-- everything hanging from it in the same statement, so no repository can forget a table.

-- Names unique per organization, ignoring case (the collation), as organization names are.
CREATE TABLE projects (
    id                       BIGINT       NOT NULL,
    org_id                   BIGINT       NOT NULL,
    name                     VARCHAR(200) NOT NULL,
    state                    VARCHAR(16)  NOT NULL,
    project_role_assertion   BOOLEAN      NOT NULL,
    project_role_check       BOOLEAN      NOT NULL,
    has_project_check        BOOLEAN      NOT NULL,
    private_labeling_setting VARCHAR(64)  NOT NULL,
    sequence                 BIGINT       NOT NULL,
    created_at               DATETIME(6)  NOT NULL,
    changed_at               DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_projects_org_name UNIQUE (org_id, name),
    CONSTRAINT fk_projects_org FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Role keys are case-sensitive (they are token claims): a binary collation for the key only.
CREATE TABLE project_roles (
    project_id   BIGINT       NOT NULL,
    role_key     VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    org_id       BIGINT       NOT NULL,
    display_name VARCHAR(200) NOT NULL,
    role_group   VARCHAR(200) NOT NULL,
    sequence     BIGINT       NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    changed_at   DATETIME(6)  NOT NULL,
    PRIMARY KEY (project_id, role_key),
    CONSTRAINT fk_project_roles_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Only an argon2id PHC string of the client secret, never the secret; NULL when the app has none.
CREATE TABLE api_apps (
    id          BIGINT       NOT NULL,
    project_id  BIGINT       NOT NULL,
    org_id      BIGINT       NOT NULL,
    name        VARCHAR(200) NOT NULL,
    client_id   VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    auth_method VARCHAR(32)  NOT NULL,
    state       VARCHAR(16)  NOT NULL,
    secret_hash VARCHAR(512) NULL,
    sequence    BIGINT       NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    changed_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_api_apps_project_name UNIQUE (project_id, name),
    CONSTRAINT uq_api_apps_client_id UNIQUE (client_id),
    CONSTRAINT fk_api_apps_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Public keys only (PKIX PEM); the private key went to the client once.
CREATE TABLE app_keys (
    id          BIGINT        NOT NULL,
    app_id      BIGINT        NOT NULL,
    project_id  BIGINT        NOT NULL,
    org_id      BIGINT        NOT NULL,
    public_key  VARCHAR(4096) NOT NULL,
    expires_at  DATETIME(6)   NOT NULL,
    sequence    BIGINT        NOT NULL,
    created_at  DATETIME(6)   NOT NULL,
    changed_at  DATETIME(6)   NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_app_keys_app FOREIGN KEY (app_id) REFERENCES api_apps (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_app_keys_app_id_created_at ON app_keys (app_id, created_at);

-- One grant per (org, user, project). The user may belong to another organization than the grant.
CREATE TABLE user_grants (
    id         BIGINT      NOT NULL,
    org_id     BIGINT      NOT NULL,
    user_id    BIGINT      NOT NULL,
    project_id BIGINT      NOT NULL,
    state      VARCHAR(16) NOT NULL,
    sequence   BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    changed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_user_grants_org_user_project UNIQUE (org_id, user_id, project_id),
    CONSTRAINT fk_user_grants_org FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_grants_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_grants_project FOREIGN KEY (project_id) REFERENCES projects (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Role claims read a user's grants on a project.
CREATE INDEX ix_user_grants_user_project ON user_grants (user_id, project_id);
CREATE INDEX ix_user_grants_project ON user_grants (project_id);

-- The keys of a grant, in the client's order. The composite foreign key makes removing a role
-- remove its key from every grant.
CREATE TABLE user_grant_roles (
    grant_id   BIGINT       NOT NULL,
    position   INT          NOT NULL,
    project_id BIGINT       NOT NULL,
    role_key   VARCHAR(200) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (grant_id, role_key),
    CONSTRAINT fk_user_grant_roles_grant FOREIGN KEY (grant_id) REFERENCES user_grants (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_grant_roles_role FOREIGN KEY (project_id, role_key)
        REFERENCES project_roles (project_id, role_key) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_user_grant_roles_role ON user_grant_roles (project_id, role_key);
