package dev.warden.persistence.crypto;

import dev.warden.domain.token.SecretHash;
import dev.warden.persistence.signing.MasterKey;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The cold path, measured (not a test: run it by hand, see docs/performance.md): verifications
 * per second of distinct secrets, as a node with an empty verified-credential cache does them,
 * for argon2id at the default cost and for HMAC-SHA-256, through {@link ConfiguredSecretHasher}
 * as Warden runs it (argon2 on its pool of one platform thread per core, HMAC inline on the
 * callers' virtual threads). Prints figures; asserts only that every verification succeeded.
 *
 * <p>{@code java ... ColdPathHashingBenchmark [seconds per case, default 10] [callers, default 16]}
 */
public final class ColdPathHashingBenchmark {

    private static final int DISTINCT_SECRETS = 10_000;

    private ColdPathHashingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int callers = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("cores=%d, callers=%d (virtual threads), %d s per case, JDK %s%n", cores, callers, seconds,
                Runtime.version());
        MasterKey masterKey = MasterKey.generate();
        Argon2Settings settings = new Argon2Settings(Argon2Settings.MIN_MEMORY_KIB, Argon2Settings.MIN_ITERATIONS,
                Argon2Settings.MIN_PARALLELISM, cores, 10 * callers);
        try (ConfiguredSecretHasher argon2 = new ConfiguredSecretHasher(HashAlgorithm.ARGON2ID,
                new Argon2SecretHasher(settings), HmacSecretHasher.fromMasterKey(masterKey));
             ConfiguredSecretHasher hmac = new ConfiguredSecretHasher(HashAlgorithm.HMAC_SHA256,
                     new Argon2SecretHasher(settings), HmacSecretHasher.fromMasterKey(masterKey))) {
            run("argon2id m=19456,t=2,p=1", argon2, 200, seconds, 1);
            run("argon2id m=19456,t=2,p=1", argon2, 200, seconds, callers);
            run("hmac-sha256", hmac, DISTINCT_SECRETS, seconds, 1);
            run("hmac-sha256", hmac, DISTINCT_SECRETS, seconds, callers);
        }
    }

    private static void run(String name, ConfiguredSecretHasher hasher, int distinct, int seconds, int callers)
            throws Exception {
        List<byte[]> secrets = new ArrayList<>();
        List<SecretHash> hashes = new ArrayList<>();
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < distinct; i++) {
            byte[] bytes = new byte[32];
            random.nextBytes(bytes);
            byte[] secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).getBytes(StandardCharsets.US_ASCII);
            secrets.add(secret);
            hashes.add(hasher.hash(secret));
        }
        // Warm-up: JIT and, for argon2, the pool's threads and native memory.
        measure(hasher, secrets, hashes, Math.max(1, seconds / 3), callers);
        Result result = measure(hasher, secrets, hashes, seconds, callers);
        System.out.printf("%-26s callers=%3d  %,12.0f verifications/s  mean %8.3f ms/verification per caller  "
                        + "10,000 distinct secrets: %8.2f s%n", name, callers, result.perSecond(),
                callers * 1000.0 / result.perSecond(), DISTINCT_SECRETS / result.perSecond());
    }

    private record Result(double perSecond) {
    }

    private static Result measure(ConfiguredSecretHasher hasher, List<byte[]> secrets, List<SecretHash> hashes,
                                  int seconds, int callers) throws Exception {
        LongAdder done = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        long start = System.nanoTime();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int offset = c;
                running.add(executor.submit(() -> {
                    for (int i = offset; !stop.get(); i += callers) {
                        int k = i % secrets.size();
                        if (!hasher.verify(hashes.get(k), secrets.get(k))) {
                            throw new IllegalStateException("a verification failed");
                        }
                        done.increment();
                    }
                    return null;
                }));
            }
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            for (Future<?> f : running) {
                f.get();
            }
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new Result(done.sum() / elapsed);
    }
}
