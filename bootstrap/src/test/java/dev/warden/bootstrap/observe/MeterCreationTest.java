package dev.warden.bootstrap.observe;

import dev.warden.http.observe.MeterCreation;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.MetricsConfig;
import io.helidon.metrics.api.MetricsFactory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes' registries in one JVM creating meters at the same time: through {@link MeterCreation}
 * they all finish. Created directly, Helidon's Micrometer provider deadlocked here (a registry's
 * lock, then Micrometer's; Micrometer's, then the other registry's), which hung the three-node test.
 */
class MeterCreationTest {

    private static final int THREADS = 8;
    private static final int METERS = 300;

    @Test
    void metersCreatedInTwoRegistriesAtOnceAllGetCreated() throws Exception {
        List<MeterRegistry> registries = List.of(
                MetricsFactory.getInstance().createMeterRegistry(MetricsConfig.create()),
                MetricsFactory.getInstance().createMeterRegistry(MetricsConfig.create()));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, runnable -> Thread.ofPlatform().daemon().unstarted(runnable));
        boolean finished = false;
        try {
            List<Future<?>> creators = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                MeterRegistry registry = registries.get(t % 2);
                int thread = t;
                creators.add(pool.submit(() -> {
                    for (int i = 0; i < METERS; i++) {
                        String name = "meter.creation.test." + thread + "." + i;
                        MeterCreation.serialized(() -> registry.getOrCreate(Counter.builder(name))).increment();
                    }
                }));
            }
            for (Future<?> creator : creators) {
                try {
                    creator.get(60, TimeUnit.SECONDS);
                } catch (TimeoutException e) {
                    throw new AssertionError("meter creation hung (deadlock between the registries)", e);
                }
            }
            finished = true;
            for (int t = 0; t < THREADS; t++) {
                String name = "meter.creation.test." + t + "." + (METERS - 1);
                assertThat(registries.get(t % 2).counter(name, List.of())).as(name).isPresent();
            }
        } finally {
            pool.shutdownNow();
            if (finished) {
                // Deadlocked registries would block close() too: then the failure is reported instead.
                registries.forEach(MeterRegistry::close);
            }
        }
    }
}
