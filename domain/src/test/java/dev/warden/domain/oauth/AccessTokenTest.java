package dev.warden.domain.oauth;

import dev.warden.domain.serviceuser.AccessTokenType;
import dev.warden.domain.token.OpaqueToken;
import dev.warden.domain.token.TokenKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessTokenTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void opaqueTokenMatchesOnlyItsOwnSecretAndStoresNoSecret() {
        OpaqueToken token = OpaqueToken.generate(TokenKind.ACCESS_TOKEN, 7);
        AccessToken stored = AccessToken.opaque(token, 1, 2, "robot", Optional.empty(), List.of("openid"),
                List.of(), NOW, NOW.plusSeconds(60));

        assertThat(stored.type()).isEqualTo(AccessTokenType.BEARER);
        assertThat(stored.matches(token.secret())).isTrue();
        assertThat(stored.matches(OpaqueToken.generate(TokenKind.ACCESS_TOKEN, 7).secret())).isFalse();
        assertThat(stored.secretDigest().orElseThrow()).hasSize(43);
        assertThat(stored.toString()).doesNotContain(stored.secretDigest().get());
    }

    @Test
    void jwtTokenHasNoDigestAndMatchesNoSecret() {
        AccessToken stored = AccessToken.jwt(7, 1, 2, "robot", Optional.of(9L), List.of(), List.of("100"), NOW,
                NOW.plusSeconds(60));

        assertThat(stored.secretDigest()).isEmpty();
        assertThat(stored.matches(new byte[32])).isFalse();
    }

    @Test
    void expiryIsExclusive() {
        AccessToken stored = AccessToken.jwt(7, 1, 2, "robot", Optional.empty(), List.of(), List.of(), NOW,
                NOW.plusSeconds(60));

        assertThat(stored.isExpiredAt(NOW.plusSeconds(59))).isFalse();
        assertThat(stored.isExpiredAt(NOW.plusSeconds(60))).isTrue();
    }

    @Test
    void invalidTokensAreRefused() {
        assertThatThrownBy(() -> AccessToken.jwt(7, 1, 2, "robot", Optional.empty(), List.of(), List.of(), NOW, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccessToken(7, 1, 2, "robot", AccessTokenType.BEARER, Optional.empty(),
                List.of(), List.of(), NOW, NOW.plusSeconds(1), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessToken.jwt(7, 1, 2, "robot", Optional.empty(), List.of("a b"), List.of(), NOW,
                NOW.plusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessToken.opaque(OpaqueToken.generate(TokenKind.PERSONAL_ACCESS_TOKEN, 7), 1, 2,
                "robot", Optional.empty(), List.of(), List.of(), NOW, NOW.plusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
