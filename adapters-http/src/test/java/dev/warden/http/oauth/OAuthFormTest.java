package dev.warden.http.oauth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Strict parsing of {@code application/x-www-form-urlencoded} OAuth bodies (RFC 6749 §3.2, WHATWG URL). */
class OAuthFormTest {

    private static OAuthForm parse(String body) {
        return OAuthForm.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertInvalidRequest(Runnable parse, String description) {
        assertThatThrownBy(parse::run)
                .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.error())
                        .isEqualTo(new OAuthError(400, "invalid_request", description)));
    }

    @Test
    void plusIsASpace() {
        OAuthForm form = parse("scope=openid+profile+urn%3Azitadel%3Aiam%3Auser%3Aresourceowner");

        assertThat(form.get("scope")).contains("openid profile urn:zitadel:iam:user:resourceowner");
    }

    @Test
    void percentEncodingIsDecodedInNamesAndValues() {
        OAuthForm form = parse("client_id=robot%40acme&client%5Fsecret=a%2Bb%26c%3Dd%25e&euro=%E2%82%AC");

        assertThat(form.get("client_id")).contains("robot@acme");
        assertThat(form.get("client_secret")).contains("a+b&c=d%e");
        assertThat(form.get("euro")).contains("€");
    }

    @Test
    void rawUtf8IsKept() {
        assertThat(parse("name=Zürich €").get("name")).contains("Zürich €");
    }

    @Test
    void namesAndValuesAreCaseSensitive() {
        OAuthForm form = parse("Token=A&token=b");

        assertThat(form.get("token")).contains("b");
        assertThat(form.get("Token")).contains("A");
        assertThat(form.get("TOKEN")).isEmpty();
    }

    @Test
    void anEmptyValueCountsAsAbsent() {
        OAuthForm form = parse("token=&scope=openid");

        assertThat(form.get("token")).isEmpty();
        assertThat(form.has("token")).isFalse();
        assertThat(form.has("scope")).isTrue();
        assertInvalidRequest(() -> form.require("token"), "token missing");
        assertThat(form.require("scope")).isEqualTo("openid");
    }

    @Test
    void aParameterWithoutEqualsSignIsEmpty() {
        OAuthForm form = parse("token&scope=openid");

        assertThat(form.has("token")).isFalse();
        assertThat(form.get("scope")).contains("openid");
    }

    @Test
    void anEqualsSignInTheValueIsKept() {
        assertThat(parse("token=abc==&x=1").get("token")).contains("abc==");
    }

    @Test
    void anAbsentParameterIsMissing() {
        OAuthForm form = parse("scope=openid");

        assertThat(form.get("token")).isEmpty();
        assertInvalidRequest(() -> form.require("token"), "token missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "&", "&&&"})
    void anEmptyBodyHasNoParameters(String body) {
        OAuthForm form = parse(body);

        assertThat(form.has("token")).isFalse();
        assertThat(form.has("")).isFalse();
    }

    @Test
    void emptyPairsAreSkipped() {
        OAuthForm form = parse("&token=t&&scope=s&");

        assertThat(form.get("token")).contains("t");
        assertThat(form.get("scope")).contains("s");
    }

    @Test
    void aDuplicateParameterIsInvalidRequest() {
        assertInvalidRequest(() -> parse("client_id=a&client_id=b"),
                "parameter client_id is included more than once");
        assertInvalidRequest(() -> parse("token=t&token=t"), "parameter token is included more than once");
    }

    @Test
    void aDuplicateIsFoundAfterDecodingAndWhenOneValueIsEmpty() {
        assertInvalidRequest(() -> parse("client_id=a&client%5Fid=b"),
                "parameter client_id is included more than once");
        assertInvalidRequest(() -> parse("token=&token=abc"), "parameter token is included more than once");
        assertInvalidRequest(() -> parse("token&token=abc"), "parameter token is included more than once");
    }

    @Test
    void theNameOfADuplicateIsShownOnlyWhenPrintableAndShort() {
        assertInvalidRequest(() -> parse("a%0Ab=1&a%0Ab=2"), "parameter (unprintable) is included more than once");
        String longName = "n".repeat(50);
        assertInvalidRequest(() -> parse(longName + "=1&" + longName + "=2"),
                "parameter " + "n".repeat(40) + "… is included more than once");
    }

    @Test
    void printableKeepsShortNamesAndHidesControlCharacters() {
        assertThat(OAuthForm.printable("client_id")).isEqualTo("client_id");
        assertThat(OAuthForm.printable("x".repeat(40))).isEqualTo("x".repeat(40));
        assertThat(OAuthForm.printable("x".repeat(41))).isEqualTo("x".repeat(40) + "…");
        assertThat(OAuthForm.printable("a\u0000b")).isEqualTo("(unprintable)");
        assertThat(OAuthForm.printable("a\u007fb")).isEqualTo("(unprintable)");
        assertThat(OAuthForm.printable("a\tb")).isEqualTo("(unprintable)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"token=%zz", "token=%", "token=%4", "token=abc%", "token=%G1", "%zz=1",
            "token=%+1", "token=%-1", "token=% 1"})
    void malformedPercentEncodingIsInvalidRequest(String body) {
        assertInvalidRequest(() -> parse(body), "body is not valid form encoding");
    }

    @ParameterizedTest
    @ValueSource(strings = {"token=%FF", "token=%C3%28", "token=%E2%82", "token=%C0%AF", "token=%ED%A0%80",
            "na%FFme=1"})
    void percentEncodedBytesThatAreNotUtf8AreInvalidRequest(String body) {
        assertInvalidRequest(() -> parse(body), "body is not valid form encoding");
    }

    @Test
    void aPercentEncodedReplacementCharacterIsValidUtf8() {
        assertThat(parse("name=%EF%BF%BD").get("name")).contains("\uFFFD");
        assertThat(parse("name=\uFFFD").get("name")).contains("\uFFFD");
    }

    @Test
    void rawBytesThatAreNotUtf8AreInvalidRequest() {
        assertInvalidRequest(() -> OAuthForm.parse(new byte[]{'t', '=', (byte) 0xC3, (byte) 0x28}),
                "body is not valid UTF-8");
        assertInvalidRequest(() -> OAuthForm.parse(new byte[]{'t', '=', (byte) 0xFF}), "body is not valid UTF-8");
        assertInvalidRequest(() -> OAuthForm.parse(new byte[]{'t', '=', (byte) 0xE2, (byte) 0x82}),
                "body is not valid UTF-8");
    }

    @Test
    void theErrorNeverEchoesAValue() {
        assertThatThrownBy(() -> parse("client_secret=s3cr3t%zz"))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.error().description()).doesNotContain("s3cr3t");
                    assertThat(e.getMessage()).doesNotContain("s3cr3t");
                });
    }
}
