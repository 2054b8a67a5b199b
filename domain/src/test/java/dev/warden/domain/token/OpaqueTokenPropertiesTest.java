package dev.warden.domain.token;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the token parser over generated input: it never throws, a generated token reads
 * back as itself, and no single-character change, insertion or deletion of a valid token is
 * accepted (the security bar's "single-character mutations accepted: 0").
 */
class OpaqueTokenPropertiesTest {

    /** Base64url, its padding, the other base64 alphabet, and characters a copy-paste may bring. */
    private static final String EDGE_CHARACTERS = "AZaz09-_=+/ .~%\u0000\u007f\u00e9\u0430\uff21\ud800\udc00\n";

    @Property
    void parsingAnyTextNeverThrows(@ForAll String text, @ForAll TokenKind kind) {
        assertThat(OpaqueToken.parse(kind, text)).isNotNull();
    }

    @Property
    void aGeneratedTokenReadsBackAsItself(@ForAll @LongRange(min = 1) long id, @ForAll TokenKind kind) {
        OpaqueToken token = OpaqueToken.generate(kind, id);
        String text = token.encode();

        assertThat(text).hasSize(OpaqueToken.encodedLength(kind)).startsWith(kind.prefix()).matches("[A-Za-z0-9_-]+");
        Optional<OpaqueToken> parsed = OpaqueToken.parse(kind, text);
        assertThat(parsed).contains(token);
        assertThat(parsed.orElseThrow().id()).isEqualTo(id);
        assertThat(parsed.orElseThrow().encode()).isEqualTo(text);
    }

    @Property
    void noTokenOfOneKindIsReadAsTheOther(@ForAll @LongRange(min = 1) long id, @ForAll TokenKind kind) {
        String text = OpaqueToken.generate(kind, id).encode();
        for (TokenKind other : TokenKind.values()) {
            if (other != kind) {
                assertThat(OpaqueToken.parse(other, text)).isEmpty();
            }
        }
    }

    @Property(tries = 2000)
    void anySingleCharacterChangeIsRefused(@ForAll @LongRange(min = 1) long id, @ForAll TokenKind kind,
                                           @ForAll @IntRange(min = 0, max = 200) int position,
                                           @ForAll("tokenCharacters") char replacement) {
        String text = OpaqueToken.generate(kind, id).encode();
        int at = position % text.length();
        Assume.that(text.charAt(at) != replacement);
        String changed = text.substring(0, at) + replacement + text.substring(at + 1);

        assertThat(OpaqueToken.parse(kind, changed)).as(changed).isEmpty();
    }

    @Property(tries = 100)
    void everySingleCharacterChangeOfOneTokenIsRefused(@ForAll @LongRange(min = 1) long id, @ForAll TokenKind kind) {
        String text = OpaqueToken.generate(kind, id).encode();
        int accepted = 0;
        for (int at = 0; at < text.length(); at++) {
            for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray()) {
                if (c != text.charAt(at)
                        && OpaqueToken.parse(kind, text.substring(0, at) + c + text.substring(at + 1)).isPresent()) {
                    accepted++;
                }
            }
        }
        assertThat(accepted).isZero();
    }

    @Property
    void aCharacterMoreOrLessIsRefused(@ForAll @LongRange(min = 1) long id, @ForAll TokenKind kind,
                                       @ForAll @IntRange(min = 0, max = 200) int position,
                                       @ForAll("tokenCharacters") char inserted) {
        String text = OpaqueToken.generate(kind, id).encode();
        int at = position % text.length();

        assertThat(OpaqueToken.parse(kind, text.substring(0, at) + inserted + text.substring(at))).isEmpty();
        assertThat(OpaqueToken.parse(kind, text.substring(0, at) + text.substring(at + 1))).isEmpty();
    }

    /**
     * The fuzz target of the token parser (jqwik-driven: see docs/security.md): token-shaped text
     * edited at random with edge-case characters. Whatever comes in, the parser answers with a
     * value, and what it accepts is exactly the canonical form of a token of that kind.
     */
    @Property(tries = 20_000)
    void fuzzedTokenTextIsEitherRefusedOrCanonical(@ForAll("tokenLike") String text, @ForAll TokenKind kind) {
        Optional<OpaqueToken> parsed = OpaqueToken.parse(kind, text);

        parsed.ifPresent(token -> {
            assertThat(token.encode()).isEqualTo(text);
            assertThat(token.id()).isPositive();
            assertThat(token.secret()).hasSize(OpaqueToken.SECRET_BYTES);
        });
    }

    @Provide
    Arbitrary<Character> tokenCharacters() {
        return Arbitraries.oneOf(List.of(Arbitraries.chars().alpha().numeric().with('-', '_'),
                Arbitraries.of(EDGE_CHARACTERS.chars().mapToObj(c -> (char) c).toArray(Character[]::new))));
    }

    @Provide
    Arbitrary<String> tokenLike() {
        Arbitrary<String> valid = Combinators.combine(Arbitraries.longs().greaterOrEqual(1), Arbitraries.of(TokenKind.class))
                .as((id, kind) -> OpaqueToken.generate(kind, id).encode());
        Arbitrary<String> edited = Combinators.combine(valid, Arbitraries.integers().between(0, 80),
                        Arbitraries.integers().between(0, 3), tokenCharacters().list().ofMinSize(1).ofMaxSize(4))
                .as(OpaqueTokenPropertiesTest::edit);
        Arbitrary<String> prefixed = Combinators.combine(Arbitraries.of("wdn_pat_", "wdn_at_", "WDN_PAT_", "wdn_pat",
                        "wdn_pat__", "", "Bearer wdn_pat_"), Arbitraries.strings().withChars(EDGE_CHARACTERS)
                        .withCharRange('A', 'Z').withCharRange('a', 'z').withCharRange('0', '9').ofMaxLength(70))
                .as(String::concat);
        Arbitrary<String> any = Arbitraries.strings().ofMaxLength(100);
        return Arbitraries.frequencyOf(
                Tuple.of(4, edited), Tuple.of(3, prefixed), Tuple.of(1, valid),
                Tuple.of(1, any));
    }

    /** One edit of the text at {@code position}: replace, insert, delete, or cut off there. */
    private static String edit(String text, int position, int kind, List<Character> characters) {
        int at = Math.min(position, text.length() - 1);
        StringBuilder chars = new StringBuilder();
        characters.forEach(chars::append);
        return switch (kind) {
            case 0 -> text.substring(0, at) + chars + text.substring(Math.min(text.length(), at + chars.length()));
            case 1 -> text.substring(0, at) + chars + text.substring(at);
            case 2 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + chars.length()));
            default -> text.substring(0, at);
        };
    }
}
