package dev.warden.persistence.cache;

import dev.warden.application.port.out.InstanceRepository;
import dev.warden.application.port.out.InstanceSetup;
import dev.warden.domain.instance.Instance;

import java.util.Objects;
import java.util.Optional;

/**
 * Driven adapter: an {@link InstanceRepository} that remembers the instance once it has been found.
 * The instance never changes after its set-up, so it needs no invalidation; until it exists every
 * {@link #find} asks the delegate, so a set-up by another node is seen at once.
 */
public final class CachingInstanceRepository implements InstanceRepository {

    private final InstanceRepository delegate;
    private volatile Instance instance;

    public CachingInstanceRepository(InstanceRepository delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public Optional<Instance> find() {
        Instance known = instance;
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Instance> found = delegate.find();
        found.ifPresent(present -> instance = present);
        return found;
    }

    /**
     * Delegates. Absence is never cached, so the next {@link #find} reads the instance this set-up
     * (or another node's) stored.
     */
    @Override
    public boolean initialize(InstanceSetup setup) {
        return delegate.initialize(setup);
    }
}
