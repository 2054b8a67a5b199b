package dev.warden.application.fakes;

import dev.warden.domain.principal.Principal;
import dev.warden.application.port.out.VerifiedCredentialCache;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Test double of {@link VerifiedCredentialCache}: unbounded map whose entries vanish at {@link Principal#expiresAt()}. */
public final class InMemoryVerifiedCredentialCache implements VerifiedCredentialCache {

    private final Clock clock;
    private final ConcurrentMap<String, Principal> entries = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();
    private final AtomicLong generation = new AtomicLong();

    public InMemoryVerifiedCredentialCache(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<Principal> get(String digest) {
        Principal principal = entries.get(digest);
        if (principal == null) {
            return Optional.empty();
        }
        if (!principal.expiresAt().isAfter(clock.instant())) {
            entries.remove(digest, principal);
            return Optional.empty();
        }
        hits.incrementAndGet();
        return Optional.of(principal);
    }

    @Override
    public void put(String digest, Principal principal) {
        entries.put(Objects.requireNonNull(digest, "digest"), Objects.requireNonNull(principal, "principal"));
    }

    @Override
    public long generation() {
        return generation.get();
    }

    @Override
    public void put(String digest, Principal principal, long seenGeneration) {
        put(digest, principal);
        if (generation.get() != seenGeneration) {
            entries.remove(digest, principal);
        }
    }

    @Override
    public void invalidateCredential(String credentialId) {
        generation.incrementAndGet();
        entries.values().removeIf(p -> p.credentialId().equals(credentialId));
    }

    @Override
    public void invalidateUser(long userId) {
        generation.incrementAndGet();
        entries.values().removeIf(p -> p.userId() == userId);
    }

    @Override
    public void invalidateOrg(long orgId) {
        generation.incrementAndGet();
        entries.values().removeIf(p -> p.orgId() == orgId);
    }

    @Override
    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** Number of stored entries, expired ones included until they are next read. */
    public int size() {
        return entries.size();
    }

    /** How many {@link #get} calls returned a principal. */
    public int hits() {
        return hits.get();
    }

    public void clear() {
        entries.clear();
    }
}
