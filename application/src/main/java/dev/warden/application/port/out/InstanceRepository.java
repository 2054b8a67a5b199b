package dev.warden.application.port.out;

import dev.warden.domain.instance.Instance;

import java.util.Optional;

/** Driven port: the instance record and its one-time, all-or-nothing set-up. */
public interface InstanceRepository {

    /** The instance, once it has been set up. */
    Optional<Instance> find();

    /**
     * Stores the whole first-instance set-up in one transaction, or nothing. Returns false, and
     * stores nothing, when an instance already exists (e.g. another node set it up first).
     */
    boolean initialize(InstanceSetup setup);
}
