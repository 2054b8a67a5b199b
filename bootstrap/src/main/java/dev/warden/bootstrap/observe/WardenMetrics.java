package dev.warden.bootstrap.observe;

import dev.warden.application.cluster.ChangeFollower;
import dev.warden.application.port.out.AuthenticationMeter;
import dev.warden.http.observe.MeterCreation;
import dev.warden.persistence.cache.CacheStatistics;
import dev.warden.persistence.crypto.Argon2SecretHasher;
import dev.warden.persistence.db.Database;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.FunctionalCounter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.MeterRegistry;
import io.helidon.metrics.api.MetricsConfig;
import io.helidon.metrics.api.MetricsFactory;
import io.helidon.metrics.api.Tag;
import io.helidon.webserver.observe.metrics.MetricsObserver;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * This node's meters, in a registry of its own (not Helidon's global one: every node in a test
 * JVM reports only itself), served by the observe feature at {@code /observe/metrics}. The
 * adapters keep their own counts; the gauges here only read them at scrape time, so nothing is
 * added to the request path but the request timer and the authentication counter.
 *
 * <p>Every label value is one of a fixed set (route templates, method ids, outcomes, cache names):
 * no id, token or other request text ever becomes a label.
 */
public final class WardenMetrics implements AuthenticationMeter, AutoCloseable {

    static final String AUTHENTICATIONS = "warden.authentications";
    /**
     * Helidon's provider warns, with a stack trace, of every registry after the first in a JVM; one
     * registry per node is intended (a test JVM runs many nodes, one after another).
     */
    private static final java.util.logging.Logger PROVIDER_LOG = java.util.logging.Logger.getLogger(
            "io.helidon.metrics.providers.micrometer.MMeterRegistry");

    static {
        PROVIDER_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private final MeterRegistry registry;
    private final Map<List<String>, Counter> authentications = new ConcurrentHashMap<>();
    /**
     * What the gauges and functional counters read. Micrometer holds their state objects weakly: a
     * lambda referenced only by the meter would be collected, and the series would read NaN or 0.
     */
    private final List<Object> readers = new java.util.concurrent.CopyOnWriteArrayList<>();

    private WardenMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public static WardenMetrics create() {
        return new WardenMetrics(MetricsFactory.getInstance().createMeterRegistry(MetricsConfig.create()));
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The observer that serves the registry (Prometheus text by default) at {@code /observe/metrics}. */
    public MetricsObserver observer() {
        return MetricsObserver.builder().meterRegistry(registry).build();
    }

    @Override
    public void authenticated(String scheme, String method, String outcome) {
        List<String> labels = List.of(scheme, method, outcome);
        Counter counter = authentications.get(labels);
        if (counter == null) {
            counter = MeterCreation.serialized(() -> registry.getOrCreate(Counter.builder(AUTHENTICATIONS)
                    .description("Authentications by credential scheme, method that verified it, and outcome")
                    .tags(List.of(Tag.create("scheme", scheme), Tag.create("method", method),
                            Tag.create("outcome", outcome)))));
            authentications.putIfAbsent(labels, counter);
        }
        counter.increment();
    }

    /** The hits, misses, size and hit ratio of a cache of verified credentials, labelled {@code cache=name}. */
    public void tokenCache(String name, Supplier<CacheStatistics> statistics) {
        List<Tag> tags = List.of(Tag.create("cache", name));
        counter("warden.token.cache.hits", "Lookups answered from the cache", tags, () -> statistics.get().hits());
        counter("warden.token.cache.misses", "Lookups the cache could not answer", tags,
                () -> statistics.get().misses());
        gauge("warden.token.cache.size", "Entries in the cache", tags, () -> statistics.get().size());
        gauge("warden.token.cache.hit.ratio", "Hits among all lookups since start", tags,
                () -> statistics.get().hitRatio());
    }

    /** The argon2 pool: hashes waiting, hashes running, and hashes refused because both were full. */
    public void argon2(Argon2SecretHasher hasher) {
        gauge("warden.argon2.queue.depth", "Hashes waiting for an argon2 thread", List.of(), hasher::queueDepth);
        gauge("warden.argon2.active", "Hashes running on the argon2 threads", List.of(), hasher::activeCount);
        counter("warden.argon2.shed", "Hashes refused (503) because every argon2 thread was busy and the queue full",
                List.of(), hasher::shedCount);
    }

    /** The database connection pool. */
    public void databasePool(Database database) {
        pool("warden.db.pool.active", "Connections in use", database, Database.PoolStatistics::active);
        pool("warden.db.pool.idle", "Connections open and idle", database, Database.PoolStatistics::idle);
        pool("warden.db.pool.total", "Connections open", database, Database.PoolStatistics::total);
        pool("warden.db.pool.pending", "Callers waiting for a connection", database, Database.PoolStatistics::waiting);
        pool("warden.db.pool.max", "The most connections the pool opens", database, Database.PoolStatistics::maximum);
    }

    /** Seconds since the change feed was last read: how far behind other nodes' changes this node may be. */
    public void changeFeed(ChangeFollower follower) {
        MeterCreation.serialized(() -> registry.getOrCreate(Gauge.builder("warden.change.feed.lag", follower,
                        (ToDoubleFunction<ChangeFollower>) f -> f.lag().toNanos() / 1e9)
                .baseUnit("seconds")
                .description("Seconds since the last successful read of the change feed")));
    }

    private void pool(String name, String description, Database database,
                      ToDoubleFunction<Database.PoolStatistics> value) {
        gauge(name, description, List.of(), () -> value.applyAsDouble(database.poolStatistics()));
    }

    private void gauge(String name, String description, List<Tag> tags, Supplier<Number> value) {
        readers.add(value);
        MeterCreation.serialized(() -> registry.getOrCreate(
                Gauge.builder(name, value, (ToDoubleFunction<Supplier<Number>>) v -> v.get().doubleValue())
                        .description(description)
                        .tags(tags)));
    }

    private void counter(String name, String description, List<Tag> tags, Supplier<Long> value) {
        readers.add(value);
        MeterCreation.serialized(() -> registry.getOrCreate(FunctionalCounter.builder(name, value, Supplier::get)
                .description(description)
                .tags(tags)));
    }

    @Override
    public void close() {
        registry.close();
    }
}
