package dev.warden.domain.serviceuser;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServiceUserTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void createdUserIsActiveWithBearerTokensAndCanAuthenticate() {
        ServiceUser user = ServiceUser.create(10, 20, " ci-bot ", " CI Bot ", NOW);

        assertThat(user.id()).isEqualTo(10);
        assertThat(user.orgId()).isEqualTo(20);
        assertThat(user.userName()).isEqualTo("ci-bot");
        assertThat(user.displayName()).isEqualTo("CI Bot");
        assertThat(user.description()).isEmpty();
        assertThat(user.accessTokenType()).isEqualTo(AccessTokenType.BEARER);
        assertThat(user.state()).isEqualTo(UserState.ACTIVE);
        assertThat(user.sequence()).isEqualTo(1);
        assertThat(user.canAuthenticate()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = UserState.class, names = {"INACTIVE", "LOCKED", "DELETED"})
    void onlyActiveUsersCanAuthenticate(UserState state) {
        assertThat(user(state).canAuthenticate()).isFalse();
        assertThat(state.canAuthenticate()).isFalse();
    }

    @Test
    void missingDescriptionBecomesEmpty() {
        ServiceUser user = new ServiceUser(10, 20, "bot", "Bot", null, AccessTokenType.JWT, UserState.ACTIVE, 1, NOW, NOW);

        assertThat(user.description()).isEmpty();
    }

    @Test
    void namesMustNotBeBlankOrTooLong() {
        assertThatThrownBy(() -> ServiceUser.create(10, 20, " ", "Bot", NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user name");
        assertThatThrownBy(() -> ServiceUser.create(10, 20, "bot", null, NOW))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("display name");
        assertThatThrownBy(() -> ServiceUser.create(10, 20, "b".repeat(201), "Bot", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ServiceUser.create(10, 20, "b".repeat(200), "Bot", NOW).userName()).hasSize(200);
    }

    @Test
    void descriptionIsLimitedToFiveHundredCharacters() {
        assertThat(withDescription("d".repeat(500)).description()).hasSize(500);
        assertThatThrownBy(() -> withDescription("d".repeat(501))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nonPositiveIdsAndMissingFieldsAreRefused() {
        assertThatThrownBy(() -> ServiceUser.create(0, 20, "bot", "Bot", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServiceUser.create(10, 0, "bot", "Bot", NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServiceUser(10, 20, "bot", "Bot", "", null, UserState.ACTIVE, 1, NOW, NOW))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ServiceUser(10, 20, "bot", "Bot", "", AccessTokenType.BEARER, null, 1, NOW, NOW))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ServiceUser(10, 20, "bot", "Bot", "", AccessTokenType.BEARER, UserState.ACTIVE,
                0, NOW, NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ServiceUser user(UserState state) {
        return new ServiceUser(10, 20, "bot", "Bot", "", AccessTokenType.BEARER, state, 2, NOW, NOW);
    }

    private static ServiceUser withDescription(String description) {
        return new ServiceUser(10, 20, "bot", "Bot", description, AccessTokenType.BEARER, UserState.ACTIVE, 1, NOW, NOW);
    }
}
