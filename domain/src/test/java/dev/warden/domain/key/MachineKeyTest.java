package dev.warden.domain.key;

import dev.warden.domain.token.ExpirationInPastException;
import org.junit.jupiter.api.Test;

import java.security.interfaces.RSAPublicKey;
import java.time.Instant;

import static dev.warden.domain.key.TestKeys.PAIR;
import static dev.warden.domain.key.TestKeys.publicKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MachineKeyTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00.123456Z");

    @Test
    void newKeyStoresItsPublicKeyAsCanonicalPkixPem() {
        MachineKey key = MachineKey.create(3, 2, 1, publicKey(PAIR), Instant.parse("2030-01-01T00:00:00Z"), NOW);

        assertThat(key.publicKeyPem()).isEqualTo(RsaKeys.publicKeyPem(publicKey(PAIR)));
        assertThat(key.publicKey()).isEqualTo(publicKey(PAIR));
        assertThat(key.expiresAt()).isEqualTo(Instant.parse("2030-01-01T00:00:00Z"));
        assertThat(key.sequence()).isEqualTo(1);
        assertThat(key.createdAt()).isEqualTo(NOW);
        assertThat(key.changedAt()).isEqualTo(NOW);
    }

    @Test
    void absentExpirationIsZitadelsLastSecondOf9999() {
        MachineKey key = MachineKey.create(3, 2, 1, publicKey(PAIR), null, NOW);

        assertThat(key.expiresAt()).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
        assertThat(key.isExpiredAt(NOW)).isFalse();
    }

    @Test
    void expirationNowOrEarlierIsRefused() {
        for (Instant expiration : new Instant[] {NOW, NOW.minusNanos(1), Instant.EPOCH}) {
            assertThatThrownBy(() -> MachineKey.create(3, 2, 1, publicKey(PAIR), expiration, NOW))
                    .isInstanceOf(ExpirationInPastException.class);
        }
    }

    @Test
    void keyShorterThan2048BitsIsRefused() {
        RSAPublicKey small = publicKey(TestKeys.generate(1024));

        assertThatThrownBy(() -> MachineKey.create(3, 2, 1, small, null, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2048");
    }

    @Test
    void expiresAtItsExpiration() {
        MachineKey key = MachineKey.create(3, 2, 1, publicKey(PAIR), NOW.plusSeconds(60), NOW);

        assertThat(key.isExpiredAt(NOW.plusSeconds(59))).isFalse();
        assertThat(key.isExpiredAt(NOW.plusSeconds(60))).isTrue();
    }

    @Test
    void invalidValuesAreRefused() {
        String pem = RsaKeys.publicKeyPem(publicKey(PAIR));
        String rsaLabelled = pem.replace("PUBLIC KEY", "RSA PUBLIC KEY");

        assertThatThrownBy(() -> key(0, pem)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> key(1, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> key(1, "not a key")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> key(1, rsaLabelled)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> key(1, pem.replace("M", "N"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MachineKey(1, 2, 3, pem, NOW, 0, NOW, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MachineKey(1, 2, 3, pem, null, 1, NOW, NOW))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void toStringLeavesThePemOut() {
        MachineKey key = MachineKey.create(3, 2, 1, publicKey(PAIR), null, NOW);

        assertThat(key.toString()).contains("id=3", "bits=2048").doesNotContain("BEGIN");
    }

    private static MachineKey key(long id, String pem) {
        return new MachineKey(id, 2, 3, pem, MachineKey.NO_EXPIRATION, 1, NOW, NOW);
    }
}
