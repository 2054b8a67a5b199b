package dev.warden.bootstrap.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The leak scanner bites: a planted secret in a log line, an exception, an error body or a dump is found. */
class SecretLedgerTest {

    private final SecretLedger ledger = SecretLedger.get();

    @AfterEach
    void forgetThePlantedFindings() {
        ledger.takeFindings();
    }

    @Test
    void aSecretLoggedByWardenIsFoundEvenWhenTheFormatterWouldRedactIt() {
        ledger.install();
        String secret = "wdn_pat_" + "planted1".repeat(8);
        ledger.record("planted PAT", secret);

        Logger.getLogger("dev.warden.planted").warning("token " + secret);

        assertThat(ledger.takeFindings()).singleElement().asString().contains("appeared raw in the log of dev.warden");
    }

    @Test
    void aSecretInALibrarysExceptionCauseIsFoundAsWritten() {
        ledger.install();
        String secret = "planted-secret-without-any-recognisable-shape-" + System.nanoTime();
        ledger.record("planted secret", secret);

        Logger.getLogger("org.example.library").log(Level.WARNING, "request failed",
                new IllegalStateException("outer", new IllegalArgumentException("bad value " + secret)));

        assertThat(ledger.takeFindings()).singleElement().asString().contains("appeared as written");
    }

    @Test
    void aSecretLoggedBeforeItWasRecordedIsFoundWhenItIsRecorded() {
        ledger.install();
        String secret = "late-recorded-secret-" + System.nanoTime();
        Logger.getLogger("dev.warden.planted").info("early " + secret);

        ledger.record("late secret", secret);

        assertThat(ledger.takeFindings()).isNotEmpty();
    }

    @Test
    void aSecretInAnErrorBodyOrADatabaseDumpIsFound() {
        String secret = "planted-for-bodies-and-dumps-" + System.nanoTime();
        ledger.record("planted secret", secret);

        ledger.checkText("an error body", "{\"message\":\"" + secret + "\"}");
        ledger.checkText("a dump", "row\n" + secret.substring(1) + "\n");

        assertThat(ledger.takeFindings()).singleElement().asString().contains("an error body");
    }

    @Test
    void anErrorBodyEchoingThePresentedCredentialFailsTheCall() {
        String presented = "presented-credential-" + System.nanoTime();

        assertThatThrownBy(() -> Api.watchSecrets("GET /x", 401, null,
                "{\"message\":\"bad token " + presented + "\"}", presented))
                .isInstanceOf(AssertionError.class).hasMessageContaining("echoes the presented credential");
    }

    @Test
    void cleanLogsAndBodiesHaveNoFindings() {
        ledger.install();
        ledger.record("planted secret", "never-logged-secret-" + System.nanoTime());

        Logger.getLogger("dev.warden.planted").info("nothing secret here");
        ledger.checkText("an error body", "{\"message\":\"Errors.Token.Invalid\"}");

        assertThat(ledger.takeFindings()).isEmpty();
    }
}
