package dev.warden.bootstrap.e2e;

import dev.warden.bootstrap.logging.LogRedaction;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Every secret the end-to-end tests were handed by the API (PATs, client secrets, key files,
 * access tokens), and everything the JVM logged while they ran. A secret found in a log line,
 * in an error body or in a database dump is a finding; {@link SecretLeakWatch} fails the test
 * class in which findings appear.
 *
 * <p>Logs are checked twice: every line as the server's redacting formatter writes it (what an
 * operator's log holds) must be clean, and Warden's own lines must be clean even before redaction
 * — its code must not lean on the safety net.
 */
final class SecretLedger {

    /** Shorter strings are not secrets worth tracking (and would match by chance). */
    static final int MIN_SECRET_LENGTH = 16;

    private static final SecretLedger INSTANCE = new SecretLedger();

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();
    private final List<String> findings = new ArrayList<>();
    /** Everything logged so far, raw (Warden's loggers) and as written (all loggers), for secrets recorded later. */
    private final StringBuilder rawOwnLog = new StringBuilder();
    private final StringBuilder writtenLog = new StringBuilder();
    private final Capture capture = new Capture();
    private final java.util.concurrent.atomic.AtomicLong logRecords = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong textsChecked = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean installed;

    static SecretLedger get() {
        return INSTANCE;
    }

    /** Starts capturing the JVM's log records (once; later calls do nothing). */
    void install() {
        if (!installed) {
            synchronized (this) {
                if (!installed) {
                    capture.setLevel(Level.ALL);
                    Logger.getLogger("").addHandler(capture);
                    installed = true;
                }
            }
        }
    }

    /** Records a secret the API handed out; it must never show up in logs, error bodies or a dump. */
    void record(String kind, String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH || !secrets.add(secret)) {
            return;
        }
        synchronized (this) {
            check("earlier log lines (raw, Warden's own)", rawOwnLog, secret, kind);
            check("earlier log lines (as written)", writtenLog, secret, kind);
        }
    }

    /** Records a machine or app key file (base64 of JSON holding a PEM private key) and the key inside. */
    void recordKeyFile(String base64KeyDetails) {
        record("key file", base64KeyDetails);
        String json = new String(Base64.getDecoder().decode(base64KeyDetails), java.nio.charset.StandardCharsets.UTF_8);
        int begin = json.indexOf("-----BEGIN");
        if (begin >= 0) {
            // The first body line of the PEM (after the header and its escaped newline).
            String body = json.substring(json.indexOf("-----", begin + 10) + 5).replace("\\n", "\n").strip();
            record("private key", body.lines().findFirst().orElse(""));
        }
    }

    /** The secrets recorded so far. */
    Set<String> secrets() {
        return Set.copyOf(secrets);
    }

    /** Checks a text that must hold no secret (an error body, a database dump); a hit becomes a finding. */
    void checkText(String where, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        textsChecked.incrementAndGet();
        for (String secret : secrets) {
            if (text.contains(secret)) {
                addFinding("a secret (" + abbreviate(secret) + ") appeared in " + where);
            }
        }
    }

    /** How much was checked so far: the figures docs/security.md reports. */
    synchronized String summary() {
        return "secrets recorded: " + secrets.size() + ", log records checked: " + logRecords.get()
                + " (" + writtenLog.length() + " characters as written), error bodies and database dumps checked: "
                + textsChecked.get();
    }

    /** The findings so far, cleared: each is reported once. */
    synchronized List<String> takeFindings() {
        List<String> taken = List.copyOf(findings);
        findings.clear();
        return taken;
    }

    private synchronized void addFinding(String finding) {
        findings.add(finding);
    }

    private void check(String where, StringBuilder log, String secret, String kind) {
        if (log.indexOf(secret) >= 0) {
            addFinding("a " + kind + " (" + abbreviate(secret) + ") appeared in " + where);
        }
    }

    /** Enough of a secret to find it in the report, not enough to use it. */
    static String abbreviate(String secret) {
        return secret.substring(0, Math.min(8, secret.length())) + "…";
    }

    /** Each record formatted in full (message, every cause and its stack), raw and redacted. */
    private final class Capture extends Handler {

        private final SimpleFormatter formatter = new SimpleFormatter();
        private final LogRedaction.RedactingFormatter redacting = new LogRedaction.RedactingFormatter(formatter);

        @Override
        public void publish(LogRecord record) {
            // SimpleFormatter prints the thrown's whole stack trace, causes and their messages included.
            String raw = formatter.format(record);
            String written = redacting.format(record);
            boolean own = record.getLoggerName() != null && record.getLoggerName().startsWith("dev.warden");
            String where = "the log of " + record.getLoggerName();
            logRecords.incrementAndGet();
            for (String secret : secrets) {
                if (own && raw.contains(secret)) {
                    addFinding("a secret (" + abbreviate(secret) + ") appeared raw in " + where);
                }
                if (written.contains(secret)) {
                    addFinding("a secret (" + abbreviate(secret) + ") appeared as written in " + where);
                }
            }
            synchronized (SecretLedger.this) {
                if (own) {
                    rawOwnLog.append(raw).append('\n');
                }
                writtenLog.append(written).append('\n');
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
