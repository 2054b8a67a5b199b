package dev.warden.http.auth;

import dev.warden.application.auth.PresentedCredential;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationHeaderTest {

    @Test
    void acceptsSchemeSpaceAndB64Token() {
        assertThat(AuthorizationHeader.parse("Bearer wdn_pat_abc-DEF.g~h+i/j=="))
                .contains(new PresentedCredential("Bearer", "wdn_pat_abc-DEF.g~h+i/j=="));
        assertThat(AuthorizationHeader.parse("bearer x")).contains(new PresentedCredential("bearer", "x"));
    }

    @Test
    void refusesEverythingElse() {
        char[] control = {'\u0000', '\t', '\n', '\r', '\u007f'};
        List<String> bad = new java.util.ArrayList<>(List.of("", "Bearer", "Bearer ", " Bearer x", "Bearer  x",
                "Bearer x ", "Bearer x y", "Bearer =x", "Bearer x=y", "Bearer x,", "Bearer x\"", "Bearer é",
                "Bear(er x", "Bearer x\u00a0", "Bearer " + "a".repeat(AuthorizationHeader.MAX_LENGTH)));
        for (char c : control) {
            bad.add("Bearer x" + c);
            bad.add("Bearer" + c + "x");
        }
        for (String value : bad) {
            assertThat(AuthorizationHeader.parse(value)).as(Arrays.toString(value.toCharArray())).isEmpty();
        }
        assertThat(AuthorizationHeader.parse(null)).isEmpty();
    }

    @Test
    void otherSchemesMayCarryAuthParamsWithSingleSpaces() {
        assertThat(AuthorizationHeader.parseOther("Warden-HMAC keyId=k1, ts=1700000000, sig=q-_x="))
                .contains(new PresentedCredential("Warden-HMAC", "keyId=k1, ts=1700000000, sig=q-_x="));
        assertThat(AuthorizationHeader.parseOther("Digest username=\"a\", realm=\"b\""))
                .contains(new PresentedCredential("Digest", "username=\"a\", realm=\"b\""));
    }

    @Test
    void otherSchemesRefuseControlCharactersDoubleSpacesAndOverlongValues() {
        List<String> bad = new java.util.ArrayList<>(List.of("", "Scheme", "Scheme ", " Scheme x", "Scheme  x",
                "Scheme x ", "Scheme x  y", "Sch(eme x", "Scheme é", "Scheme x\u00a0",
                "Scheme " + "a".repeat(AuthorizationHeader.MAX_LENGTH)));
        for (char c : new char[] {'\u0000', '\t', '\n', '\r', '\u007f'}) {
            bad.add("Scheme x" + c + "y");
        }
        for (String value : bad) {
            assertThat(AuthorizationHeader.parseOther(value)).as("[%s]", value).isEmpty();
        }
    }
}
