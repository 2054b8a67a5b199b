package dev.warden.domain.app;

import dev.warden.domain.token.ExpirationInPastException;
import dev.warden.domain.token.SecretHash;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiAppAndKeyTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final SecretHash HASH = new SecretHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");
    private static final KeyPair PAIR = pair();
    private static final KeyPair OTHER = pair();

    private static KeyPair pair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private final ApiApp jwt = ApiApp.create(10, 20, 30, "rs", 11, ApiAuthMethod.PRIVATE_KEY_JWT, null, NOW);

    @Test
    void aBasicAppHasASecretAndAKeyAppNoneAndTheClientIdIsNotTheAppId() {
        assertThat(ApiApp.create(10, 20, 30, "rs", 11, ApiAuthMethod.BASIC, HASH, NOW).secret()).contains(HASH);
        assertThat(jwt.secret()).isEmpty();
        assertThat(jwt.clientId()).isEqualTo("11");
        assertThatThrownBy(() -> ApiApp.create(10, 20, 30, "rs", 10, ApiAuthMethod.PRIVATE_KEY_JWT, null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiApp.create(10, 20, 30, "rs", 11, ApiAuthMethod.BASIC, null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ApiApp.create(10, 20, 30, "", 11, ApiAuthMethod.PRIVATE_KEY_JWT, null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void transitionsCountOneChangeEach() {
        ApiApp changed = jwt.withName("rs2", NOW).withSecret(HASH, NOW).withState(AppState.INACTIVE, NOW);
        assertThat(changed.sequence()).isEqualTo(4);
        assertThat(changed.secret()).contains(HASH);
        assertThat(changed.withAuthMethod(ApiAuthMethod.BASIC, NOW).secret()).contains(HASH);
    }

    @Test
    void aKeyWithoutExpirationLastsUntil9999AndAPastOneIsRefused() {
        AppKey key = AppKey.create(40, jwt, (RSAPublicKey) PAIR.getPublic(), null, NOW);
        assertThat(key.expiresAt()).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
        assertThat(key.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(key.toString()).doesNotContain("BEGIN");
        assertThatThrownBy(() -> AppKey.create(40, jwt, (RSAPublicKey) PAIR.getPublic(), NOW, NOW))
                .isInstanceOf(ExpirationInPastException.class);
    }

    @Test
    void theKeyFileHasZitadelsFieldsInGosOrderAndOnlyTheMatchingPrivateKey() {
        AppKey key = AppKey.create(40, jwt, (RSAPublicKey) PAIR.getPublic(), null, NOW);
        AppKeyFile file = AppKeyFile.of(key, jwt, (RSAPrivateCrtKey) PAIR.getPrivate());

        String json = new String(file.toJson(), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"type\":\"application\",\"keyId\":\"40\",\"key\":\"-----BEGIN RSA PRIVATE KEY-----\\n")
                .endsWith("-----END RSA PRIVATE KEY-----\\n\",\"appId\":\"10\",\"clientId\":\"11\"}")
                .doesNotContain("\n");
        assertThat(file.toString()).doesNotContain("PRIVATE KEY");
        assertThatThrownBy(() -> AppKeyFile.of(key, jwt, (RSAPrivateCrtKey) OTHER.getPrivate()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
