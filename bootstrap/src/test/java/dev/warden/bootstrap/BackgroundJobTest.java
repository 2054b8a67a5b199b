package dev.warden.bootstrap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundJobTest {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger logger = Logger.getLogger(BackgroundJob.class.getName());

    @BeforeEach
    void listen() {
        // A filter sees every record the logger publishes, without a handler of the test's own.
        logger.setFilter(record -> records.add(record));
    }

    @AfterEach
    void stopListening() {
        logger.setFilter(null);
    }

    @Test
    void aRunOfFailuresIsLoggedOnceWhenItBeginsAndOnceWhenItEndsAndNeverEndsTheJob() {
        AtomicBoolean failing = new AtomicBoolean(true);
        BackgroundJob job = new BackgroundJob("Polling the feed", () -> {
            if (failing.get()) {
                throw new IllegalStateException("Database unavailable");
            }
        });

        for (int i = 0; i < 5; i++) {
            job.run();
        }
        failing.set(false);
        job.run();
        job.run();
        failing.set(true);
        job.run();
        job.run();

        List<String> warnings = messages(Level.WARNING);
        assertThat(warnings).hasSize(2).allSatisfy(m -> assertThat(m)
                .isEqualTo("Polling the feed failed: Database unavailable; retrying at every run until it works"));
        assertThat(messages(Level.INFO)).singleElement().satisfies(m -> assertThat(m)
                .startsWith("Polling the feed works again after ").endsWith(" ms (5 failed run(s))"));
    }

    private List<String> messages(Level level) {
        return records.stream().filter(r -> r.getLevel() == level).map(LogRecord::getMessage).toList();
    }
}
