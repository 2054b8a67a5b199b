package dev.warden.domain.token;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzz target of the token parser (Jazzer). In a normal build it runs in regression mode: the
 * inputs under {@code src/test/resources/.../OpaqueTokenFuzzTestInputs/} (and an empty one)
 * replay as a unit test. {@code JAZZER_FUZZ=1} makes it fuzz with coverage guidance (see
 * docs/security.md). Whatever the text, the parser answers with a value, and what it accepts is
 * exactly the canonical form of a token of that kind.
 */
class OpaqueTokenFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parsesOnlyCanonicalTokens(byte[] input) {
        String text = new String(input, java.nio.charset.StandardCharsets.UTF_8);
        for (TokenKind kind : TokenKind.values()) {
            Optional<OpaqueToken> parsed = OpaqueToken.parse(kind, text);
            parsed.ifPresent(token -> {
                assertThat(token.encode()).isEqualTo(text);
                assertThat(token.kind()).isEqualTo(kind);
                assertThat(token.id()).isPositive();
            });
        }
    }
}
