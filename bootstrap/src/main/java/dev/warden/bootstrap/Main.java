package dev.warden.bootstrap;

import dev.warden.bootstrap.config.ConfigLoader;
import dev.warden.bootstrap.config.ConfigurationException;
import dev.warden.bootstrap.config.WardenConfig;
import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Starts Warden: configuration, composition root, server. */
public final class Main {

    private static final Logger LOG = Logger.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        WardenConfig config;
        try {
            config = ConfigLoader.load(Config.create());
        } catch (ConfigurationException e) {
            LOG.severe(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Wiring wiring = Wiring.start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(wiring::close, "warden-shutdown"));
        } catch (ConfigurationException e) {
            LOG.severe(e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Warden failed to start: " + e.getMessage(), e);
            System.exit(1);
        }
    }
}
