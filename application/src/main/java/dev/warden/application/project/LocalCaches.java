package dev.warden.application.project;

import dev.warden.application.port.out.ChangeListener;
import dev.warden.domain.change.Change;
import dev.warden.domain.change.ChangeKind;

import java.time.Instant;
import java.util.Objects;

/**
 * This node's caches of introspection's read models, told of a change right after it was stored:
 * other nodes learn it from the change feed, this one need not wait for its next poll.
 */
public final class LocalCaches {

    /** For tests and set-ups without caches. */
    public static final LocalCaches NONE = new LocalCaches(change -> {
    });

    private final ChangeListener listener;

    public LocalCaches(ChangeListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public void clientChanged(long appIdOrZero, Instant at) {
        listener.changed(new Change(0, ChangeKind.CLIENT_CHANGED, appIdOrZero, at));
    }

    public void grantsChanged(long userIdOrZero, Instant at) {
        listener.changed(new Change(0, ChangeKind.GRANTS_CHANGED, userIdOrZero, at));
    }
}
