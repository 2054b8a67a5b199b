package dev.warden.http.auth;

import dev.warden.application.auth.PresentedCredential;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the strict {@code Authorization} parser (security decision 1) over generated
 * headers: it never throws, a well-formed header round-trips to its scheme and token, and any
 * deviation from {@code <scheme> SP <b64token>} (a second space, a control or non-ASCII
 * character, a character outside b64token, a header over the length limit) is refused.
 */
class AuthorizationHeaderPropertiesTest {

    private static final String B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~+/";
    private static final String TCHAR = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-.^_`|~";

    @Property
    void parsingAnyTextNeverThrows(@ForAll String value) {
        assertThat(AuthorizationHeader.parse(value)).isNotNull();
        assertThat(AuthorizationHeader.parseOther(value)).isNotNull();
    }

    @Property
    void aWellFormedHeaderRoundTrips(@ForAll("schemes") String scheme, @ForAll("tokens") String token) {
        Optional<PresentedCredential> parsed = AuthorizationHeader.parse(scheme + " " + token);

        assertThat(parsed).contains(new PresentedCredential(scheme, token));
    }

    @Property
    void anyCharacterOutsideTheGrammarInTheTokenIsRefused(@ForAll("tokens") String token,
                                                          @ForAll @IntRange(min = 0, max = 500) int position,
                                                          @ForAll char c) {
        Assume.that(B64.indexOf(c) < 0 && c != '=');
        int at = position % (token.length() + 1);
        String spoiled = token.substring(0, at) + c + token.substring(at);

        assertThat(AuthorizationHeader.parse("Bearer " + spoiled)).as("%s", spoiled.chars().toArray()).isEmpty();
    }

    @Property
    void paddingOnlyAtTheEndIsAccepted(@ForAll("tokens") String token, @ForAll @IntRange(min = 1, max = 3) int padding,
                                       @ForAll @IntRange(min = 0, max = 500) int position) {
        String padded = token + "=".repeat(padding);
        assertThat(AuthorizationHeader.parse("Bearer " + padded)).isPresent();
        int at = position % token.length();
        Assume.that(at > 0);
        assertThat(AuthorizationHeader.parse("Bearer " + token.substring(0, at) + "=" + token.substring(at))).isEmpty();
    }

    @Property
    void anySeparatorButOneSpaceIsRefused(@ForAll("tokens") String token, @ForAll("separators") String separator) {
        assertThat(AuthorizationHeader.parse("Bearer" + separator + token)).isEmpty();
        assertThat(AuthorizationHeader.parseOther("Bearer" + separator + token)).isEmpty();
    }

    @Property(tries = 50)
    void aHeaderOverTheLimitIsRefused(@ForAll @IntRange(min = 1, max = 10_000) int extra) {
        String token = "A".repeat(AuthorizationHeader.MAX_LENGTH - "Bearer ".length() + extra);
        assertThat(AuthorizationHeader.parse("Bearer " + token)).isEmpty();
        assertThat(AuthorizationHeader.parse("Bearer " + token.substring(extra))).isPresent();
    }

    @Provide
    Arbitrary<String> schemes() {
        return Arbitraries.oneOf(Arbitraries.of("Bearer", "bearer", "BEARER", "bEaReR"),
                Arbitraries.strings().withChars(TCHAR).ofMinLength(1).ofMaxLength(20));
    }

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.strings().withChars(B64).ofMinLength(1).ofMaxLength(200);
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.oneOf(Arbitraries.of("", "  ", "\t", " \t", "\u00a0", "\u3000", "\r\n ", ",", ":", "=",
                "\u0000"), Arbitraries.strings().withChars(" \t\u000b\u000c\u00a0").ofMinLength(2).ofMaxLength(5));
    }
}
