-- The audit log of security events (issue 6). Same dialect rules as V1 (runs unchanged on MariaDB
-- and on H2 in MariaDB mode); ids come from the time-ordered id generator, no AUTO_INCREMENT.
-- Rows name ids only, never a secret. No foreign keys: an event outlives the user, token or
-- organization it names. Rows older than warden.audit.retention are purged by a scheduled job.
CREATE TABLE audit_events (
    id              BIGINT       NOT NULL,
    occurred_at     DATETIME(6)  NOT NULL,
    event_type      VARCHAR(64)  NOT NULL,
    actor_user_id   BIGINT       NOT NULL,
    org_id          BIGINT       NOT NULL,
    subject_user_id BIGINT       NOT NULL,
    target_id       VARCHAR(64)  NOT NULL,
    client_address  VARCHAR(64)  NOT NULL,
    detail          VARCHAR(255) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The purge and the time filter read by time.
CREATE INDEX ix_audit_events_occurred_at ON audit_events (occurred_at);
