package dev.warden.benchmarks;

import dev.warden.application.auth.CredentialDigest;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.principal.TokenDetails;
import dev.warden.domain.token.OpaqueToken;
import dev.warden.domain.token.PersonalAccessToken;
import dev.warden.domain.token.TokenKind;
import dev.warden.persistence.cache.CaffeineVerifiedCredentialCache;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static dev.warden.benchmarks.OpaqueTokenBenchmark.require;

/**
 * The verified-credential cache as the server builds it (Caffeine, 100,000 entries, 300 s, the
 * system clock), filled to its bound, and the SHA-256 digest that keys it.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.Throughput})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VerifiedCredentialCacheBenchmark {

    /** The default {@code warden.token.cache.max.size}. */
    @Param("100000")
    public int entries;

    private CaffeineVerifiedCredentialCache cache;
    /** Digests of the cached tokens, in a random order. */
    private String[] present;
    /** Digests of tokens never cached. */
    private String[] absent;
    private Principal[] principals;
    /** A PAT string, the input of {@link CredentialDigest#of}. */
    private String pat;

    @Setup(Level.Trial)
    public void setUp() {
        cache = new CaffeineVerifiedCredentialCache(entries, Duration.ofSeconds(300), Clock.systemUTC());
        present = new String[entries];
        absent = new String[entries];
        principals = new Principal[entries];
        Instant createdAt = Instant.now().minus(Duration.ofDays(30));
        for (int i = 0; i < entries; i++) {
            long tokenId = 291745830282477569L + i;
            present[i] = CredentialDigest.of(OpaqueToken.generate(TokenKind.PERSONAL_ACCESS_TOKEN, tokenId).encode());
            absent[i] = CredentialDigest.of(OpaqueToken.generate(TokenKind.PERSONAL_ACCESS_TOKEN, tokenId).encode());
            principals[i] = new Principal(291745830282000000L + i % 1000, 291743516339486721L + i % 50,
                    Long.toString(tokenId), "pat", PersonalAccessToken.NO_EXPIRATION,
                    new TokenDetails(createdAt, "", PersonalAccessToken.SCOPES, List.of(), true));
            cache.put(present[i], principals[i]);
        }
        shuffle(present, principals);
        int hits = 0;
        for (String digest : present) {
            hits += cache.get(digest).isPresent() ? 1 : 0;
        }
        // Caffeine may admit a few entries less than its bound; nearly all must be there.
        require(hits >= entries * 0.99, "a full cache (" + hits + " of " + entries + " hit)");
        pat = OpaqueToken.generate(TokenKind.PERSONAL_ACCESS_TOKEN, 291745830282477569L).encode();
    }

    private static void shuffle(String[] keys, Principal[] values) {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = keys.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            String key = keys[i];
            keys[i] = keys[j];
            keys[j] = key;
            Principal value = values[i];
            values[i] = values[j];
            values[j] = value;
        }
    }

    /** Each benchmark thread walks the keys from its own position. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        int next(int bound) {
            int i = next;
            next = i + 1 == bound ? 0 : i + 1;
            return i;
        }
    }

    @Benchmark
    public Optional<Principal> getHit(Cursor cursor) {
        return cache.get(present[cursor.next(entries)]);
    }

    @Benchmark
    public Optional<Principal> getMiss(Cursor cursor) {
        return cache.get(absent[cursor.next(entries)]);
    }

    /** A re-verified token: the entry is replaced (the miss path ends with this after argon2). */
    @Benchmark
    public void putReplace(Cursor cursor) {
        int i = cursor.next(entries);
        cache.put(present[i], principals[i], cache.generation());
    }

    /**
     * A first-seen token into the full cache: a new key each time, so every put evicts (or is not
     * admitted). The key is built in the benchmark (a concatenation of about 20 ns) with the
     * digest's length, 43 characters.
     */
    @Benchmark
    public void putNewEvicting(Cursor cursor, NewKeys keys) {
        int i = cursor.next(entries);
        cache.put(keys.next(), principals[i], cache.generation());
    }

    /** Keys never seen before, one per call. */
    @State(Scope.Thread)
    public static class NewKeys {
        private static final String PREFIX = "newKeyNeverSeenBefore-__";
        private long counter = 1_000_000_000_000_000_000L;

        String next() {
            return PREFIX + counter++;
        }
    }

    /** The digest of a presented PAT (SHA-256, base64url): every cached verification computes it. */
    @Benchmark
    public void credentialDigest(Blackhole blackhole) {
        blackhole.consume(CredentialDigest.of(pat));
    }
}
