package dev.warden.bootstrap.e2e;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registered for every test class of this module (JUnit's extension auto-detection, see
 * {@code junit-platform.properties}): captures the log from before the first class starts a server,
 * and fails a class after which the {@link SecretLedger} holds findings — a secret the API handed
 * out appeared in a log line, an error body or a database dump.
 */
public final class SecretLeakWatch implements BeforeAllCallback, AfterAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        SecretLedger.get().install();
    }

    @Override
    public void afterAll(ExtensionContext context) throws java.io.IOException {
        // The figures of the run so far (the last class's file holds the whole run's); a JVM that
        // was handed no secret (the packaged-jar tests) leaves the file alone.
        if (!SecretLedger.get().secrets().isEmpty()) {
            java.nio.file.Files.writeString(java.nio.file.Path.of("target", "secret-ledger-summary.txt"),
                    SecretLedger.get().summary() + System.lineSeparator());
        }
        assertThat(SecretLedger.get().takeFindings()).as("secrets leaked during " + context.getDisplayName())
                .isEmpty();
    }
}
