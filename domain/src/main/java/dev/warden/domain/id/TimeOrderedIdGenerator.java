package dev.warden.domain.id;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;

/**
 * Snowflake-style ids: 41 bits of milliseconds since 2024-01-01, 10 bits of node id, 12 bits of
 * per-millisecond sequence. Rendered as decimal strings they look like ZITADEL's 18-digit ids.
 *
 * <p>Nodes need no coordination: each picks a random node id at start unless one is configured,
 * so two nodes collide only if they drew the same node id and the same millisecond and sequence;
 * the database's primary keys turn that unlikely case into a failed insert, never a shared id.
 */
public final class TimeOrderedIdGenerator implements IdGenerator {

    public static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");
    static final int NODE_BITS = 10;
    static final int SEQUENCE_BITS = 12;
    public static final int MAX_NODE_ID = (1 << NODE_BITS) - 1;
    private static final int MAX_SEQUENCE = (1 << SEQUENCE_BITS) - 1;

    private final Clock clock;
    private final long nodeId;
    private long lastMillis = -1;
    private int sequence;

    public TimeOrderedIdGenerator(Clock clock, int nodeId) {
        if (nodeId < 0 || nodeId > MAX_NODE_ID) {
            throw new IllegalArgumentException("node id must be between 0 and " + MAX_NODE_ID);
        }
        this.clock = clock;
        this.nodeId = nodeId;
    }

    /** A generator with a random node id, for nodes that are not given one. */
    public static TimeOrderedIdGenerator withRandomNode(Clock clock) {
        return new TimeOrderedIdGenerator(clock, new SecureRandom().nextInt(MAX_NODE_ID + 1));
    }

    @Override
    public synchronized long nextId() {
        long now = clock.millis() - EPOCH.toEpochMilli();
        if (now < lastMillis) {
            // The wall clock stepped back: keep issuing from the last millisecond so ids stay ordered.
            now = lastMillis;
        }
        if (now == lastMillis) {
            sequence = (sequence + 1) & MAX_SEQUENCE;
            if (sequence == 0) {
                now = lastMillis + 1;
            }
        } else {
            sequence = 0;
        }
        lastMillis = now;
        return (now << (NODE_BITS + SEQUENCE_BITS)) | (nodeId << SEQUENCE_BITS) | sequence;
    }
}
