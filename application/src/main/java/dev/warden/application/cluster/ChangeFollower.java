package dev.warden.application.cluster;

import dev.warden.application.port.out.ChangeFeed;
import dev.warden.application.port.out.ChangeListener;
import dev.warden.application.port.out.VerifiedCredentialCache;
import dev.warden.domain.change.Change;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps this node's caches true to changes made by any node: reads the change feed that
 * repositories write with every revocation, user, organization and membership change, and
 * invalidates what those changes touch. Called every poll interval by the composition root.
 *
 * <p>Each poll reads the last {@code overlap} of the feed rather than "after the last id", so a
 * change committed late by another node (ids and clocks are per node) is still seen. Each change
 * is applied when first seen and once more {@code recheck} later: a verification that was already
 * running when the change was applied could have put a stale entry back, and the second pass
 * drops it. The bound for a change to reach every node is poll interval + query time; the stale
 * re-put window is closed after {@code recheck}.
 */
public final class ChangeFollower {

    private final ChangeFeed feed;
    private final VerifiedCredentialCache cache;
    private final List<ChangeListener> listeners;
    private final Clock clock;
    private final Duration overlap;
    private final Duration recheck;
    private final Duration retention;
    /** Change id → when it was first applied; null value once it was applied the second time. */
    private final Map<Long, Instant> applied = new HashMap<>();
    private Instant lastPrune = Instant.MIN;

    /** @param listeners the other caches (organizations, memberships, …) that follow the feed */
    public ChangeFollower(ChangeFeed feed, VerifiedCredentialCache cache, List<ChangeListener> listeners, Clock clock,
                          Duration overlap, Duration recheck, Duration retention) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.listeners = List.copyOf(listeners);
        this.clock = Objects.requireNonNull(clock, "clock");
        if (overlap.compareTo(recheck) <= 0) {
            throw new IllegalArgumentException("the overlap must be longer than the recheck delay");
        }
        this.overlap = overlap;
        this.recheck = recheck;
        this.retention = retention;
    }

    /** Reads the feed once and applies what is new or due for its second pass; returns how many were applied. */
    public synchronized int poll() {
        Instant now = clock.instant();
        List<Change> changes = feed.since(now.minus(overlap));
        int count = 0;
        for (Change change : changes) {
            if (!applied.containsKey(change.id())) {
                apply(change);
                applied.put(change.id(), now);
                count++;
            } else {
                Instant first = applied.get(change.id());
                if (first != null && !now.isBefore(first.plus(recheck))) {
                    apply(change);
                    applied.put(change.id(), null);
                    count++;
                }
            }
        }
        forgetOlderThan(now.minus(overlap.multipliedBy(2)), changes);
        if (lastPrune.isBefore(now.minus(retention.dividedBy(10)))) {
            // Every node prunes now and then; deleting already-deleted rows costs nothing.
            feed.prune(now.minus(retention));
            lastPrune = now;
        }
        return count;
    }

    private void forgetOlderThan(Instant horizon, List<Change> current) {
        if (applied.size() <= current.size()) {
            return;
        }
        var stillInFeed = new java.util.HashSet<Long>();
        current.forEach(c -> stillInFeed.add(c.id()));
        for (Iterator<Map.Entry<Long, Instant>> it = applied.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            if (!stillInFeed.contains(entry.getKey()) && (entry.getValue() == null || entry.getValue().isBefore(horizon))) {
                it.remove();
            }
        }
    }

    private void apply(Change change) {
        // The other caches first: a verification re-filling the credential cache must not find stale orgs.
        listeners.forEach(listener -> listener.changed(change));
        switch (change.kind()) {
            case CREDENTIAL_REVOKED -> cache.invalidateCredential(Long.toString(change.subjectId()));
            case USER_CHANGED -> cache.invalidateUser(change.subjectId());
            case ORG_CHANGED -> cache.invalidateOrg(change.subjectId());
            case MEMBERSHIP_CHANGED, CLIENT_CHANGED, GRANTS_CHANGED, SIGNING_KEYS_CHANGED -> {
                // Cached by listeners only (memberships, API clients, role grants, signing keys).
            }
        }
    }
}
