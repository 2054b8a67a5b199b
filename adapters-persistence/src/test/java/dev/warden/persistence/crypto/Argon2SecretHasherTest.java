package dev.warden.persistence.crypto;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Factory.Argon2Types;
import dev.warden.application.error.UnavailableException;
import dev.warden.domain.token.SecretHash;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Argon2SecretHasherTest {

    private static final byte[] SECRET = "correct horse battery staple".getBytes(StandardCharsets.UTF_8);

    private final Argon2SecretHasher hasher = new Argon2SecretHasher(new Argon2Settings(19_456, 2, 1, 2, 4));

    @AfterAll
    void closeHasher() {
        hasher.close();
    }

    @Test
    void hashIsAnArgon2idPhcStringWithTheConfiguredCost() {
        SecretHash hash = hasher.hash(SECRET);

        assertThat(hash.phc()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(hash.phc().split("\\$")).hasSize(6);
    }

    @Test
    void verifyAcceptsTheRightSecret() {
        assertThat(hasher.verify(hasher.hash(SECRET), SECRET.clone())).isTrue();
    }

    @Test
    void verifyRefusesAWrongSecret() {
        byte[] wrong = SECRET.clone();
        wrong[0] ^= 1;

        assertThat(hasher.verify(hasher.hash(SECRET), wrong)).isFalse();
    }

    @Test
    void verifyRefusesAHashItCannotDecode() {
        assertThat(hasher.verify(new SecretHash("$argon2id$not-a-hash"), SECRET)).isFalse();
    }

    @Test
    void sameSecretHashesDifferentlyEachTime() {
        assertThat(hasher.hash(SECRET)).isNotEqualTo(hasher.hash(SECRET));
    }

    @Test
    void hashWithStrongerParametersStillVerifies() {
        try (Argon2SecretHasher stronger = new Argon2SecretHasher(new Argon2Settings(32_768, 3, 2, 1, 0))) {
            SecretHash hash = stronger.hash(SECRET);

            assertThat(hash.phc()).startsWith("$argon2id$v=19$m=32768,t=3,p=2$");
            // Parameters travel in the PHC string: a hasher with other settings verifies it too.
            assertThat(hasher.verify(hash, SECRET)).isTrue();
        }
    }

    @Test
    void needsRehashUnlessTheHashHasExactlyTheConfiguredCost() {
        try (Argon2SecretHasher stronger = new Argon2SecretHasher(new Argon2Settings(32_768, 3, 2, 1, 0))) {
            SecretHash own = hasher.hash(SECRET);
            SecretHash strongerHash = stronger.hash(SECRET);

            assertThat(hasher.needsRehash(own)).isFalse();
            assertThat(hasher.needsRehash(strongerHash)).isTrue();
            assertThat(stronger.needsRehash(own)).isTrue();
            assertThat(stronger.needsRehash(strongerHash)).isFalse();
        }
        assertThat(hasher.needsRehash(new SecretHash("$argon2id$v=16$m=19456,t=2,p=1$c2FsdA$aGFzaA"))).isTrue();
        assertThat(hasher.needsRehash(new SecretHash("$argon2id$v=19$m=194560,t=2,p=1$c2FsdA$aGFzaA"))).isTrue();
        assertThat(hasher.needsRehash(new SecretHash("$argon2i$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"))).isTrue();
        assertThat(hasher.needsRehash(new SecretHash("$hmac-sha256$v=1$k=abcdefgh$c2FsdA$aGFzaA"))).isTrue();
    }

    @Test
    void callersSecretIsLeftIntact() {
        byte[] secret = SECRET.clone();

        hasher.verify(hasher.hash(secret), secret);

        assertThat(secret).isEqualTo(SECRET);
    }

    @Test
    void parametersWeakerThanTheOwaspMinimumAreRefused() {
        assertThatThrownBy(() -> new Argon2Settings(19_455, 2, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("memory");
        assertThatThrownBy(() -> new Argon2Settings(19_456, 1, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("iterations");
        assertThatThrownBy(() -> new Argon2Settings(19_456, 2, 0, 1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("parallelism");
    }

    @Test
    void hasherWithParametersWeakerThanTheOwaspMinimumCannotBeBuilt() {
        assertThatThrownBy(() -> new Argon2SecretHasher(16_384, 2, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2SecretHasher(65_536, 1, 4, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void poolWithoutThreadsOrWithANegativeQueueIsRefused() {
        assertThatThrownBy(() -> new Argon2Settings(19_456, 2, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Argon2Settings(19_456, 2, 1, 1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void defaultsAreTheOwaspMinimumWithAThreadPerProcessor() {
        Argon2Settings defaults = Argon2Settings.defaults();

        int processors = Runtime.getRuntime().availableProcessors();
        assertThat(defaults).isEqualTo(new Argon2Settings(19_456, 2, 1, processors, 2 * processors));
    }

    @Test
    void hashingRunsOnPlatformThreadsNotOnTheCallersVirtualThread() throws Exception {
        List<Thread> hashingThreads = new CopyOnWriteArrayList<>();
        Argon2 recording = intercept(() -> hashingThreads.add(Thread.currentThread()));
        try (Argon2SecretHasher recorded = new Argon2SecretHasher(recording, new Argon2Settings(19_456, 2, 1, 1, 1));
             ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            virtualThreads.submit(() -> recorded.hash(SECRET)).get(30, TimeUnit.SECONDS);
        }

        assertThat(hashingThreads).singleElement().satisfies(thread -> {
            assertThat(thread.isVirtual()).isFalse();
            assertThat(thread.getName()).startsWith("warden-argon2-");
        });
    }

    @Test
    void callBeyondBusyThreadsAndAFullQueueIsShed() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Argon2 held = intercept(() -> {
            started.countDown();
            awaitUninterruptibly(release);
        });
        try (Argon2SecretHasher oneThreadOneSlot = new Argon2SecretHasher(held, new Argon2Settings(19_456, 2, 1, 1, 1));
             ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<SecretHash> running = callers.submit(() -> oneThreadOneSlot.hash(SECRET));
            started.await();
            Future<SecretHash> waiting = callers.submit(() -> oneThreadOneSlot.hash(SECRET));
            awaitCondition(() -> oneThreadOneSlot.queueDepth() == 1);
            assertThat(oneThreadOneSlot.activeCount()).isEqualTo(1);

            assertThatThrownBy(() -> oneThreadOneSlot.verify(new SecretHash("$argon2id$x"), SECRET))
                    .isInstanceOfSatisfying(UnavailableException.class, e -> {
                        assertThat(e.errorId()).isEqualTo("HASH-busy");
                        assertThat(e.text()).isEqualTo("Too many concurrent credential checks, retry later");
                    });

            release.countDown();
            assertThat(running.get(30, TimeUnit.SECONDS).phc()).startsWith("$argon2id$");
            assertThat(waiting.get(30, TimeUnit.SECONDS).phc()).startsWith("$argon2id$");
            // Shedding is momentary: with the threads free again, calls are admitted.
            assertThat(oneThreadOneSlot.hash(SECRET).phc()).startsWith("$argon2id$");
        }
    }

    @Test
    void withoutAQueueTheCallBeyondTheBusyThreadIsShed() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Argon2 held = intercept(() -> {
            started.countDown();
            awaitUninterruptibly(release);
        });
        try (Argon2SecretHasher noQueue = new Argon2SecretHasher(held, new Argon2Settings(19_456, 2, 1, 1, 0));
             ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<SecretHash> running = callers.submit(() -> noQueue.hash(SECRET));
            started.await();

            assertThatThrownBy(() -> noQueue.hash(SECRET)).isInstanceOf(UnavailableException.class);

            release.countDown();
            running.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void backToBackCallsOfOneCallerAreNeverShed() {
        try (Argon2SecretHasher single = new Argon2SecretHasher(new Argon2Settings(19_456, 2, 1, 1, 0))) {
            for (int i = 0; i < 20; i++) {
                assertThat(single.verify(new SecretHash("$argon2id$x"), SECRET)).isFalse();
            }
        }
    }

    @Test
    void closedHasherRefusesCalls() {
        Argon2SecretHasher closed = new Argon2SecretHasher(new Argon2Settings(19_456, 2, 1, 1, 1));
        closed.close();

        assertThatThrownBy(() -> closed.hash(SECRET)).isInstanceOf(UnavailableException.class);
    }

    /** The real argon2id, with {@code beforeHash} run on the hashing thread before each hash or verify. */
    private static Argon2 intercept(Runnable beforeHash) {
        Argon2 real = Argon2Factory.create(Argon2Types.ARGON2id);
        return (Argon2) Proxy.newProxyInstance(Argon2.class.getClassLoader(), new Class<?>[] {Argon2.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("hash") || method.getName().equals("verify")) {
                        beforeHash.run();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitCondition(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached");
            }
            Thread.sleep(1);
        }
    }
}
