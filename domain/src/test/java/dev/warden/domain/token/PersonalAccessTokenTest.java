package dev.warden.domain.token;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalAccessTokenTest {

    private static final Instant NOW = Instant.parse("2025-08-28T09:16:00.123Z");
    private static final SecretHash HASH = new SecretHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");

    @Test
    void tokenWithoutExpirationExpiresAtZitadelsDefault() {
        PersonalAccessToken pat = PersonalAccessToken.create(3, 2, 1, HASH, null, NOW);

        assertThat(pat.expiresAt()).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
        assertThat(PersonalAccessToken.NO_EXPIRATION).isEqualTo(Instant.parse("9999-12-31T23:59:59Z"));
    }

    @Test
    void newTokenKeepsItsRequestedExpirationAndStartsAtSequenceOne() {
        Instant expiration = Instant.parse("2519-04-01T08:45:00Z");

        PersonalAccessToken pat = PersonalAccessToken.create(3, 2, 1, HASH, expiration, NOW);

        assertThat(pat.expiresAt()).isEqualTo(expiration);
        assertThat(pat.sequence()).isEqualTo(1);
        assertThat(pat.createdAt()).isEqualTo(NOW);
        assertThat(pat.changedAt()).isEqualTo(NOW);
        assertThat(pat.secretHash()).isEqualTo(HASH);
    }

    @Test
    void expirationInThePastIsRefused() {
        assertThatThrownBy(() -> PersonalAccessToken.create(3, 2, 1, HASH, NOW.minusSeconds(1), NOW))
                .isInstanceOf(ExpirationInPastException.class)
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void expirationEqualToNowIsRefused() {
        assertThatThrownBy(() -> PersonalAccessToken.create(3, 2, 1, HASH, NOW, NOW))
                .isInstanceOf(ExpirationInPastException.class);
    }

    @Test
    void tokenIsExpiredFromItsExpirationInstantOn() {
        Instant expiration = NOW.plusSeconds(60);
        PersonalAccessToken pat = PersonalAccessToken.create(3, 2, 1, HASH, expiration, NOW);

        assertThat(pat.isExpiredAt(expiration.minusNanos(1))).isFalse();
        assertThat(pat.isExpiredAt(expiration)).isTrue();
        assertThat(pat.isExpiredAt(expiration.plusNanos(1))).isTrue();
    }

    @Test
    void tokenWithoutExpirationIsNotExpiredInTheFarFuture() {
        PersonalAccessToken pat = PersonalAccessToken.create(3, 2, 1, HASH, null, NOW);

        assertThat(pat.isExpiredAt(Instant.parse("9999-12-31T23:59:58Z"))).isFalse();
    }

    @Test
    void carriesZitadelsFixedScopes() {
        assertThat(PersonalAccessToken.SCOPES).containsExactly(
                "openid", "profile", "urn:zitadel:iam:user:metadata", "urn:zitadel:iam:user:resourceowner");
    }

    @Test
    void nonPositiveIdsAreRefused() {
        assertThatThrownBy(() -> PersonalAccessToken.create(0, 2, 1, HASH, null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonalAccessToken.create(3, -2, 1, HASH, null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PersonalAccessToken.create(3, 2, 0, HASH, null, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingHashOrTimestampsAreRefused() {
        assertThatThrownBy(() -> PersonalAccessToken.create(3, 2, 1, null, null, NOW))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PersonalAccessToken(3, 2, 1, HASH, null, 1, NOW, NOW))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new PersonalAccessToken(3, 2, 1, HASH, NOW, 0, NOW, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secretHashMustBeAPhcStringAndIsNotPrintedInFull() {
        assertThatThrownBy(() -> new SecretHash("plain")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretHash(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SecretHash("$" + "a".repeat(512))).isInstanceOf(IllegalArgumentException.class);

        assertThat(HASH.toString()).contains("$argon2id$").doesNotContain("c2FsdA").doesNotContain("aGFzaA");
    }
}
