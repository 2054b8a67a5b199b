package dev.warden.domain.token;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpaqueTokenTest {

    private static final String URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static final TokenKind PAT = TokenKind.PERSONAL_ACCESS_TOKEN;

    @Test
    void generatedTokenSurvivesEncodeAndParse() {
        OpaqueToken token = OpaqueToken.generate(PAT, 291746120515731457L);

        Optional<OpaqueToken> parsed = OpaqueToken.parse(PAT, token.encode());

        assertThat(parsed).contains(token);
        assertThat(parsed.get().kind()).isEqualTo(PAT);
        assertThat(parsed.get().id()).isEqualTo(291746120515731457L);
        assertThat(parsed.get().secret()).isEqualTo(token.secret());
    }

    @Test
    void accessTokenSurvivesEncodeAndParseWithItsOwnPrefix() {
        OpaqueToken token = OpaqueToken.generate(TokenKind.ACCESS_TOKEN, 42);

        assertThat(token.encode()).startsWith("wdn_at_");
        assertThat(OpaqueToken.parse(TokenKind.ACCESS_TOKEN, token.encode())).contains(token);
    }

    @Test
    void personalAccessTokenStartsWithItsScannablePrefix() {
        assertThat(OpaqueToken.generate(PAT, 1).encode()).startsWith("wdn_pat_");
        assertThat(OpaqueToken.hasPrefix(PAT, "wdn_pat_x")).isTrue();
        assertThat(OpaqueToken.hasPrefix(PAT, "wdn_at_x")).isFalse();
        assertThat(OpaqueToken.hasPrefix(PAT, null)).isFalse();
    }

    @Test
    void encodedTokensUseOnlyB64TokenCharactersAndHaveOneFixedLength() {
        Set<Integer> lengths = new HashSet<>();
        for (long id : new long[] {1, 2, 255, 1L << 40, 291746120515731457L, Long.MAX_VALUE}) {
            for (int i = 0; i < 50; i++) {
                String encoded = OpaqueToken.generate(PAT, id).encode();
                assertThat(encoded).matches("[A-Za-z0-9_-]+");
                lengths.add(encoded.length());
            }
        }
        assertThat(lengths).containsExactly(OpaqueToken.encodedLength(PAT));
        assertThat(OpaqueToken.encodedLength(PAT)).isEqualTo("wdn_pat_".length() + 59);
    }

    @Test
    void secretCarries256RandomBits() {
        OpaqueToken token = OpaqueToken.generate(PAT, 1);

        assertThat(OpaqueToken.SECRET_BYTES * 8).isGreaterThanOrEqualTo(160).isEqualTo(256);
        assertThat(token.secret()).hasSize(32);
        Set<String> secrets = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            secrets.add(HexFormat.of().formatHex(OpaqueToken.generate(PAT, 1).secret()));
        }
        assertThat(secrets).hasSize(1000);
    }

    @Test
    void secretAccessorReturnsACopy() {
        OpaqueToken token = OpaqueToken.generate(PAT, 1);
        byte[] leaked = token.secret();
        leaked[0] ^= 1;

        assertThat(token.secret()).isNotEqualTo(leaked);
        assertThat(OpaqueToken.parse(PAT, token.encode())).contains(token);
    }

    @Test
    void everySingleCharacterMutationIsRefused() {
        int mutations = 0;
        int accepted = 0;
        for (int t = 0; t < 20; t++) {
            String valid = OpaqueToken.generate(PAT, 1 + t * 7_919_000_000_000L).encode();
            for (int position = 0; position < valid.length(); position++) {
                for (char replacement : URL_SAFE.toCharArray()) {
                    if (replacement == valid.charAt(position)) {
                        continue;
                    }
                    String mutated = valid.substring(0, position) + replacement + valid.substring(position + 1);
                    mutations++;
                    if (OpaqueToken.parse(PAT, mutated).isPresent()) {
                        accepted++;
                    }
                }
            }
        }
        assertThat(mutations).isEqualTo(20 * 67 * 63);
        assertThat(accepted).as("single-character mutations accepted").isZero();
    }

    @Test
    void replacingAnyCharacterByANonUrlSafeCharacterIsRefused() {
        String valid = OpaqueToken.generate(PAT, 12345).encode();
        for (int position = 0; position < valid.length(); position++) {
            for (char replacement : "+/=. %\u0000\té".toCharArray()) {
                String mutated = valid.substring(0, position) + replacement + valid.substring(position + 1);
                assertThat(OpaqueToken.parse(PAT, mutated)).as("mutation at %d", position).isEmpty();
            }
        }
    }

    @Test
    void truncatedTokensAreRefused() {
        String valid = OpaqueToken.generate(PAT, 12345).encode();
        for (int length = 0; length < valid.length(); length++) {
            assertThat(OpaqueToken.parse(PAT, valid.substring(0, length))).isEmpty();
            assertThat(OpaqueToken.parse(PAT, valid.substring(valid.length() - length))).isEmpty();
        }
    }

    @Test
    void extendedTokensAreRefused() {
        String valid = OpaqueToken.generate(PAT, 12345).encode();
        for (char extra : (URL_SAFE + "= \n").toCharArray()) {
            assertThat(OpaqueToken.parse(PAT, valid + extra)).isEmpty();
            assertThat(OpaqueToken.parse(PAT, extra + valid)).isEmpty();
        }
        assertThat(OpaqueToken.parse(PAT, valid + valid)).isEmpty();
    }

    @Test
    void accessTokenIsNotAcceptedAsPersonalAccessTokenNorTheOtherWayRound() {
        String accessToken = OpaqueToken.generate(TokenKind.ACCESS_TOKEN, 12345).encode();
        String pat = OpaqueToken.generate(PAT, 12345).encode();

        assertThat(OpaqueToken.parse(PAT, accessToken)).isEmpty();
        assertThat(OpaqueToken.parse(TokenKind.ACCESS_TOKEN, pat)).isEmpty();
    }

    @Test
    void swappingThePrefixBreaksTheChecksum() {
        String pat = OpaqueToken.generate(PAT, 12345).encode();
        String relabelled = "wdn_at_" + pat.substring("wdn_pat_".length());

        assertThat(relabelled).hasSize(OpaqueToken.encodedLength(TokenKind.ACCESS_TOKEN));
        assertThat(OpaqueToken.parse(TokenKind.ACCESS_TOKEN, relabelled)).isEmpty();
    }

    @Test
    void handBuiltTokenInTheDocumentedFormatIsAccepted() {
        byte[] secret = new byte[32];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = (byte) (i * 31 + 7);
        }
        String encoded = handBuilt(PAT, 987654321L, secret, crc(PAT, 987654321L, secret));

        Optional<OpaqueToken> parsed = OpaqueToken.parse(PAT, encoded);

        assertThat(parsed).isPresent();
        assertThat(parsed.get().id()).isEqualTo(987654321L);
        assertThat(parsed.get().secret()).isEqualTo(secret);
        assertThat(parsed.get().encode()).isEqualTo(encoded);
    }

    @Test
    void tokenWithZeroOrNegativeIdIsRefusedEvenWithAMatchingChecksum() {
        byte[] secret = new byte[32];
        for (long id : new long[] {0, -1, Long.MIN_VALUE}) {
            assertThat(OpaqueToken.parse(PAT, handBuilt(PAT, id, secret, crc(PAT, id, secret)))).isEmpty();
        }
    }

    @Test
    void nonCanonicalLastCharacterIsRefusedAlthoughItDecodesToTheSameBytes() {
        String valid = OpaqueToken.generate(PAT, 12345).encode();
        char last = valid.charAt(valid.length() - 1);
        int index = URL_SAFE.indexOf(last);
        // 44 payload bytes fill 59 characters with 2 bits to spare; those 2 low bits must be zero.
        assertThat(index & 0b11).isZero();
        for (int strayBits = 1; strayBits <= 3; strayBits++) {
            String nonCanonical = valid.substring(0, valid.length() - 1) + URL_SAFE.charAt(index | strayBits);
            byte[] sameBytes = Base64.getUrlDecoder().decode(nonCanonical.substring(8));
            assertThat(sameBytes).isEqualTo(Base64.getUrlDecoder().decode(valid.substring(8)));

            assertThat(OpaqueToken.parse(PAT, nonCanonical)).isEmpty();
        }
    }

    @Test
    void nullEmptyAndNonAsciiInputsAreRefusedWithoutException() {
        String valid = OpaqueToken.generate(PAT, 12345).encode();
        List<String> inputs = new ArrayList<>(List.of("", " ", "wdn_pat_", "wdn_pat_=", "Bearer " + valid,
                valid.substring(0, 30) + "é" + valid.substring(31),
                valid.substring(0, 30) + "\uFF10" + valid.substring(31),
                valid.substring(0, 29) + "😀" + valid.substring(31),
                valid.substring(0, 30) + "\uD800" + valid.substring(31),
                valid.substring(0, 30) + "\u0000" + valid.substring(31),
                "wdn_pat_" + "=".repeat(59),
                "wdn_pat_" + "A".repeat(59),
                "wdn_pat_" + "é".repeat(59),
                new String(valid.getBytes(StandardCharsets.UTF_16BE), StandardCharsets.ISO_8859_1),
                "a".repeat(16 * 1024)));
        inputs.add(null);
        for (String input : inputs) {
            assertThatCode(() -> assertThat(OpaqueToken.parse(PAT, input)).isEmpty())
                    .as("parse of %s", input == null ? "null" : input.length() + " chars")
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void toStringDoesNotRevealTheSecret() {
        OpaqueToken token = OpaqueToken.generate(PAT, 12345);
        String encoded = token.encode();
        byte[] secret = token.secret();

        String text = token.toString();

        assertThat(text).contains("12345")
                .doesNotContain(encoded.substring(8))
                .doesNotContain(encoded.substring(20, 40))
                .doesNotContain(HexFormat.of().formatHex(secret))
                .doesNotContain(Base64.getEncoder().encodeToString(secret))
                .doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    @Test
    void tokensWithTheSameIdButAnotherSecretAreNotEqual() {
        OpaqueToken one = OpaqueToken.generate(PAT, 7);
        OpaqueToken other = OpaqueToken.generate(PAT, 7);

        assertThat(one).isNotEqualTo(other);
        assertThat(one).isEqualTo(OpaqueToken.parse(PAT, one.encode()).orElseThrow());
        assertThat(one.hashCode()).isEqualTo(OpaqueToken.parse(PAT, one.encode()).orElseThrow().hashCode());
    }

    @Test
    void generatingWithANonPositiveIdIsRefused() {
        assertThatThrownBy(() -> OpaqueToken.generate(PAT, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OpaqueToken.generate(PAT, -5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String handBuilt(TokenKind kind, long id, byte[] secret, int checksum) {
        byte[] payload = ByteBuffer.allocate(44).putLong(id).put(secret).putInt(checksum).array();
        return kind.prefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
    }

    private static int crc(TokenKind kind, long id, byte[] secret) {
        CRC32 crc = new CRC32();
        crc.update(kind.prefix().getBytes(StandardCharsets.US_ASCII));
        crc.update(ByteBuffer.allocate(8).putLong(id).array());
        crc.update(secret);
        return (int) crc.getValue();
    }
}
