package dev.warden.domain.grant;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserGrantTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void keysKeepTheirOrderAndMustNotRepeat() {
        UserGrant grant = UserGrant.create(1, 2, 3, 4, List.of("b", "a"), NOW);
        assertThat(grant.roleKeys()).containsExactly("b", "a");
        assertThat(grant.state()).isEqualTo(UserGrantState.ACTIVE);
        assertThat(grant.withRoleKeys(List.of("a"), NOW).withState(UserGrantState.INACTIVE, NOW).sequence())
                .isEqualTo(3);
        assertThatThrownBy(() -> UserGrant.create(1, 2, 3, 4, List.of("a", "a"), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
