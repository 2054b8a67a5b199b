package dev.warden.application.fakes;

import dev.warden.application.port.out.VerifiedClientCache;
import dev.warden.domain.principal.ClientPrincipal;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Test double of {@link VerifiedClientCache}: an unbounded map that counts its hits. */
public final class InMemoryVerifiedClientCache implements VerifiedClientCache {

    private final ConcurrentMap<String, ClientPrincipal> entries = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicLong generation = new AtomicLong();

    @Override
    public Optional<ClientPrincipal> get(String digest) {
        ClientPrincipal client = entries.get(digest);
        if (client != null) {
            hits.incrementAndGet();
        }
        return Optional.ofNullable(client);
    }

    @Override
    public void put(String digest, ClientPrincipal client) {
        entries.put(Objects.requireNonNull(digest, "digest"), Objects.requireNonNull(client, "client"));
    }

    @Override
    public long generation() {
        return generation.get();
    }

    @Override
    public void put(String digest, ClientPrincipal client, long seenGeneration) {
        put(digest, client);
        if (generation.get() != seenGeneration) {
            entries.remove(digest, client);
        }
    }

    @Override
    public void invalidateApp(long appId) {
        generation.incrementAndGet();
        entries.values().removeIf(client -> client.appId() == appId);
    }

    @Override
    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    public int size() {
        return entries.size();
    }

    /** How many {@link #get} calls returned a client. */
    public int hits() {
        return hits.get();
    }
}
