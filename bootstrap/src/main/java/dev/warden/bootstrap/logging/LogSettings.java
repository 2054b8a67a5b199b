package dev.warden.bootstrap.logging;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * The log level ({@code WARDEN_LOG_LEVEL}) and where the access log goes ({@code WARDEN_LOG_ACCESS}):
 * applied once at start-up, after the logging configuration has set the handlers up.
 *
 * <p>The access log is one JSON object per line, nothing before or after it, through a handler of
 * its own (not the root's text lines): standard output, a file, or nowhere. Its lines pass the same
 * redaction net as every other line.
 */
public final class LogSettings {

    /** Where the access log goes by default. */
    public static final String STDOUT = "stdout";
    /** The access log setting that turns it off. */
    public static final String OFF = "off";

    private static final Map<String, Level> ALIASES = Map.of("ERROR", Level.SEVERE, "WARN", Level.WARNING,
            "DEBUG", Level.FINE, "TRACE", Level.FINEST);
    // java.util.logging holds loggers weakly: a level set on one nobody references would be lost.
    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger WARDEN = Logger.getLogger("dev.warden");
    private static final Logger ACCESS = Logger.getLogger(dev.warden.http.observe.RequestObservation.ACCESS_LOGGER);

    private LogSettings() {
    }

    /**
     * A level by its java.util.logging name ({@code SEVERE}, {@code WARNING}, {@code INFO}, {@code FINE},
     * …) or the common aliases {@code ERROR}, {@code WARN}, {@code DEBUG}, {@code TRACE}; any case.
     */
    public static Optional<Level> level(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT);
        if (ALIASES.containsKey(name)) {
            return Optional.of(ALIASES.get(name));
        }
        try {
            return Optional.of(Level.parse(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Sets Warden's log level (its own loggers, the root and the root's handlers; libraries keep the
     * quieter levels of logging.properties) and sends the access log to {@code access}:
     * {@value #STDOUT}, {@value #OFF} or a file path (appended to).
     */
    public static void apply(Level level, String access) {
        ROOT.setLevel(level);
        WARDEN.setLevel(level);
        for (Handler handler : ROOT.getHandlers()) {
            handler.setLevel(level);
        }
        for (Handler handler : ACCESS.getHandlers()) {
            ACCESS.removeHandler(handler);
            handler.close();
        }
        if (OFF.equalsIgnoreCase(access.strip())) {
            ACCESS.setLevel(Level.OFF);
            return;
        }
        // Its own level: the access log stays on whatever level the other lines are logged at.
        ACCESS.setLevel(Level.INFO);
        ACCESS.setUseParentHandlers(false);
        Handler handler = access.isBlank() || STDOUT.equalsIgnoreCase(access.strip())
                ? new BufferedLineHandler(new FileOutputStream(FileDescriptor.out), false)
                : new BufferedLineHandler(openForAppend(Path.of(access.strip())), true);
        handler.setFormatter(new LogRedaction.RedactingFormatter(new MessageLine()));
        handler.setLevel(Level.INFO);
        ACCESS.addHandler(handler);
    }

    private static OutputStream openForAppend(Path file) {
        try {
            return new FileOutputStream(file.toFile(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the access log file " + file, e);
        }
    }

    /** The message alone and a newline: the access log's lines are JSON objects as they are. */
    static final class MessageLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            return record.getMessage() + System.lineSeparator();
        }
    }

    /**
     * Lines collected in the writer's buffer and written when it is full or every
     * {@value #FLUSH_MILLIS} ms, not one write system call per request (which cost more than
     * building the line): at most that much of the access log is lost if the process is killed;
     * a clean stop flushes it.
     */
    static final class BufferedLineHandler extends StreamHandler {
        static final long FLUSH_MILLIS = 200;
        private final boolean closeStream;
        private final Thread flusher;
        private volatile boolean written;

        BufferedLineHandler(OutputStream out, boolean closeStream) {
            super(out, new MessageLine());
            this.closeStream = closeStream;
            this.flusher = Thread.ofPlatform().daemon().name("access-log-flush").start(this::flushEvery);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            super.publish(record);
            written = true;
        }

        private void flushEvery() {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    Thread.sleep(FLUSH_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
                if (written) {
                    written = false;
                    flush();
                }
            }
        }

        @Override
        public synchronized void close() {
            flusher.interrupt();
            if (closeStream) {
                super.close();
            } else {
                flush();  // never close standard output
            }
        }
    }
}
