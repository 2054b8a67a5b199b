package dev.warden.benchmarks;

import dev.warden.domain.token.OpaqueToken;
import dev.warden.domain.token.TokenKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The opaque token's format and CRC-32 check: what every {@code Bearer wdn_…} request pays before
 * any cache or database, including the ones that are refused.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OpaqueTokenBenchmark {

    private String validPat;
    private String validAccessToken;
    /** A PAT with one character of its secret changed: well-formed, the checksum fails. */
    private String checksumMismatch;
    /** The PAT prefix and the right length of random URL-safe characters: decoded, then refused. */
    private String fullLengthGarbage;
    /** What a scanner or a misconfigured client sends: refused on its length. */
    private String shortGarbage;

    @Setup
    public void setUp() {
        validPat = OpaqueToken.generate(TokenKind.PERSONAL_ACCESS_TOKEN, 291745830282477569L).encode();
        validAccessToken = OpaqueToken.generate(TokenKind.ACCESS_TOKEN, 291745830282477570L).encode();
        int i = TokenKind.PERSONAL_ACCESS_TOKEN.prefix().length() + 20;
        checksumMismatch = validPat.substring(0, i) + (validPat.charAt(i) == 'A' ? 'B' : 'A') + validPat.substring(i + 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        SplittableRandom random = new SplittableRandom(42);
        StringBuilder garbage = new StringBuilder(TokenKind.PERSONAL_ACCESS_TOKEN.prefix());
        while (garbage.length() < validPat.length()) {
            garbage.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        fullLengthGarbage = garbage.toString();
        shortGarbage = "hello-world-not-a-token";
        require(parse(validPat).isPresent(), "valid PAT parses");
        require(OpaqueToken.parse(TokenKind.ACCESS_TOKEN, validAccessToken).isPresent(), "valid access token parses");
        require(parse(checksumMismatch).isEmpty(), "mutated PAT is refused");
        require(parse(fullLengthGarbage).isEmpty(), "garbage is refused");
        require(parse(shortGarbage).isEmpty(), "short garbage is refused");
    }

    private static Optional<OpaqueToken> parse(String text) {
        return OpaqueToken.parse(TokenKind.PERSONAL_ACCESS_TOKEN, text);
    }

    static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("benchmark set-up is wrong: expected " + what);
        }
    }

    @Benchmark
    public Optional<OpaqueToken> parseValidPat() {
        return parse(validPat);
    }

    @Benchmark
    public Optional<OpaqueToken> parseValidAccessToken() {
        return OpaqueToken.parse(TokenKind.ACCESS_TOKEN, validAccessToken);
    }

    @Benchmark
    public Optional<OpaqueToken> parseChecksumMismatch() {
        return parse(checksumMismatch);
    }

    @Benchmark
    public Optional<OpaqueToken> parseFullLengthGarbage() {
        return parse(fullLengthGarbage);
    }

    @Benchmark
    public Optional<OpaqueToken> parseShortGarbage() {
        return parse(shortGarbage);
    }

    /** Issuing: a SecureRandom secret, the checksum and the base64url string. */
    @Benchmark
    public void generateAndEncode(Blackhole blackhole) {
        blackhole.consume(OpaqueToken.generate(TokenKind.PERSONAL_ACCESS_TOKEN, 291745830282477569L).encode());
    }
}
