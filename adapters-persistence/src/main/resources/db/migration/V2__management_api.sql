-- The management API: the change feed that keeps every node's caches true, and the indexes of its
-- list queries. Same dialect rules as V1 (runs unchanged on MariaDB and on H2 in MariaDB mode).

-- Written by the repositories in the transaction of each change, read by every node, pruned by age.
-- Ids are random positive 63-bit numbers drawn in Java (see MariaDbChangeFeed): no coordination
-- between nodes, and no AUTO_INCREMENT. `kind` is a ChangeKind name; `subject_id` the id it names.
CREATE TABLE change_feed (
    id         BIGINT      NOT NULL,
    kind       VARCHAR(32) NOT NULL,
    subject_id BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- since(t) reads, and prune(t) deletes, by time.
CREATE INDEX ix_change_feed_created_at ON change_feed (created_at);

-- User lists are per organization and sorted, by default, by user name. The new index also serves
-- the foreign key to orgs, so the single-column one goes.
CREATE INDEX ix_users_org_id_user_name ON users (org_id, user_name);
ALTER TABLE users DROP INDEX ix_users_org_id;

-- Token lists are per user, ordered by creation. The same reasoning for the foreign key to users.
CREATE INDEX ix_personal_access_tokens_user_id_created_at ON personal_access_tokens (user_id, created_at);
ALTER TABLE personal_access_tokens DROP INDEX ix_personal_access_tokens_user_id;
