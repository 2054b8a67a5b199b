package dev.warden.application.port.out;

import dev.warden.domain.change.Change;

/**
 * Driven port: a cache that must forget what a change touched. The change follower hands every
 * change of the feed (from any node) to each listener; applying a change twice must be harmless.
 */
public interface ChangeListener {
    void changed(Change change);
}
