package dev.warden.persistence.cache;

import dev.warden.application.fakes.FakePorts;
import dev.warden.application.fakes.InMemoryInstanceRepository;
import dev.warden.application.port.out.InstanceRepository;
import dev.warden.application.port.out.InstanceSetup;
import dev.warden.domain.instance.Instance;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.token.PersonalAccessToken;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CachingInstanceRepositoryTest {

    private final FakePorts ports = new FakePorts();
    private final CountingFinds stored = new CountingFinds(ports.instances);
    private final CachingInstanceRepository instances = new CachingInstanceRepository(stored);

    @Test
    void absenceIsNotCachedSoASetUpByAnotherNodeIsSeenAtOnce() {
        assertThat(instances.find()).isEmpty();
        assertThat(instances.find()).isEmpty();
        assertThat(stored.finds.get()).isEqualTo(2);

        Instance setUpElsewhere = ports.instance(ports.organization("Default"));

        assertThat(instances.find()).contains(setUpElsewhere);
    }

    @Test
    void oncePresentTheInstanceIsServedFromTheCache() {
        Instance instance = ports.instance(ports.organization("Default"));

        assertThat(instances.find()).contains(instance);
        assertThat(instances.find()).contains(instance);
        assertThat(instances.find()).contains(instance);

        assertThat(stored.finds.get()).isEqualTo(1);
    }

    @Test
    void initializeDelegatesAndTheNextFindSeesTheNewInstance() {
        assertThat(instances.find()).isEmpty();
        InstanceSetup setup = setup();

        assertThat(instances.initialize(setup)).isTrue();

        assertThat(instances.find()).contains(setup.instance());
        assertThat(ports.instances.initializeCalls()).isEqualTo(1);
    }

    @Test
    void aRefusedInitializeKeepsTheInstanceThatExists() {
        Instance existing = ports.instance(ports.organization("Default"));
        assertThat(instances.find()).contains(existing);

        assertThat(instances.initialize(setup())).isFalse();

        assertThat(instances.find()).contains(existing);
        assertThat(ports.instances.initializeCalls()).isEqualTo(1);
    }

    private InstanceSetup setup() {
        var now = ports.clock.instant();
        Organization org = Organization.create(ports.ids.nextId(), "First", FakePorts.INSTANCE_DOMAIN, now);
        Instance instance = new Instance(ports.ids.nextId(), org.id(), now);
        ServiceUser admin = ServiceUser.create(ports.ids.nextId(), org.id(), "admin", "Admin", now);
        List<Membership> memberships = List.of(
                Membership.grant(admin.id(), MemberScope.IAM, instance.id(), Set.of(Role.IAM_OWNER), now),
                Membership.grant(admin.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER), now));
        PersonalAccessToken token = PersonalAccessToken.create(ports.ids.nextId(), admin.id(), org.id(),
                ports.hasher.hash("secret".getBytes(java.nio.charset.StandardCharsets.UTF_8)), null, now);
        return new InstanceSetup(instance, org, admin, memberships, token);
    }

    /** Delegates, counting {@link #find} calls. */
    private static final class CountingFinds implements InstanceRepository {
        final AtomicInteger finds = new AtomicInteger();
        private final InMemoryInstanceRepository delegate;

        CountingFinds(InMemoryInstanceRepository delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<Instance> find() {
            finds.incrementAndGet();
            return delegate.find();
        }

        @Override
        public boolean initialize(InstanceSetup setup) {
            return delegate.initialize(setup);
        }
    }
}
