package dev.warden.bootstrap.logging;

import org.junit.jupiter.api.Test;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import static org.assertj.core.api.Assertions.assertThat;

class LogRedactionTest {

    private static final String PAT = "wdn_pat_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA_x";
    private static final String JWT = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLWJ5dGVz";
    private static final String CLIENT_SECRET = "Ab3dEf6hIj9kLm2o".repeat(4);

    @Test
    void wardenTokensKeepTheirPrefixAndLoseTheRest() {
        assertThat(LogRedaction.redact("token was " + PAT + " at 12:00"))
                .isEqualTo("token was wdn_pat_[REDACTED] at 12:00");
        assertThat(LogRedaction.redact("wdn_at_abc-DEF_123")).isEqualTo("wdn_at_[REDACTED]");
    }

    @Test
    void authorizationHeaderValuesAreRedactedWhateverTheScheme() {
        assertThat(LogRedaction.redact("headers: Authorization: Bearer abc.def-ghi, Accept: */*\nnext line"))
                .isEqualTo("headers: Authorization: [REDACTED]\nnext line");
        assertThat(LogRedaction.redact("{\"authorization\":\"Basic dXNlcjpwYXNz\"}"))
                .isEqualTo("{\"authorization\":\"[REDACTED]\"}");
        assertThat(LogRedaction.redact("AUTHORIZATION=HMAC-SHA256 Credential=x/y,Signature=zzz"))
                .doesNotContain("Credential=x").doesNotContain("zzz");
    }

    @Test
    void jwtsAndBase64JsonAreRedacted() {
        assertThat(LogRedaction.redact("assertion " + JWT + " refused")).isEqualTo("assertion [REDACTED] refused");
        String keyDetails = java.util.Base64.getEncoder().encodeToString(
                "{\"type\":\"serviceaccount\",\"key\":\"-----BEGIN RSA PRIVATE KEY-----\"}".getBytes());
        assertThat(LogRedaction.redact("keyDetails " + keyDetails)).isEqualTo("keyDetails [REDACTED]");
    }

    @Test
    void pemBlocksKeepTheirHeaderOnly() {
        String pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQC\n"
                + "-----END PRIVATE KEY-----";
        assertThat(LogRedaction.redact("key: " + pem + " loaded"))
                .isEqualTo("key: -----BEGIN PRIVATE KEY-----[REDACTED]-----END----- loaded");
        assertThat(LogRedaction.redact("cut -----BEGIN RSA PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQ"))
                .doesNotContain("MIIEvQ");
    }

    @Test
    void secretPairsAndClientSecretsAreRedacted() {
        assertThat(LogRedaction.redact("form client_id=robot&client_secret=" + CLIENT_SECRET + "&scope=openid"))
                .isEqualTo("form client_id=robot&client_secret=[REDACTED]&scope=openid");
        assertThat(LogRedaction.redact("password: hunter2hunter2, user: root")).isEqualTo("password: [REDACTED], user: root");
        assertThat(LogRedaction.redact("secret " + CLIENT_SECRET + " rejected")).isEqualTo("secret [REDACTED] rejected");
    }

    @Test
    void theQuickChecksBeforeEachRuleSkipNoMatchWhateverTheCase() {
        assertThat(LogRedaction.redact("AUTHORIZATION: Basic cm9ib3Q6aHVudGVy")).isEqualTo("AUTHORIZATION: [REDACTED]");
        assertThat(LogRedaction.redact("Client_Secret=abcdefgh&x=1")).isEqualTo("Client_Secret=[REDACTED]&x=1");
        assertThat(LogRedaction.redact("PassPhrase: correct-horse")).isEqualTo("PassPhrase: [REDACTED]");
        assertThat(LogRedaction.redact("{\"ID_TOKEN\":\"abcd1234\"}")).isEqualTo("{\"ID_TOKEN\":\"[REDACTED]\"}");
        assertThat(LogRedaction.redact("Client_Assertion=abcdefgh")).isEqualTo("Client_Assertion=[REDACTED]");
        assertThat(LogRedaction.redact("path /x/" + "a1".repeat(32) + "/y")).isEqualTo("path /x/[REDACTED]/y");
        assertThat(LogRedaction.redact("path /x/" + "a1".repeat(31) + "a/y")).as("63 characters").doesNotContain("REDACTED");
    }

    @Test
    void ordinaryLinesAreLeftAlone() {
        for (String line : new String[] {
                "Warden is ready on port 8080 (external URL http://localhost:8080, secrets hashed with argon2id)",
                "Refused Bearer credential: wrong secret for personal access token 312873450258432001",
                "First start: created organization 'Warden' (312873450258432000) and service user 'warden-admin'",
                "Unexpected error, correlation id 4f1c2d on POST /management/v1/users/machine",
                "dev.warden.http.auth.AuthenticationHandler.handle(AuthenticationHandler.java:87)"}) {
            assertThat(LogRedaction.redact(line)).isEqualTo(line);
        }
    }

    @Test
    void theInstalledFormatterRedactsMessagesAndStackTraces() {
        Logger root = Logger.getLogger("");
        Handler handler = new ConsoleHandler();
        handler.setFormatter(new SimpleFormatter());
        root.addHandler(handler);
        try {
            LogRedaction.install();
            LogRedaction.install();
            assertThat(handler.getFormatter()).isInstanceOf(LogRedaction.RedactingFormatter.class);
            LogRecord record = new LogRecord(Level.WARNING, "calling with Authorization: Bearer " + PAT);
            record.setThrown(new IllegalStateException("failed", new RuntimeException("token=" + PAT)));

            String written = handler.getFormatter().format(record);

            assertThat(written).contains("Authorization: [REDACTED]").contains("token=[REDACTED]")
                    .doesNotContain(PAT.substring(8, 30));
        } finally {
            root.removeHandler(handler);
        }
    }
}
