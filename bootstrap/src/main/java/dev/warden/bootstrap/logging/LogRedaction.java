package dev.warden.bootstrap.logging;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The safety net under Warden's logging: whatever a log line says — Warden's own, a library's, an
 * exception's message or stack trace — credential-like text is replaced before it is written.
 * Warden's code does not log secrets in the first place (the end-to-end tests prove it); this
 * catches the mistakes of libraries and of future code.
 *
 * <p>Redacted: Warden tokens ({@code wdn_…}), the value of {@code Authorization} headers,
 * JWTs and other base64 JSON ({@code eyJ…}), PEM blocks, {@code secret=}/{@code password=}-style
 * pairs, and 64-character alphanumeric words (Warden's client secrets).
 */
public final class LogRedaction {

    /** What replaces a secret. */
    public static final String REDACTED = "[REDACTED]";

    /**
     * A pattern, its replacement, and a cheap necessary condition for it to match: most lines hold
     * none of the rules' literals, and skipping the regular expressions there keeps the net cheap
     * enough for the access log's line per request. A condition may be true without a match, never
     * false with one.
     */
    private record Rule(Pattern pattern, String replacement, Predicate<Text> mayMatch) {
    }

    private static final List<Rule> RULES = List.of(
            // A PEM block, or its start when a message was cut off: the header stays, the body goes.
            new Rule(Pattern.compile("(-----BEGIN [A-Z0-9 ]{1,40}-----)(?:.*?-----END [A-Z0-9 ]{1,40}-----|.*)",
                    Pattern.DOTALL), "$1" + REDACTED + "-----END-----", t -> t.text.contains("-----BEGIN ")),
            // The whole rest of the value: a scheme's parameters may hold the secret anywhere.
            new Rule(Pattern.compile("(?i)(authorization[\"']?\\s*[:=]\\s*[\"']?)[^\\r\\n\"']+"), "$1" + REDACTED,
                    t -> t.lower().contains("authorization")),
            new Rule(Pattern.compile("(wdn_[a-z]{1,10}_)[A-Za-z0-9_-]+"), "$1" + REDACTED, t -> t.text.contains("wdn_")),
            // JOSE headers and every JSON object start with {" — base64 "eyJ": JWTs, key files.
            new Rule(Pattern.compile("eyJ[A-Za-z0-9_+/=-]{8,}(?:\\.[A-Za-z0-9_+/=-]*){0,4}"), REDACTED,
                    t -> t.text.contains("eyJ")),
            new Rule(Pattern.compile("(?i)((?:client_secret|clientsecret|client_assertion|assertion|secret|password"
                    + "|passphrase|access_token|refresh_token|id_token|token)[\"']?\\s*[:=]\\s*[\"']?)"
                    + "[^\\s\"'&,;)}\\]]{4,}"), "$1" + REDACTED,
                    // Every keyword above contains one of these.
                    t -> t.lower().contains("secret") || t.lower().contains("assertion") || t.lower().contains("pass")
                            || t.lower().contains("token")),
            new Rule(Pattern.compile("(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])"), REDACTED,
                    t -> hasAlphanumericRun(t.text, 64)));

    /** A line being redacted, with its lower-case form computed at most once. */
    private static final class Text {
        final String text;
        private String lower;

        Text(String text) {
            this.text = text;
        }

        // ASCII letters lower-case to ASCII letters, so (?i) matches (ASCII-only) are never missed.
        String lower() {
            if (lower == null) {
                lower = text.toLowerCase(Locale.ROOT);
            }
            return lower;
        }
    }

    private static boolean hasAlphanumericRun(String text, int length) {
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                if (++run >= length) {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        return false;
    }

    private LogRedaction() {
    }

    /** {@code text} with every credential-like part replaced by {@link #REDACTED}. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Text current = new Text(text);
        for (Rule rule : RULES) {
            if (!rule.mayMatch().test(current)) {
                continue;
            }
            Matcher matcher = rule.pattern().matcher(current.text);
            if (matcher.find()) {
                current = new Text(matcher.replaceAll(rule.replacement()));
            }
        }
        return current.text;
    }

    /**
     * Puts the safety net under every handler of the root logger (what the logging configuration
     * set up): each formats as before, then redacts. Safe to call twice.
     */
    public static void install() {
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            Formatter current = handler.getFormatter();
            if (!(current instanceof RedactingFormatter)) {
                handler.setFormatter(new RedactingFormatter(current));
            }
        }
    }

    /** A formatter that formats with another one, then redacts the whole line, stack trace included. */
    public static final class RedactingFormatter extends Formatter {

        private final Formatter delegate;

        public RedactingFormatter(Formatter delegate) {
            this.delegate = delegate == null ? new java.util.logging.SimpleFormatter() : delegate;
        }

        @Override
        public String format(LogRecord record) {
            return redact(delegate.format(record));
        }

        @Override
        public String getHead(Handler handler) {
            return delegate.getHead(handler);
        }

        @Override
        public String getTail(Handler handler) {
            return delegate.getTail(handler);
        }
    }
}
