package dev.warden.domain.serviceuser;

import dev.warden.domain.token.SecretHash;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MachineSecretTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final SecretHash FIRST = new SecretHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$Zmlyc3Q");
    private static final SecretHash SECOND = new SecretHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$c2Vjb25k");

    @Test
    void firstSecretStartsAtSequenceOne() {
        MachineSecret secret = MachineSecret.create(7, FIRST, NOW);

        assertThat(secret).isEqualTo(new MachineSecret(7, FIRST, 1, NOW, NOW));
    }

    @Test
    void replacementKeepsTheCreationAndCountsTheChange() {
        Instant later = NOW.plusSeconds(60);

        MachineSecret replaced = MachineSecret.create(7, FIRST, NOW).replacedBy(SECOND, later);

        assertThat(replaced).isEqualTo(new MachineSecret(7, SECOND, 2, NOW, later));
    }

    @Test
    void invalidValuesAreRefused() {
        assertThatThrownBy(() -> new MachineSecret(0, FIRST, 1, NOW, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MachineSecret(7, null, 1, NOW, NOW)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new MachineSecret(7, FIRST, 0, NOW, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MachineSecret(7, FIRST, 1, NOW, NOW.minusMillis(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringDoesNotShowTheHash() {
        assertThat(MachineSecret.create(7, FIRST, NOW).toString()).doesNotContain("Zmlyc3Q");
    }
}
