package dev.warden.domain.token;

import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the token parser over generated input: it never throws, a generated token reads
 * back as itself, and no single-character change, insertion or deletion of a valid token is
 * accepted (the security bar's "single-character mutations accepted: 0").
 *
 * <p>Plain JUnit over a seeded {@link SplittableRandom}: a fixed seed keeps a build reproducible,
 * {@code -Dwarden.properties.seed=N} explores other inputs and {@code -Dwarden.properties.tries=N}
 * sets the number of cases of every property. A failure names the seed, the case and the input.
 * (Why no property-testing library: docs/security.md, "Property-based tests".)
 */
class OpaqueTokenPropertiesTest {

    private static final long SEED = Long.getLong("warden.properties.seed", 20261129L);
    private static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    /** Base64url, its padding, the other base64 alphabet, and characters a copy-paste may bring. */
    private static final String EDGE_CHARACTERS = "AZaz09-_=+/ .~%\u0000\u007f\u00e9\u0430\uff21\ud800\udc00\n";
    private static final long[] EDGE_IDS = {1, 2, 255, 256, 65_536, 1L << 32, Long.MAX_VALUE - 1, Long.MAX_VALUE};
    private static final String[] PREFIXES = {"wdn_pat_", "wdn_at_", "WDN_PAT_", "wdn_pat", "wdn_pat__", "",
        "Bearer wdn_pat_"};

    /** One generated token and where and what to change in it. */
    private record Mutation(TokenKind kind, String text, int at, char c) {
    }

    @Test
    void parsingAnyTextNeverThrows() {
        check(1000, random -> {
            String text = anyText(random, 100);
            TokenKind kind = kind(random);
            assertThat(OpaqueToken.parse(kind, text)).as(kind + " " + escaped(text)).isNotNull();
        });
    }

    @Test
    void aGeneratedTokenReadsBackAsItself() {
        check(1000, random -> {
            long id = id(random);
            TokenKind kind = kind(random);
            OpaqueToken token = OpaqueToken.generate(kind, id);
            String text = token.encode();

            assertThat(text).as(text).hasSize(OpaqueToken.encodedLength(kind)).startsWith(kind.prefix())
                    .matches("[A-Za-z0-9_-]+");
            Optional<OpaqueToken> parsed = OpaqueToken.parse(kind, text);
            assertThat(parsed).as(text).contains(token);
            assertThat(parsed.orElseThrow().id()).as(text).isEqualTo(id);
            assertThat(parsed.orElseThrow().encode()).isEqualTo(text);
        });
    }

    @Test
    void noTokenOfOneKindIsReadAsTheOther() {
        check(1000, random -> {
            TokenKind kind = kind(random);
            String text = OpaqueToken.generate(kind, id(random)).encode();
            for (TokenKind other : TokenKind.values()) {
                if (other != kind) {
                    assertThat(OpaqueToken.parse(other, text)).as(other + " " + text).isEmpty();
                }
            }
        });
    }

    @Test
    void anySingleCharacterChangeIsRefused() {
        check(2000, random -> {
            Mutation m = mutation(random);
            if (m.text().charAt(m.at()) == m.c()) {
                return; // not a change
            }
            String changed = m.text().substring(0, m.at()) + m.c() + m.text().substring(m.at() + 1);

            assertThat(OpaqueToken.parse(m.kind(), changed)).as(escaped(changed)).isEmpty();
        });
    }

    @Test
    void everySingleCharacterChangeOfOneTokenIsRefused() {
        check(100, random -> {
            TokenKind kind = kind(random);
            String text = OpaqueToken.generate(kind, id(random)).encode();
            for (int at = 0; at < text.length(); at++) {
                for (char c : BASE64URL.toCharArray()) {
                    String changed = text.substring(0, at) + c + text.substring(at + 1);
                    if (c != text.charAt(at)) {
                        assertThat(OpaqueToken.parse(kind, changed)).as(changed).isEmpty();
                    }
                }
            }
        });
    }

    @Test
    void aCharacterMoreOrLessIsRefused() {
        check(1000, random -> {
            Mutation m = mutation(random);
            String longer = m.text().substring(0, m.at()) + m.c() + m.text().substring(m.at());
            String shorter = m.text().substring(0, m.at()) + m.text().substring(m.at() + 1);

            assertThat(OpaqueToken.parse(m.kind(), longer)).as(escaped(longer)).isEmpty();
            assertThat(OpaqueToken.parse(m.kind(), shorter)).as(shorter).isEmpty();
        });
    }

    /**
     * The fuzz target of the token parser driven by the generators of this class (see
     * docs/security.md): token-shaped text edited at random with edge-case characters. Whatever
     * comes in, the parser answers with a value, and what it accepts is exactly the canonical form
     * of a token of that kind.
     */
    @Test
    void fuzzedTokenTextIsEitherRefusedOrCanonical() {
        check(20_000, random -> {
            String text = tokenLike(random);
            TokenKind kind = kind(random);
            Optional<OpaqueToken> parsed = OpaqueToken.parse(kind, text);

            parsed.ifPresent(token -> {
                assertThat(token.encode()).as(escaped(text)).isEqualTo(text);
                assertThat(token.id()).isPositive();
                assertThat(token.secret()).hasSize(OpaqueToken.SECRET_BYTES);
            });
        });
    }

    /**
     * Runs {@code property} on {@code cases} draws from one random stream seeded with {@link #SEED};
     * a failing case is reported with the seed and its number so that it can be replayed.
     */
    private static void check(int cases, Consumer<SplittableRandom> property) {
        int n = Integer.getInteger("warden.properties.tries", cases);
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 1; i <= n; i++) {
            try {
                property.accept(random.split());
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("case " + i + " of " + n + " failed; replay with -Dwarden.properties.seed="
                        + SEED + ": " + e.getMessage(), e);
            }
        }
    }

    private static TokenKind kind(SplittableRandom random) {
        return TokenKind.values()[random.nextInt(TokenKind.values().length)];
    }

    /** A positive id, one time in four an edge value (1, byte and int boundaries, the maximum). */
    private static long id(SplittableRandom random) {
        return random.nextInt(4) == 0 ? EDGE_IDS[random.nextInt(EDGE_IDS.length)] : random.nextLong(1, Long.MAX_VALUE);
    }

    /** Half base64url, half edge characters (padding, '+', '/', NUL, DEL, non-ASCII, lone surrogates). */
    private static char tokenCharacter(SplittableRandom random) {
        String from = random.nextBoolean() ? BASE64URL : EDGE_CHARACTERS;
        return from.charAt(random.nextInt(from.length()));
    }

    private static Mutation mutation(SplittableRandom random) {
        TokenKind kind = kind(random);
        String text = OpaqueToken.generate(kind, id(random)).encode();
        int position = random.nextInt(4) == 0 ? (random.nextBoolean() ? 0 : text.length() - 1) : random.nextInt(201);
        return new Mutation(kind, text, position % text.length(), tokenCharacter(random));
    }

    /** Any UTF-16 text up to {@code maxLength}: often empty or at the maximum, often edge characters. */
    private static String anyText(SplittableRandom random, int maxLength) {
        int length = switch (random.nextInt(8)) {
            case 0 -> 0;
            case 1 -> maxLength;
            default -> random.nextInt(maxLength + 1);
        };
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(3) == 0 ? tokenCharacter(random) : (char) random.nextInt(Character.MAX_VALUE + 1));
        }
        return text.toString();
    }

    /** Token-shaped text: edited tokens 4, prefixes with junk 3, valid tokens 1, any text 1 in 9. */
    private static String tokenLike(SplittableRandom random) {
        int pick = random.nextInt(9);
        if (pick < 5) {
            String valid = OpaqueToken.generate(kind(random), id(random)).encode();
            return pick == 0 ? valid : edit(random, valid);
        }
        if (pick < 8) {
            StringBuilder text = new StringBuilder(PREFIXES[random.nextInt(PREFIXES.length)]);
            int length = random.nextInt(71);
            for (int i = 0; i < length; i++) {
                text.append(tokenCharacter(random));
            }
            return text.toString();
        }
        return anyText(random, 100);
    }

    /** One edit of the text at a random place: replace, insert, delete 1–4 characters, or cut off there. */
    private static String edit(SplittableRandom random, String text) {
        int at = Math.min(random.nextInt(81), text.length() - 1);
        StringBuilder chars = new StringBuilder();
        for (int i = random.nextInt(1, 5); i > 0; i--) {
            chars.append(tokenCharacter(random));
        }
        int end = Math.min(text.length(), at + chars.length());
        return switch (random.nextInt(4)) {
            case 0 -> text.substring(0, at) + chars + text.substring(end);
            case 1 -> text.substring(0, at) + chars + text.substring(at);
            case 2 -> text.substring(0, at) + text.substring(end);
            default -> text.substring(0, at);
        };
    }

    /** The text with controls, non-ASCII and surrogates written as Java escapes, for failure messages. */
    static String escaped(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : "\\u%04x".formatted(c)));
        return out.append('"').toString();
    }
}
