package dev.warden.bootstrap;

import dev.warden.bootstrap.config.ConfigLoader;
import dev.warden.bootstrap.config.ConfigurationException;
import dev.warden.bootstrap.config.WardenConfig;
import dev.warden.bootstrap.logging.LogRedaction;
import dev.warden.bootstrap.logging.LogSettings;
import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Starts Warden: configuration, composition root, server. */
public final class Main {

    private static final Logger LOG = Logger.getLogger(Main.class.getName());

    private Main() {
    }

    /** The messages of the exception and its causes on one line: what an operator needs first. */
    static String causes(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null && t != t.getCause(); t = t.getCause()) {
            String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
            if (text.indexOf(message) < 0) {
                text.append(text.isEmpty() ? "" : "; caused by: ").append(message);
            }
        }
        return text.toString();
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        // After the configuration has set the handlers up: every line they write is redacted.
        LogRedaction.install();
        WardenConfig config;
        try {
            config = ConfigLoader.load(Config.create());
        } catch (ConfigurationException e) {
            LOG.severe(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            LogSettings.apply(config.logging().level(), config.logging().access());
            Wiring wiring = Wiring.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(wiring::close, "warden-shutdown"));
        } catch (ConfigurationException e) {
            LOG.severe(e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            LOG.severe("Warden failed to start: " + causes(e));
            LOG.log(Level.FINE, "Start-up failure in detail", e);
            System.exit(1);
        }
    }
}
