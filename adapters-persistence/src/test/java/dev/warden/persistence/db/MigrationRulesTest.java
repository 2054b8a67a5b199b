package dev.warden.persistence.db;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rule that makes rolling upgrades safe (docs/operations.md, "Upgrades"): a migration only adds.
 * A node of the previous release keeps running on the new schema, so no migration may drop,
 * rename or retype what that node reads or writes, nor add a column it cannot insert without
 * naming, nor a constraint its writes may break. Anything else needs an entry in {@link #ALLOWED}
 * saying why the old release is not affected.
 */
class MigrationRulesTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /** Statements that break the rule on their face, each with why no release is hurt by it. */
    private static final Map<String, String> ALLOWED = Map.of(
            "V2__management_api.sql: ALTER TABLE USERS DROP INDEX IX_USERS_ORG_ID",
            "an index changes no result; ix_users_org_id_user_name, created just before, serves the same "
                    + "lookups and the foreign key",
            "V2__management_api.sql: ALTER TABLE PERSONAL_ACCESS_TOKENS DROP INDEX IX_PERSONAL_ACCESS_TOKENS_USER_ID",
            "an index changes no result; ix_personal_access_tokens_user_id_created_at, created just before, "
                    + "serves the same lookups and the foreign key");

    private static final Pattern FORBIDDEN = Pattern.compile(
            "^(DROP|RENAME|TRUNCATE|DELETE|UPDATE|REPLACE)\\b"
                    + "|^ALTER TABLE \\S+ .*\\b(DROP|RENAME|MODIFY|CHANGE|ALTER COLUMN|CONVERT TO|ENGINE)\\b");
    private static final Pattern ALTER_TABLE = Pattern.compile("^ALTER TABLE (\\S+) (.*)$");
    private static final Pattern CREATE_TABLE = Pattern.compile("^CREATE TABLE (?:IF NOT EXISTS )?(\\S+) .*");
    private static final Pattern CREATE_UNIQUE_INDEX = Pattern.compile("^CREATE UNIQUE INDEX \\S+ ON (\\S+) .*");
    private static final Pattern ADDS_ONLY = Pattern.compile("^(CREATE TABLE|CREATE INDEX|CREATE UNIQUE INDEX"
            + "|ALTER TABLE|INSERT INTO)\\b.*");

    @Test
    void everyShippedMigrationOnlyAdds() throws IOException {
        List<String> violations = new ArrayList<>();
        Set<String> allowedAndSeen = new HashSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                for (String problem : violations(Files.readString(file))) {
                    String key = name + ": " + problem;
                    if (ALLOWED.containsKey(key)) {
                        allowedAndSeen.add(key);
                    } else {
                        violations.add(key);
                    }
                }
            }
        }
        assertThat(violations).as("migrations that an older node running beside them may not survive; see "
                + "docs/operations.md (Upgrades)").isEmpty();
        assertThat(allowedAndSeen).as("allow-list entries that no migration needs any more")
                .containsExactlyInAnyOrderElementsOf(ALLOWED.keySet());
    }

    @Test
    void theRulesCatchWhatWouldBreakAnOlderNode() {
        assertThat(violations("ALTER TABLE users DROP COLUMN description;")).hasSize(1);
        assertThat(violations("ALTER TABLE users RENAME COLUMN description TO about;")).hasSize(1);
        assertThat(violations("ALTER TABLE users MODIFY description VARCHAR(10) NOT NULL;")).hasSize(1);
        assertThat(violations("ALTER TABLE users CHANGE description about VARCHAR(500);")).hasSize(1);
        assertThat(violations("DROP TABLE users;")).hasSize(1);
        assertThat(violations("RENAME TABLE users TO accounts;")).hasSize(1);
        assertThat(violations("UPDATE users SET state = 'X';")).hasSize(1);
        assertThat(violations("ALTER TABLE users ADD COLUMN tier INT NOT NULL;")).hasSize(1);
        assertThat(violations("ALTER TABLE users ADD tier INT NULL, ADD COLUMN rank INT NOT NULL;")).hasSize(1);
        assertThat(violations("ALTER TABLE users ADD CONSTRAINT uq_x UNIQUE (display_name);")).hasSize(1);
        assertThat(violations("CREATE UNIQUE INDEX uq_x ON users (display_name);")).hasSize(1);
        assertThat(violations("GRANT ALL ON *.* TO someone;")).hasSize(1);
    }

    @Test
    void theRulesLetAdditionsThrough() {
        assertThat(violations("""
                -- a comment that says DROP TABLE users;
                CREATE TABLE things (id BIGINT NOT NULL, name VARCHAR(20) NOT NULL, PRIMARY KEY (id),
                    CONSTRAINT uq_things_name UNIQUE (name)) ENGINE = InnoDB;
                CREATE UNIQUE INDEX uq_things_id_name ON things (id, name);
                CREATE INDEX ix_users_changed_at ON users (changed_at);
                ALTER TABLE users ADD COLUMN tier INT NOT NULL DEFAULT 0, ADD COLUMN note VARCHAR(20) NULL;
                ALTER TABLE users ADD nickname VARCHAR(20);
                ALTER TABLE users ADD INDEX ix_users_tier (tier);
                INSERT INTO things (id, name) VALUES (1, 'a;b');
                """)).isEmpty();
    }

    /** What in this migration script breaks the rule, as its normalised statements. */
    static List<String> violations(String script) {
        List<String> problems = new ArrayList<>();
        Set<String> createdHere = new HashSet<>();
        for (String statement : statements(script)) {
            var created = CREATE_TABLE.matcher(statement);
            if (created.matches()) {
                createdHere.add(created.group(1));
            }
            if (!ADDS_ONLY.matcher(statement).matches() || FORBIDDEN.matcher(statement).find()
                    || breaksOldWrites(statement, createdHere)) {
                problems.add(statement);
            }
        }
        return problems;
    }

    /** A new unique or foreign key, or a column without a default that the old INSERTs do not name. */
    private static boolean breaksOldWrites(String statement, Set<String> createdHere) {
        var unique = CREATE_UNIQUE_INDEX.matcher(statement);
        if (unique.matches()) {
            return !createdHere.contains(unique.group(1));
        }
        var alter = ALTER_TABLE.matcher(statement);
        if (!alter.matches() || createdHere.contains(alter.group(1))) {
            return false;
        }
        for (String clause : topLevelClauses(alter.group(2))) {
            if (clause.matches("ADD (CONSTRAINT|UNIQUE|FOREIGN KEY|PRIMARY KEY)\\b.*")) {
                return true;
            }
            boolean column = clause.startsWith("ADD ")
                    && !clause.matches("ADD (INDEX|KEY|FULLTEXT|SPATIAL)\\b.*");
            if (column && clause.contains("NOT NULL") && !clause.contains(" DEFAULT ")) {
                return true;
            }
        }
        return false;
    }

    /** The script's statements without comments, upper-cased, with single spaces. */
    private static List<String> statements(String script) {
        StringBuilder code = new StringBuilder();
        for (String line : script.split("\n")) {
            int comment = line.indexOf("--");
            code.append(comment < 0 ? line : line.substring(0, comment)).append(' ');
        }
        List<String> statements = new ArrayList<>();
        for (String part : splitOutsideQuotes(code.toString(), ';')) {
            String statement = part.replaceAll("\\s+", " ").strip().toUpperCase(Locale.ROOT);
            if (!statement.isEmpty()) {
                statements.add(statement);
            }
        }
        return statements;
    }

    /** The comma-separated clauses of an ALTER TABLE, ignoring commas inside parentheses. */
    private static List<String> topLevelClauses(String clauses) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < clauses.length(); i++) {
            char c = clauses.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                parts.add(clauses.substring(start, i).strip());
                start = i + 1;
            }
        }
        parts.add(clauses.substring(start).strip());
        return parts;
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
