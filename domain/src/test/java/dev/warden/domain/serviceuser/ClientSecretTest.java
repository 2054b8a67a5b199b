package dev.warden.domain.serviceuser;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class ClientSecretTest {

    @Test
    void secretIsSixtyFourCharactersOfLettersAndDigits() {
        for (int i = 0; i < 1_000; i++) {
            String secret = ClientSecret.generate().value();

            assertThat(secret).hasSize(64).matches("[A-Za-z0-9]{64}");
        }
    }

    @Test
    void alphabetIsZitadelsLowerUpperAndDigitsWithoutSymbols() {
        assertThat(ClientSecret.ALPHABET).hasSize(62).matches("[A-Za-z0-9]+");
        assertThat(ClientSecret.ALPHABET.chars().distinct().count()).isEqualTo(62);
    }

    @Test
    void eachCharacterIsDrawnUniformlyFromTheWholeAlphabet() {
        // A generator that answers 0, 1, 2, … for every draw: the secret must walk the alphabet in
        // order, so every index maps to exactly one character and none is favoured.
        RandomGenerator counting = new RandomGenerator() {
            private int next;

            @Override
            public long nextLong() {
                throw new AssertionError("only bounded draws are unbiased here");
            }

            @Override
            public int nextInt(int bound) {
                assertThat(bound).isEqualTo(62);
                return next++ % bound;
            }
        };

        String secret = ClientSecret.generate(counting).value();

        assertThat(secret).isEqualTo(ClientSecret.ALPHABET + ClientSecret.ALPHABET.substring(0, 2));
    }

    @Test
    void characterFrequenciesPassAChiSquareTest() {
        int secrets = 2_000;
        long[] counts = new long[128];
        for (int i = 0; i < secrets; i++) {
            for (char c : ClientSecret.generate().value().toCharArray()) {
                counts[c]++;
            }
        }
        double expected = secrets * 64.0 / 62;
        double chiSquare = 0;
        for (char c : ClientSecret.ALPHABET.toCharArray()) {
            chiSquare += Math.pow(counts[c] - expected, 2) / expected;
        }

        // 61 degrees of freedom: a uniform source exceeds 130 with probability of about one in a million.
        assertThat(chiSquare).isLessThan(130);
    }

    @Test
    void everyPositionTakesEveryCharacter() {
        // A fixed or biased position would show as a character that never appears there.
        @SuppressWarnings("unchecked")
        Set<Character>[] seen = new Set[64];
        for (int i = 0; i < 64; i++) {
            seen[i] = new HashSet<>();
        }
        for (int n = 0; n < 2_000; n++) {
            String secret = ClientSecret.generate().value();
            for (int i = 0; i < 64; i++) {
                seen[i].add(secret.charAt(i));
            }
        }

        for (int i = 0; i < 64; i++) {
            assertThat(seen[i]).as("position %d", i).hasSize(62);
        }
    }

    @Test
    void entropyIsOverThreeHundredEightyBits() {
        assertThat(ClientSecret.entropyBits()).isGreaterThan(380).isLessThan(382);
    }

    @Test
    void secretsDoNotRepeat() {
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            secrets.add(ClientSecret.generate().value());
        }

        assertThat(secrets).hasSize(10_000);
    }

    @Test
    void bytesAreTheAsciiOfTheValue() {
        ClientSecret secret = ClientSecret.generate();

        assertThat(secret.bytes()).isEqualTo(secret.value().getBytes(StandardCharsets.US_ASCII)).hasSize(64);
    }

    @Test
    void toStringNeverShowsTheSecret() {
        ClientSecret secret = ClientSecret.generate();

        assertThat(secret.toString()).doesNotContain(secret.value()).contains("redacted");
    }
}
