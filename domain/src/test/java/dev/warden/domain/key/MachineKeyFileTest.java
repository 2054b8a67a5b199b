package dev.warden.domain.key;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.warden.domain.key.TestKeys.OTHER_PAIR;
import static dev.warden.domain.key.TestKeys.PAIR;
import static dev.warden.domain.key.TestKeys.privateKey;
import static dev.warden.domain.key.TestKeys.publicKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MachineKeyFileTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final MachineKey KEY = MachineKey.create(291746500141359105L, 291745830282477569L, 7,
            publicKey(PAIR), null, NOW);

    @Test
    void jsonHasZitadelsFieldsInGoOrder() {
        String json = new String(MachineKeyFile.of(KEY, privateKey(PAIR)).toJson(), StandardCharsets.UTF_8);

        assertThat(json).matches("\\{\"type\":\"serviceaccount\",\"keyId\":\"291746500141359105\","
                + "\"key\":\"-----BEGIN RSA PRIVATE KEY-----\\\\n[A-Za-z0-9+/=\\\\n]+-----END RSA PRIVATE KEY-----\\\\n\","
                + "\"expirationDate\":\"9999-12-31T23:59:59Z\",\"userId\":\"291745830282477569\"}");
    }

    @Test
    void keyInTheFileIsThePrivateHalfOfTheStoredPublicKey() {
        String json = new String(MachineKeyFile.of(KEY, privateKey(PAIR)).toJson(), StandardCharsets.UTF_8);
        Matcher key = Pattern.compile("\"key\":\"([^\"]+)\"").matcher(json);
        assertThat(key.find()).isTrue();

        RSAPrivateCrtKey parsed = RsaKeys.parsePrivateKeyPkcs1Pem(key.group(1).replace("\\n", "\n")).orElseThrow();

        assertThat(parsed.getModulus()).isEqualTo(KEY.publicKey().getModulus());
        assertThat(parsed.getPublicExponent()).isEqualTo(KEY.publicKey().getPublicExponent());
    }

    @Test
    void fractionalExpirationIsWrittenAsRfc3339() {
        MachineKey key = MachineKey.create(5, 6, 7, publicKey(PAIR), Instant.parse("2030-01-02T03:04:05.5Z"), NOW);

        assertThat(new String(MachineKeyFile.of(key, privateKey(PAIR)).toJson(), StandardCharsets.UTF_8))
                .contains("\"expirationDate\":\"2030-01-02T03:04:05.500Z\"");
    }

    @Test
    void privateKeyOfAnotherPairIsRefused() {
        assertThatThrownBy(() -> MachineKeyFile.of(KEY, privateKey(OTHER_PAIR)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringNeverShowsThePrivateKey() {
        MachineKeyFile file = MachineKeyFile.of(KEY, privateKey(PAIR));

        assertThat(file.toString()).contains("key=redacted").doesNotContain("PRIVATE").doesNotContain(
                file.privateKeyPem().substring(40, 80));
    }

    @Test
    void onlyPkcs1PemIsAFilesKey() {
        assertThatThrownBy(() -> new MachineKeyFile(1, 2, "-----BEGIN PRIVATE KEY-----\n", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
