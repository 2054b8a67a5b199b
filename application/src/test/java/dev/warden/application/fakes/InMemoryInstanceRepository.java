package dev.warden.application.fakes;

import dev.warden.application.port.out.InstanceRepository;
import dev.warden.application.port.out.InstanceSetup;
import dev.warden.domain.instance.Instance;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test double of {@link InstanceRepository}: all-or-nothing {@link #initialize} that also stores the
 * set-up's organization, admin, memberships and token in the in-memory repositories it was given.
 */
public final class InMemoryInstanceRepository implements InstanceRepository {

    private final AtomicReference<Instance> instance = new AtomicReference<>();
    private final AtomicInteger initializeCalls = new AtomicInteger();
    private final InMemoryOrganizationRepository organizations;
    private final InMemoryServiceUserRepository users;
    private final InMemoryMembershipRepository memberships;
    private final InMemoryPersonalAccessTokenRepository tokens;

    /** An instance repository whose set-up is stored into these repositories. */
    public InMemoryInstanceRepository(InMemoryOrganizationRepository organizations, InMemoryServiceUserRepository users,
                                      InMemoryMembershipRepository memberships,
                                      InMemoryPersonalAccessTokenRepository tokens) {
        this.organizations = Objects.requireNonNull(organizations, "organizations");
        this.users = Objects.requireNonNull(users, "users");
        this.memberships = Objects.requireNonNull(memberships, "memberships");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** A stand-alone instance repository; the set-up's other parts go to private repositories. */
    public InMemoryInstanceRepository() {
        this(new InMemoryDatabase());
    }

    private InMemoryInstanceRepository(InMemoryDatabase db) {
        this(new InMemoryOrganizationRepository(db), new InMemoryServiceUserRepository(db),
                new InMemoryMembershipRepository(db), new InMemoryPersonalAccessTokenRepository(db));
    }

    @Override
    public Optional<Instance> find() {
        return Optional.ofNullable(instance.get());
    }

    @Override
    public synchronized boolean initialize(InstanceSetup setup) {
        initializeCalls.incrementAndGet();
        if (instance.get() != null) {
            return false;
        }
        // Everything below is plain map puts that cannot fail, so the set-up is all-or-nothing.
        organizations.save(setup.organization());
        users.save(setup.admin());
        setup.memberships().forEach(memberships::save);
        tokens.save(setup.adminToken());
        instance.set(setup.instance());
        return true;
    }

    /** Stores an instance directly, for tests that need one without a set-up. */
    public Instance save(Instance newInstance) {
        instance.set(Objects.requireNonNull(newInstance, "instance"));
        return newInstance;
    }

    /** How many times {@link #initialize} was called, successful or not. */
    public int initializeCalls() {
        return initializeCalls.get();
    }
}
