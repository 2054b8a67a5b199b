package dev.warden.benchmarks;

import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.application.auth.VerifierContext;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.token.PatVerifierProvider;
import dev.warden.domain.org.Organization;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.token.OpaqueToken;
import dev.warden.domain.token.TokenKind;
import dev.warden.http.auth.AuthorizationHeader;
import dev.warden.persistence.cache.CaffeineVerifiedCredentialCache;
import dev.warden.persistence.token.BatchingTokenUsageRecorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.warden.benchmarks.OpaqueTokenBenchmark.require;

/**
 * The PAT verifier's hot path without I/O: a PAT that this node has verified before, as every
 * request after the first one presents it. Wired as the server wires it for the hot path — the
 * system clock, the Caffeine verified-credential cache (100,000 entries, 300 s) and the batching
 * usage recorder — over the application's in-memory repositories, which a cache hit never reads.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PatVerifierBenchmark {

    private BatchingTokenUsageRecorder usage;
    private CredentialVerifier verifier;
    private PresentedCredential cachedPat;
    private String cachedPatHeader;
    private PresentedCredential checksumMismatch;
    private PresentedCredential otherMethod;

    @Setup(Level.Trial)
    public void setUp() {
        FakePorts ports = new FakePorts(Instant.now().minus(Duration.ofDays(1)));
        Organization org = ports.organization("ACME");
        ServiceUser user = ports.serviceUser(org, "ci-bot");
        String token = ports.issuePersonalAccessToken(user, null).token();
        Clock clock = Clock.systemUTC();
        // The repository is in memory: a flush (every 5 s, as configured by default) costs no I/O.
        usage = new BatchingTokenUsageRecorder(ports.tokens);
        var cache = new CaffeineVerifiedCredentialCache(100_000, Duration.ofSeconds(300), clock);
        VerifierContext context = new VerifierContext(clock, ports.organizations, ports.users, ports.tokens,
                ports.hasher, cache, usage, Map.of(), ports.accessTokens, ports.secrets, ports.machineKeys,
                ports.assertions, ports.replayGuard, ports.signingKeys, FakePorts.ISSUER, ports.oauth.assertionRules(),
                ports.apiClients, ports.clientCache);
        verifier = new PatVerifierProvider().create(context);

        cachedPat = new PresentedCredential("Bearer", token);
        cachedPatHeader = "Bearer " + token;
        int i = TokenKind.PERSONAL_ACCESS_TOKEN.prefix().length() + 20;
        checksumMismatch = new PresentedCredential("Bearer",
                token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1));
        otherMethod = new PresentedCredential("Bearer",
                OpaqueToken.generate(TokenKind.ACCESS_TOKEN, 291745830282477570L).encode());

        // The first verification hashes (here with the fake hasher) and fills the cache.
        require(verifier.verify(cachedPat) instanceof Verification.Verified, "the PAT is verified");
        int lookups = ports.tokens.lookups();
        int hashes = ports.hasher.verifyCalls();
        require(verifier.verify(cachedPat) instanceof Verification.Verified, "the PAT is verified again");
        require(ports.tokens.lookups() == lookups && ports.hasher.verifyCalls() == hashes,
                "the second verification is a cache hit");
        require(verifier.verify(checksumMismatch) instanceof Verification.Rejected, "a mutated PAT is rejected");
        require(verifier.verify(otherMethod) == Verification.ABSTAINED, "an access token is abstained on");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        usage.close();
    }

    /** Prefix, checksum, digest, cache hit, expiry check and the usage note. */
    @Benchmark
    public Verification verifyCachedPat() {
        return verifier.verify(cachedPat);
    }

    /** The same, starting from the {@code Authorization} header's value. */
    @Benchmark
    public Verification parseHeaderAndVerifyCachedPat() {
        return verifier.verify(AuthorizationHeader.parse(cachedPatHeader).orElseThrow());
    }

    /** A mistyped PAT: refused on its checksum, before the digest and the cache. */
    @Benchmark
    public Verification rejectChecksumMismatch() {
        return verifier.verify(checksumMismatch);
    }

    /** An access token reaching the PAT verifier first: abstained on its prefix. */
    @Benchmark
    public Verification abstainOnOtherMethod() {
        return verifier.verify(otherMethod);
    }
}
