package dev.warden.benchmarks;

import dev.warden.application.auth.PresentedCredential;
import dev.warden.domain.token.OpaqueToken;
import dev.warden.domain.token.TokenKind;
import dev.warden.http.auth.AuthorizationHeader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static dev.warden.benchmarks.OpaqueTokenBenchmark.require;

/** The strict {@code Authorization} header parser that every authenticated request goes through. */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AuthorizationHeaderBenchmark {

    private String validPatBearer;
    /** An RS256 JWT of a typical size (~800 characters): the longest credential Warden sees often. */
    private String validJwtBearer;
    private String doubleSpace;
    /** A character outside b64token at the very end: the whole value is scanned before the refusal. */
    private String badCharacterAtEnd;
    private String noCredential;
    private String tooLong;

    @Setup
    public void setUp() {
        String pat = OpaqueToken.generate(TokenKind.PERSONAL_ACCESS_TOKEN, 291745830282477569L).encode();
        validPatBearer = "Bearer " + pat;
        validJwtBearer = "Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6IjI5MTc0NjEyMDUxNTczMTQ1NyIsInR5cCI6IkpXVCJ9."
                + "eyJpc3MiOiJodHRwOi8vbG9jYWxob3N0OjgwODAiLCJzdWIiOiIyOTE3NDU4MzAyODI0Nzc1NjkiLCJhdWQiOlsiMjkxNzk5OTEy"
                + "MzQ1Njc4OTAxIl0sImV4cCI6MTc1NjQxNTc2MCwiaWF0IjoxNzU2MzcyNTYwLCJuYmYiOjE3NTYzNzI1NjAsImp0aSI6IjI5MTc0"
                + "NjEyMDUxNTczMTQ1NyIsImNsaWVudF9pZCI6InJvYm90Iiwic2NvcGUiOiJvcGVuaWQgcHJvZmlsZSJ9."
                + "c2lnbmF0dXJl".repeat(30);
        doubleSpace = "Bearer  " + pat;
        badCharacterAtEnd = "Bearer " + pat + "!";
        noCredential = "Bearer";
        tooLong = "Bearer " + "A".repeat(AuthorizationHeader.MAX_LENGTH);
        require(AuthorizationHeader.parse(validPatBearer).isPresent(), "PAT header parses");
        require(AuthorizationHeader.parse(validJwtBearer).isPresent(), "JWT header parses");
        require(AuthorizationHeader.parse(doubleSpace).isEmpty(), "double space is refused");
        require(AuthorizationHeader.parse(badCharacterAtEnd).isEmpty(), "bad character is refused");
        require(AuthorizationHeader.parse(noCredential).isEmpty(), "missing credential is refused");
        require(AuthorizationHeader.parse(tooLong).isEmpty(), "over-long header is refused");
    }

    @Benchmark
    public Optional<PresentedCredential> parseValidPatBearer() {
        return AuthorizationHeader.parse(validPatBearer);
    }

    @Benchmark
    public Optional<PresentedCredential> parseValidJwtBearer() {
        return AuthorizationHeader.parse(validJwtBearer);
    }

    @Benchmark
    public Optional<PresentedCredential> parseMalformedDoubleSpace() {
        return AuthorizationHeader.parse(doubleSpace);
    }

    @Benchmark
    public Optional<PresentedCredential> parseMalformedBadCharacterAtEnd() {
        return AuthorizationHeader.parse(badCharacterAtEnd);
    }

    @Benchmark
    public Optional<PresentedCredential> parseMalformedNoCredential() {
        return AuthorizationHeader.parse(noCredential);
    }

    @Benchmark
    public Optional<PresentedCredential> parseMalformedTooLong() {
        return AuthorizationHeader.parse(tooLong);
    }
}
