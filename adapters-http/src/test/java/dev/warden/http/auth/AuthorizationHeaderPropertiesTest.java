package dev.warden.http.auth;

import dev.warden.application.auth.PresentedCredential;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Random;

import static dev.warden.http.PropertyCases.forAll;
import static dev.warden.http.PropertyCases.length;
import static dev.warden.http.PropertyCases.oneOf;
import static dev.warden.http.PropertyCases.string;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the strict {@code Authorization} parser (security decision 1) over generated
 * headers: it never throws, a well-formed header round-trips to its scheme and token, and any
 * deviation from {@code <scheme> SP <b64token>} (a second space, a control or non-ASCII
 * character, a character outside b64token, a header over the length limit) is refused.
 * Inputs come from a seeded random ({@link dev.warden.http.PropertyCases}).
 */
class AuthorizationHeaderPropertiesTest {

    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/";
    private static final String TCHAR = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-.^_`|~";
    /** Characters next to the grammar: separators, controls, non-ASCII, lone surrogates, the last char. */
    private static final String EDGE = " \t\r\n\u000b\u000c\u0000\u001f\u007f\u0080\u00a0\u00e9\u0430\u3000\ufeff\uff21"
            + "\ud800\udfff\uffff\"\\,;:=()<>@[]{}?!#$%&'*^`|Bearer ";

    private record Spoiled(String token, int at, char c) {
    }

    private record Padded(String token, int padding, int at) {
    }

    @Test
    void parsingAnyTextNeverThrows() {
        forAll(1000, AuthorizationHeaderPropertiesTest::anyText, value -> {
            assertThat(AuthorizationHeader.parse(value)).isNotNull();
            assertThat(AuthorizationHeader.parseOther(value)).isNotNull();
        });
    }

    @Test
    void aWellFormedHeaderRoundTrips() {
        forAll(1000, random -> new PresentedCredential(scheme(random), token(random)), credential -> {
            Optional<PresentedCredential> parsed = AuthorizationHeader.parse(credential.scheme() + " " + credential.value());

            assertThat(parsed).contains(credential);
        });
    }

    @Test
    void anyCharacterOutsideTheGrammarInTheTokenIsRefused() {
        forAll(1000, random -> {
            String token = token(random);
            return new Spoiled(token, position(random, token.length() + 1), outsideTheGrammar(random));
        }, s -> {
            String spoiled = s.token().substring(0, s.at()) + s.c() + s.token().substring(s.at());

            assertThat(AuthorizationHeader.parse("Bearer " + spoiled)).isEmpty();
        });
    }

    @Test
    void paddingOnlyAtTheEndIsAccepted() {
        forAll(1000, random -> {
            String token = token(random);
            return new Padded(token, 1 + random.nextInt(3), position(random, token.length()));
        }, p -> {
            assertThat(AuthorizationHeader.parse("Bearer " + p.token() + "=".repeat(p.padding()))).isPresent();
            if (p.at() > 0) {
                String inside = p.token().substring(0, p.at()) + "=" + p.token().substring(p.at());
                assertThat(AuthorizationHeader.parse("Bearer " + inside)).isEmpty();
            }
        });
    }

    @Test
    void anySeparatorButOneSpaceIsRefused() {
        forAll(1000, random -> separator(random) + token(random), separatorAndToken -> {
            assertThat(AuthorizationHeader.parse("Bearer" + separatorAndToken)).isEmpty();
            assertThat(AuthorizationHeader.parseOther("Bearer" + separatorAndToken)).isEmpty();
        });
    }

    @Test
    void aHeaderOverTheLimitIsRefused() {
        forAll(50, random -> length(random, 1, 10_000), extra -> {
            String token = "A".repeat(AuthorizationHeader.MAX_LENGTH - "Bearer ".length() + extra);
            assertThat(AuthorizationHeader.parse("Bearer " + token)).isEmpty();
            assertThat(AuthorizationHeader.parse("Bearer " + token.substring(extra))).isPresent();
        });
    }

    /** Any UTF-16 text: mostly short, sometimes at or just over the length limit; every third char an edge one. */
    private static String anyText(Random random) {
        int max = random.nextInt(10) == 0 ? AuthorizationHeader.MAX_LENGTH + 1 : 100;
        StringBuilder text = new StringBuilder(random.nextInt(10) == 0 ? "Bearer " : "");
        for (int i = length(random, 0, max); i > 0; i--) {
            text.append(random.nextInt(3) == 0 ? EDGE.charAt(random.nextInt(EDGE.length()))
                    : (char) random.nextInt(Character.MAX_VALUE + 1));
        }
        return text.toString();
    }

    private static String scheme(Random random) {
        return random.nextBoolean() ? oneOf(random, "Bearer", "bearer", "BEARER", "bEaReR") : string(random, TCHAR, 1, 20);
    }

    private static String token(Random random) {
        return string(random, B64, 1, 200);
    }

    /** A position in {@code 0..bound-1}: often the first or the last, else anywhere. */
    private static int position(Random random, int bound) {
        return length(random, 0, bound - 1);
    }

    /** A character that is neither b64token nor '=': half edge characters, half any char. */
    private static char outsideTheGrammar(Random random) {
        while (true) {
            char c = random.nextBoolean() ? EDGE.charAt(random.nextInt(EDGE.length())) : (char) random.nextInt(Character.MAX_VALUE + 1);
            if (B64.indexOf(c) < 0 && c != '=') {
                return c;
            }
        }
    }

    private static String separator(Random random) {
        return random.nextBoolean()
                ? oneOf(random, "", "  ", "\t", " \t", "\u00a0", "\u3000", "\r\n ", ",", ":", "=", "\u0000")
                : string(random, " \t\u000b\u000c\u00a0", 2, 5);
    }
}
