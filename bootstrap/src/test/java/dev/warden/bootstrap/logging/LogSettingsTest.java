package dev.warden.bootstrap.logging;

import dev.warden.http.observe.RequestObservation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class LogSettingsTest {

    private final Logger root = Logger.getLogger("");
    private final Logger warden = Logger.getLogger("dev.warden");
    private final Logger access = Logger.getLogger(RequestObservation.ACCESS_LOGGER);
    private final Level rootLevel = root.getLevel();
    private final Level wardenLevel = warden.getLevel();
    private final List<Level> handlerLevels = java.util.Arrays.stream(root.getHandlers()).map(Handler::getLevel).toList();

    @AfterEach
    void restore() {
        for (Handler handler : access.getHandlers()) {
            access.removeHandler(handler);
            handler.close();
        }
        access.setUseParentHandlers(true);
        access.setLevel(null);
        root.setLevel(rootLevel);
        warden.setLevel(wardenLevel);
        Handler[] handlers = root.getHandlers();
        for (int i = 0; i < handlers.length && i < handlerLevels.size(); i++) {
            handlers[i].setLevel(handlerLevels.get(i));
        }
    }

    @Test
    void levelsAreReadByTheirNamesAndTheCommonAliases() {
        assertThat(LogSettings.level("info")).contains(Level.INFO);
        assertThat(LogSettings.level(" WARNING ")).contains(Level.WARNING);
        assertThat(LogSettings.level("warn")).contains(Level.WARNING);
        assertThat(LogSettings.level("error")).contains(Level.SEVERE);
        assertThat(LogSettings.level("debug")).contains(Level.FINE);
        assertThat(LogSettings.level("trace")).contains(Level.FINEST);
        assertThat(LogSettings.level("loud")).isEmpty();
    }

    @Test
    void theLevelAppliesToWardensLoggersAndTheAccessLogKeepsItsOwn(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("access.log");
        LogSettings.apply(Level.WARNING, file.toString());

        assertThat(warden.isLoggable(Level.INFO)).isFalse();
        assertThat(warden.isLoggable(Level.WARNING)).isTrue();
        assertThat(access.isLoggable(Level.INFO)).as("the access log stays on").isTrue();
        assertThat(access.getUseParentHandlers()).as("its lines are not also text lines").isFalse();
    }

    @Test
    void theAccessLogFileHoldsOneRedactedJsonObjectPerLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("access.log");
        LogSettings.apply(Level.INFO, file.toString());

        access.info("{\"path\":\"/a\",\"status\":200}");
        access.info("{\"path\":\"/oauth/v2/wdn_pat_1234_abcdefghijklmnop\",\"status\":404}");
        for (Handler handler : access.getHandlers()) {
            handler.flush();
        }

        assertThat(Files.readAllLines(file)).containsExactly("{\"path\":\"/a\",\"status\":200}",
                "{\"path\":\"/oauth/v2/wdn_pat_[REDACTED]\",\"status\":404}");
    }

    @Test
    void bufferedLinesReachTheFileWithinAFlushIntervalWithoutAnExplicitFlush(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("access.log");
        LogSettings.apply(Level.INFO, file.toString());

        access.info("{\"path\":\"/b\",\"status\":200}");

        // The flusher writes within FLUSH_MILLIS; the bound is generous for a loaded machine.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (Files.readAllLines(file).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Files.readAllLines(file)).containsExactly("{\"path\":\"/b\",\"status\":200}");
    }

    @Test
    void theAccessLogCanBeSwitchedOff() {
        LogSettings.apply(Level.INFO, "off");

        assertThat(access.isLoggable(Level.INFO)).isFalse();
    }
}
