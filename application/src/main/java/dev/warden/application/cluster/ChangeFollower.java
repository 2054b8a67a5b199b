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
 *
 * <p>While the feed cannot be read (database unreachable from this node), other nodes may still
 * revoke credentials that this node's cache would keep accepting. So once no read has succeeded for
 * {@code staleAfter}, every failed poll, and {@link #forgetCredentialsIfStale} (run beside the polls,
 * which may hang on the lost database), empties the credential cache: authentication then needs the
 * database and fails closed (503). Each read starts the overlap before the previous successful one,
 * so after such a gap no change made meanwhile is missed; a gap longer than the feed's retention
 * empties the credential cache instead, and the other caches fall back on their time to live.
 */
public final class ChangeFollower {

    /** Revocations on other nodes reach a node cut off from the database within this plus one poll interval. */
    public static final Duration DEFAULT_STALE_AFTER = Duration.ofMillis(750);

    private final ChangeFeed feed;
    private final VerifiedCredentialCache cache;
    private final List<ChangeListener> listeners;
    private final Clock clock;
    private final Duration overlap;
    private final Duration recheck;
    private final Duration retention;
    private final Duration staleAfter;
    private final Instant created;
    /** When the last successful read of the feed started; null before the first. Read without the lock. */
    private volatile Instant lastRead;
    /** Change id → when it was first applied; null value once it was applied the second time. */
    private final Map<Long, Instant> applied = new HashMap<>();
    private Instant lastPrune = Instant.MIN;

    /** With {@link #DEFAULT_STALE_AFTER}. */
    public ChangeFollower(ChangeFeed feed, VerifiedCredentialCache cache, List<ChangeListener> listeners, Clock clock,
                          Duration overlap, Duration recheck, Duration retention) {
        this(feed, cache, listeners, clock, overlap, recheck, retention, DEFAULT_STALE_AFTER);
    }

    /**
     * @param listeners  the other caches (organizations, memberships, …) that follow the feed
     * @param staleAfter how long after the last successful read the credential cache stops being trusted
     */
    public ChangeFollower(ChangeFeed feed, VerifiedCredentialCache cache, List<ChangeListener> listeners, Clock clock,
                          Duration overlap, Duration recheck, Duration retention, Duration staleAfter) {
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
        this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter");
        this.created = clock.instant();
    }

    /**
     * Reads the feed once and applies what is new or due for its second pass; returns how many were
     * applied. Throws what the feed throws, after emptying the credential cache if it is stale.
     */
    public synchronized int poll() {
        Instant now = clock.instant();
        List<Change> changes;
        try {
            changes = feed.since(readFrom(now));
        } catch (RuntimeException e) {
            forgetCredentialsIfStale();
            throw e;
        }
        lastRead = now;
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

    /**
     * Empties the credential cache if no read of the feed has succeeded for {@code staleAfter}.
     * Does not wait for a poll in progress, which may itself be stuck on a lost database: run it
     * on another thread, every poll interval.
     *
     * @return whether the cache was emptied
     */
    public boolean forgetCredentialsIfStale() {
        Instant last = lastRead;
        if (clock.instant().isAfter((last == null ? created : last).plus(staleAfter))) {
            cache.invalidateAll();
            return true;
        }
        return false;
    }

    /**
     * How long ago the last successful read of the feed started (since creation before the first):
     * how far behind other nodes' changes this node may be. About one poll interval while healthy.
     */
    public Duration lag() {
        Instant last = lastRead;
        Duration lag = Duration.between(last == null ? created : last, clock.instant());
        return lag.isNegative() ? Duration.ZERO : lag;
    }

    /**
     * The overlap before the last successful read (before now on the first): consecutive reads
     * overlap, however long the polls in between failed, so nothing is skipped.
     */
    private Instant readFrom(Instant now) {
        Instant from = (lastRead == null ? now : lastRead).minus(overlap);
        Instant oldestKept = now.minus(retention);
        if (from.isBefore(oldestKept)) {
            // Changes may have been pruned unseen: forget every verified credential rather than trust one.
            cache.invalidateAll();
            return oldestKept;
        }
        return from;
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
