package dev.warden.bootstrap.config;

/** A configuration value is missing or invalid; the message names the key and says what is expected. */
public final class ConfigurationException extends RuntimeException {
    public ConfigurationException(String message) {
        super(message);
    }
}
