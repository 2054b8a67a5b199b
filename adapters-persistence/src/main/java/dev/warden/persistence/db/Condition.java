package dev.warden.persistence.db;

import dev.warden.domain.query.TextMatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Driven adapter: a WHERE condition built from a list filter, with its parameters. The SQL text
 * holds only column names and operators chosen by the repository; every value the client sent is
 * a parameter.
 *
 * @param sql        the condition, fit to stand inside parentheses
 * @param parameters its parameters, in order
 */
public record Condition(String sql, List<Object> parameters) {

    public static final Condition TRUE = new Condition("1 = 1", List.of());
    public static final Condition FALSE = new Condition("1 = 0", List.of());

    public Condition {
        Objects.requireNonNull(sql, "sql");
        parameters = List.copyOf(parameters);
    }

    /** {@code column = value}. */
    public static Condition equal(String column, Object value) {
        return new Condition(column + " = ?", List.of(value));
    }

    /** {@code column IN (values)}; nothing matches an empty list. */
    public static Condition in(String column, Collection<?> values) {
        if (values.isEmpty()) {
            return FALSE;
        }
        String placeholders = values.stream().map(v -> "?").collect(Collectors.joining(", "));
        return new Condition(column + " IN (" + placeholders + ")", List.copyOf(values));
    }

    /** Every condition holds; true for none, as {@code allMatch}. */
    public static Condition and(List<Condition> conditions) {
        return join(conditions, " AND ", TRUE);
    }

    /** Some condition holds; false for none, as {@code anyMatch}. */
    public static Condition or(List<Condition> conditions) {
        return join(conditions, " OR ", FALSE);
    }

    /** The condition does not hold. Only for conditions on NOT NULL columns, which are never unknown. */
    public static Condition not(Condition condition) {
        return new Condition("NOT (" + condition.sql + ")", condition.parameters);
    }

    /**
     * {@code column} compared with {@code text} exactly as {@link TextMatch#matches} compares: by
     * code point, case-sensitively unless the method ignores case, in which case both sides are
     * lower-cased first. Never by the column's collation, which ignores case and accents.
     *
     * <p>A regular expression, because it is the one comparison that is exact on both engines: a
     * LIKE compares by collation unless an operand is binary, and no binary conversion exists on
     * both (MariaDB's {@code CAST(x AS BINARY)} becomes a one-byte {@code BINARY(1)} on H2, H2's
     * {@code VARBINARY} is no MariaDB cast type, and H2 has no {@code COLLATE}). {@code (?-ix)}
     * turns off the case folding that both engines switch on for case-insensitive columns, and any
     * extended syntax a server default may switch on; {@code \A} and {@code \z} anchor at the very
     * ends (where {@code $} would also match before a final line break). The client's text is
     * quoted character by character, so it matches only itself: no wildcard of LIKE or of regular
     * expressions has any meaning in it, and without quantifiers nothing can backtrack.
     */
    public static Condition text(String column, String text, TextMatch match) {
        Objects.requireNonNull(text, "text");
        String operand = match.ignoresCase() ? "LOWER(" + column + ")" : column;
        String literal = quote(match.ignoresCase() ? text.toLowerCase(Locale.ROOT) : text);
        String pattern = switch (match) {
            case EQUALS, EQUALS_IGNORE_CASE -> "\\A" + literal + "\\z";
            case STARTS_WITH, STARTS_WITH_IGNORE_CASE -> "\\A" + literal;
            case CONTAINS, CONTAINS_IGNORE_CASE -> literal;
            case ENDS_WITH, ENDS_WITH_IGNORE_CASE -> literal + "\\z";
        };
        return new Condition(operand + " REGEXP ?", List.of("(?-ix)" + pattern));
    }

    /**
     * The text as a regular expression that matches only itself, in both PCRE (MariaDB) and
     * java.util.regex (H2): every ASCII character other than a letter or digit is preceded by a
     * backslash, which both read as "this character, literally"; letters and digits, and all
     * characters beyond ASCII, stand for themselves. (A backslash before an ASCII letter or digit
     * could start an escape sequence, so those never get one.)
     */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() * 2);
        text.codePoints().forEach(c -> {
            if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                quoted.append('\\');
            }
            quoted.appendCodePoint(c);
        });
        return quoted.toString();
    }

    private static Condition join(List<Condition> conditions, String operator, Condition empty) {
        if (conditions.isEmpty()) {
            return empty;
        }
        if (conditions.size() == 1) {
            return conditions.get(0);
        }
        List<Object> parameters = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        for (Condition condition : conditions) {
            if (!sql.isEmpty()) {
                sql.append(operator);
            }
            sql.append('(').append(condition.sql).append(')');
            parameters.addAll(condition.parameters);
        }
        return new Condition(sql.toString(), parameters);
    }
}
