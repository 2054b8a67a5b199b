package dev.warden.domain.oauth;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every claim rule of {@link AssertionRules}, each at its boundary, with and without clock skew. */
class AssertionRulesTest {

    private static final String ISSUER = "https://warden.example";
    private static final String TOKEN_URL = ISSUER + "/oauth/v2/token";
    private static final String INTROSPECT_URL = ISSUER + "/oauth/v2/introspect";
    private static final String CLIENT = "291800012345678901@acme";
    private static final Instant NOW = Instant.parse("2025-08-28T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration SKEW = Duration.ofSeconds(5);

    private static final AssertionRules RULES =
            AssertionRules.forIssuer(ISSUER, List.of(TOKEN_URL, INTROSPECT_URL), HOUR, SKEW);
    private static final AssertionRules NO_SKEW =
            AssertionRules.forIssuer(ISSUER, List.of(TOKEN_URL), HOUR, Duration.ZERO);

    /** A valid assertion: issued now, valid for five minutes. */
    private static Claims valid() {
        return new Claims(CLIENT, CLIENT, List.of(ISSUER), Optional.of(NOW), Optional.of(NOW.plusSeconds(300)),
                Optional.empty());
    }

    private record Claims(String iss, String sub, List<String> aud, Optional<Instant> iat, Optional<Instant> exp,
                          Optional<Instant> nbf) {
        Claims iss(String value) {
            return new Claims(value, sub, aud, iat, exp, nbf);
        }

        Claims sub(String value) {
            return new Claims(iss, value, aud, iat, exp, nbf);
        }

        Claims audience(String... values) {
            return new Claims(iss, sub, List.of(values), iat, exp, nbf);
        }

        Claims iat(Instant value) {
            return new Claims(iss, sub, aud, Optional.ofNullable(value), exp, nbf);
        }

        Claims exp(Instant value) {
            return new Claims(iss, sub, aud, iat, Optional.ofNullable(value), nbf);
        }

        Claims nbf(Instant value) {
            return new Claims(iss, sub, aud, iat, exp, Optional.ofNullable(value));
        }

        AssertionClaims build() {
            return new AssertionClaims(iss, sub, aud, iat, exp, nbf, Optional.of("jti-1"));
        }
    }

    private static Optional<String> check(Claims claims) {
        return RULES.violation(claims.build(), NOW);
    }

    @Test
    void aValidAssertionPasses() {
        assertThat(check(valid())).isEmpty();
        assertThat(NO_SKEW.violation(valid().build(), NOW)).isEmpty();
    }

    @Nested
    class IssuerAndSubject {
        @Test
        void emptyIssuerIsRefused() {
            assertThat(check(valid().iss(""))).contains("iss missing");
            assertThat(check(valid().iss(null).sub(null))).contains("iss missing");
        }

        @Test
        void issuerDifferentFromSubjectIsDelegationAndRefused() {
            assertThat(check(valid().sub("291800012345678902@acme")))
                    .contains("iss and sub differ (delegation is not allowed)");
            assertThat(check(valid().sub(""))).contains("iss and sub differ (delegation is not allowed)");
        }

        @Test
        void subjectIsComparedExactly() {
            assertThat(check(valid().sub(CLIENT.toUpperCase()))).isPresent();
            assertThat(check(valid().sub(CLIENT + " "))).isPresent();
        }
    }

    @Nested
    class Audience {
        @Test
        void missingAudienceIsRefused() {
            assertThat(check(valid().audience())).contains("aud does not name this issuer");
        }

        @Test
        void anotherAudienceIsRefused() {
            assertThat(check(valid().audience("https://other.example"))).contains("aud does not name this issuer");
            assertThat(check(valid().audience(ISSUER + "/"))).contains("aud does not name this issuer");
            assertThat(check(valid().audience("https://WARDEN.example"))).contains("aud does not name this issuer");
            assertThat(check(valid().audience(CLIENT))).contains("aud does not name this issuer");
        }

        @Test
        void theIssuerIsAccepted() {
            assertThat(check(valid().audience(ISSUER))).isEmpty();
        }

        @Test
        void anEndpointUrlOfTheIssuerIsAccepted() {
            assertThat(check(valid().audience(TOKEN_URL))).isEmpty();
            assertThat(check(valid().audience(INTROSPECT_URL))).isEmpty();
        }

        @Test
        void anEndpointUrlNotConfiguredIsRefused() {
            assertThat(NO_SKEW.violation(valid().audience(INTROSPECT_URL).build(), NOW))
                    .contains("aud does not name this issuer");
        }

        @Test
        void anArrayContainingTheIssuerAmongOthersIsAccepted() {
            assertThat(check(valid().audience("https://other.example", ISSUER, "api"))).isEmpty();
        }
    }

    @Nested
    class RequiredTimes {
        @Test
        void missingExpirationIsRefused() {
            assertThat(check(valid().exp(null))).contains("exp missing");
        }

        @Test
        void missingIssuedAtPassesWhenExpiryIsWithinTheMaximumLifetime() {
            // RFC 7523 §3: iat is optional; Nimbus's private_key_jwt leaves it out.
            assertThat(check(valid().iat(null))).isEmpty();
            assertThat(check(valid().iat(null).exp(NOW.plus(HOUR).plus(SKEW)))).isEmpty();
        }

        @Test
        void missingIssuedAtIsRefusedWhenExpiryLiesBeyondTheMaximumLifetime() {
            assertThat(check(valid().iat(null).exp(NOW.plus(HOUR).plus(SKEW).plusSeconds(1))))
                    .contains("without iat, exp lies further ahead than the maximum lifetime");
        }

        @Test
        void missingIssuedAtAndPassedExpiryIsExpired() {
            assertThat(check(valid().iat(null).exp(NOW.minusSeconds(10)))).contains("expired");
        }
    }

    @Nested
    class Expiry {
        @Test
        void expiredWithoutSkewAtTheExactSecond() {
            Claims claims = valid().iat(NOW.minusSeconds(60));
            assertThat(NO_SKEW.violation(claims.exp(NOW).build(), NOW)).contains("expired");
            assertThat(NO_SKEW.violation(claims.exp(NOW.minusSeconds(1)).build(), NOW)).contains("expired");
            assertThat(NO_SKEW.violation(claims.exp(NOW.plusMillis(1)).build(), NOW)).isEmpty();
        }

        @Test
        void expiredOnlyOnceTheSkewHasPassed() {
            Claims claims = valid().iat(NOW.minusSeconds(60));
            assertThat(check(claims.exp(NOW.minusSeconds(4)))).isEmpty();
            assertThat(check(claims.exp(NOW.minus(SKEW).plusMillis(1)))).isEmpty();
            assertThat(check(claims.exp(NOW.minus(SKEW)))).contains("expired");
            assertThat(check(claims.exp(NOW.minusSeconds(6)))).contains("expired");
        }
    }

    @Nested
    class IssuedAt {
        @Test
        void issuedInTheFutureBeyondTheSkewIsRefused() {
            Claims claims = valid().exp(NOW.plusSeconds(600));
            assertThat(check(claims.iat(NOW.plus(SKEW).plusMillis(1)))).contains("iat in the future");
            assertThat(check(claims.iat(NOW.plusSeconds(60)))).contains("iat in the future");
            assertThat(NO_SKEW.violation(claims.iat(NOW.plusSeconds(1)).build(), NOW)).contains("iat in the future");
        }

        @Test
        void issuedInTheFutureWithinTheSkewPasses() {
            Claims claims = valid().exp(NOW.plusSeconds(600));
            assertThat(check(claims.iat(NOW.plus(SKEW)))).isEmpty();
            assertThat(check(claims.iat(NOW.plusSeconds(1)))).isEmpty();
        }

        @Test
        void issuedLongerAgoThanTheMaximumLifetimeIsRefused() {
            Claims claims = valid().exp(NOW.plusSeconds(600));
            assertThat(check(claims.iat(NOW.minus(HOUR).minus(SKEW).minusSeconds(1))))
                    .contains("iat older than the maximum lifetime");
            assertThat(check(claims.iat(NOW.minus(Duration.ofDays(1)))))
                    .contains("iat older than the maximum lifetime");
        }

        @Test
        void issuedExactlyTheMaximumLifetimeAndSkewAgoIsNotTooOld() {
            // Not too old; it fails on the lifetime instead, which also bounds the age.
            assertThat(check(valid().iat(NOW.minus(HOUR).minus(SKEW)).exp(NOW.plusSeconds(600))))
                    .contains("lifetime longer than the maximum");
            assertThat(check(valid().iat(NOW.minus(HOUR).plusSeconds(60)).exp(NOW.plusSeconds(30)))).isEmpty();
        }
    }

    @Nested
    class Lifetime {
        @Test
        void lifetimeOverTheMaximumIsRefused() {
            assertThat(check(valid().iat(NOW).exp(NOW.plus(HOUR).plusSeconds(1))))
                    .contains("lifetime longer than the maximum");
            assertThat(check(valid().iat(NOW).exp(NOW.plus(Duration.ofDays(365)))))
                    .contains("lifetime longer than the maximum");
        }

        @Test
        void lifetimeOfExactlyTheMaximumPasses() {
            assertThat(check(valid().iat(NOW).exp(NOW.plus(HOUR)))).isEmpty();
        }

        @Test
        void expirationAtIssuedAtIsRefused() {
            assertThat(check(valid().iat(NOW).exp(NOW))).contains("exp not after iat");
        }

        @Test
        void expirationBeforeIssuedAtIsRefused() {
            assertThat(check(valid().iat(NOW.plusSeconds(4)).exp(NOW.plusSeconds(2)))).contains("exp not after iat");
        }
    }

    @Nested
    class NotBefore {
        @Test
        void notBeforeInTheFutureBeyondTheSkewIsRefused() {
            assertThat(check(valid().nbf(NOW.plus(SKEW).plusMillis(1)))).contains("not yet valid (nbf)");
            assertThat(check(valid().nbf(NOW.plusSeconds(120)))).contains("not yet valid (nbf)");
            assertThat(NO_SKEW.violation(valid().nbf(NOW.plusSeconds(1)).build(), NOW))
                    .contains("not yet valid (nbf)");
        }

        @Test
        void notBeforeReachedOrWithinTheSkewPasses() {
            assertThat(check(valid().nbf(NOW.minusSeconds(10)))).isEmpty();
            assertThat(check(valid().nbf(NOW))).isEmpty();
            assertThat(check(valid().nbf(NOW.plus(SKEW)))).isEmpty();
        }
    }

    @Test
    void theFirstViolationInRuleOrderIsReported() {
        Claims everythingWrong = new Claims(CLIENT, "someone-else", List.of("https://other.example"),
                Optional.empty(), Optional.empty(), Optional.of(NOW.plusSeconds(999)));
        assertThat(check(everythingWrong)).contains("iss and sub differ (delegation is not allowed)");
        assertThat(check(everythingWrong.sub(CLIENT))).contains("aud does not name this issuer");
        assertThat(check(everythingWrong.sub(CLIENT).audience(ISSUER))).contains("exp missing");
    }

    @Nested
    class ReplayWindow {
        @Test
        void replaysAreRefusedUntilExpirationPlusSkew() {
            Instant exp = NOW.plusSeconds(300);
            assertThat(RULES.replayWindowEnd(valid().exp(exp).build())).isEqualTo(exp.plus(SKEW));
            assertThat(NO_SKEW.replayWindowEnd(valid().exp(exp).build())).isEqualTo(exp);
        }

        @Test
        void anAssertionWithoutExpirationHasNoReplayWindow() {
            assertThatThrownBy(() -> RULES.replayWindowEnd(valid().exp(null).build()))
                    .isInstanceOf(NoSuchElementException.class);
        }
    }

    @Nested
    class Construction {
        @Test
        void forIssuerAcceptsTheIssuerAndItsEndpointUrls() {
            assertThat(RULES.acceptedAudiences()).containsExactly(ISSUER, TOKEN_URL, INTROSPECT_URL);
            assertThat(RULES.issuer()).isEqualTo(ISSUER);
            assertThat(RULES.maxLifetime()).isEqualTo(HOUR);
            assertThat(RULES.clockSkew()).isEqualTo(SKEW);
        }

        @Test
        void theIssuerMustBeAnAcceptedAudience() {
            assertThatThrownBy(() -> new AssertionRules(ISSUER, List.of(TOKEN_URL), HOUR, SKEW))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("issuer must be an accepted audience");
        }

        @Test
        void theLifetimeMustBePositive() {
            assertThatThrownBy(() -> new AssertionRules(ISSUER, List.of(ISSUER), Duration.ZERO, SKEW))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new AssertionRules(ISSUER, List.of(ISSUER), Duration.ofSeconds(-1), SKEW))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void theSkewMustNotBeNegativeButMayBeZero() {
            assertThatThrownBy(() -> new AssertionRules(ISSUER, List.of(ISSUER), HOUR, Duration.ofMillis(-1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(new AssertionRules(ISSUER, List.of(ISSUER), HOUR, Duration.ZERO).clockSkew()).isZero();
        }

        @Test
        void nullsAreRefused() {
            assertThatThrownBy(() -> new AssertionRules(null, List.of(ISSUER), HOUR, SKEW))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new AssertionRules(ISSUER, null, HOUR, SKEW))
                    .isInstanceOf(NullPointerException.class);
        }

        @Test
        void theAcceptedAudiencesAreACopy() {
            List<String> audiences = new ArrayList<>(List.of(ISSUER));
            AssertionRules rules = new AssertionRules(ISSUER, audiences, HOUR, SKEW);
            audiences.add("https://attacker.example");

            assertThat(rules.acceptedAudiences()).containsExactly(ISSUER);
            assertThatThrownBy(() -> rules.acceptedAudiences().add("x"))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Nested
    class ClaimsRecord {
        @Test
        void absentIssuerAndSubjectBecomeEmpty() {
            AssertionClaims claims = new AssertionClaims(null, null, List.of(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty());
            assertThat(claims.issuer()).isEmpty();
            assertThat(claims.subject()).isEmpty();
        }

        @Test
        void theAudienceIsACopy() {
            List<String> audience = new ArrayList<>(List.of("https://other.example"));
            AssertionClaims claims = new AssertionClaims(CLIENT, CLIENT, audience, Optional.of(NOW),
                    Optional.of(NOW.plusSeconds(60)), Optional.empty(), Optional.empty());
            audience.add(ISSUER);

            assertThat(claims.audience()).containsExactly("https://other.example");
            assertThat(RULES.violation(claims, NOW)).contains("aud does not name this issuer");
        }

        @Test
        void nullOptionalsAndAudienceAreRefused() {
            assertThatThrownBy(() -> new AssertionClaims(CLIENT, CLIENT, null, Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty())).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new AssertionClaims(CLIENT, CLIENT, List.of(), null, Optional.empty(),
                    Optional.empty(), Optional.empty())).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new AssertionClaims(CLIENT, CLIENT, List.of(), Optional.empty(), null,
                    Optional.empty(), Optional.empty())).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new AssertionClaims(CLIENT, CLIENT, List.of(), Optional.empty(),
                    Optional.empty(), null, Optional.empty())).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new AssertionClaims(CLIENT, CLIENT, List.of(), Optional.empty(),
                    Optional.empty(), Optional.empty(), null)).isInstanceOf(NullPointerException.class);
        }
    }
}
