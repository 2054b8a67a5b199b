package dev.warden.persistence.crypto;

import dev.warden.application.error.UnavailableException;
import dev.warden.domain.key.RsaKeys;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JdkRsaKeyGeneratorTest {

    @Test
    void generatesDistinct2048BitRsaPairsWithCrtPrivateKeys() {
        try (JdkRsaKeyGenerator generator = new JdkRsaKeyGenerator(1, 1)) {
            KeyPair first = generator.generate();
            KeyPair second = generator.generate();

            assertThat(first.getPublic()).isInstanceOf(RSAPublicKey.class);
            assertThat(first.getPrivate()).isInstanceOf(RSAPrivateCrtKey.class);
            RSAPublicKey publicKey = (RSAPublicKey) first.getPublic();
            assertThat(publicKey.getModulus().bitLength()).isEqualTo(2048);
            assertThat(RsaKeys.hasAcceptableSize(publicKey)).isTrue();
            assertThat(((RSAPrivateCrtKey) first.getPrivate()).getModulus()).isEqualTo(publicKey.getModulus());
            assertThat(second.getPublic()).isNotEqualTo(first.getPublic());
        }
    }

    @Test
    void generatesOnAPlatformThreadOfItsOwn() throws Exception {
        AtomicReference<Thread> worker = new AtomicReference<>();
        try (JdkRsaKeyGenerator generator = new JdkRsaKeyGenerator(() -> {
            worker.set(Thread.currentThread());
            return pair();
        }, 1, 0)) {
            Thread caller = Thread.ofVirtual().start(generator::generate);
            caller.join(Duration.ofSeconds(30));
        }

        assertThat(worker.get().isVirtual()).isFalse();
        assertThat(worker.get().getName()).startsWith("warden-rsa-keygen-");
    }

    @Test
    void refusesAtOnceWhenThreadsAndQueueAreFullAndAdmitsAgainAfterwards() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        KeyPair canned = pair();
        Supplier<KeyPair> held = () -> {
            started.countDown();
            await(release);
            return canned;
        };
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();
        try (JdkRsaKeyGenerator generator = new JdkRsaKeyGenerator(held, 1, 1)) {
            CompletableFuture<KeyPair> running = CompletableFuture.supplyAsync(generator::generate, callers);
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<KeyPair> waiting = CompletableFuture.supplyAsync(generator::generate, callers);
            until(() -> generator.queueDepth() == 1);

            assertThatThrownBy(generator::generate)
                    .isInstanceOfSatisfying(UnavailableException.class, e -> {
                        assertThat(e.errorId()).isEqualTo("KEY-busy");
                        assertThat(e.text()).isEqualTo("Too many concurrent key generations, retry later");
                    });

            release.countDown();
            assertThat(running.get(10, TimeUnit.SECONDS)).isSameAs(canned);
            assertThat(waiting.get(10, TimeUnit.SECONDS)).isSameAs(canned);
            assertThat(generator.generate()).isSameAs(canned);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void failuresReachTheCallerAndFreeTheirAdmission() {
        try (JdkRsaKeyGenerator generator = new JdkRsaKeyGenerator(() -> {
            throw new IllegalStateException("no entropy");
        }, 1, 0)) {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(generator::generate).isInstanceOf(IllegalStateException.class)
                        .hasMessage("no entropy");
            }
        }
    }

    @Test
    void closedGeneratorRefuses() {
        JdkRsaKeyGenerator generator = new JdkRsaKeyGenerator(JdkRsaKeyGeneratorTest::pair, 1, 1);
        generator.close();

        assertThatThrownBy(generator::generate).isInstanceOf(UnavailableException.class);
    }

    @Test
    void settingsOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> new JdkRsaKeyGenerator(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JdkRsaKeyGenerator(1, -1)).isInstanceOf(IllegalArgumentException.class);
        JdkRsaKeyGenerator.withDefaults().close();
    }

    private static KeyPair pair() {
        return dev.warden.application.fakes.FakeRsaKeyGenerator.pair(0);
    }

    private static void until(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
