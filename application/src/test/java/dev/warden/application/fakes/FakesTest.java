package dev.warden.application.fakes;

import dev.warden.domain.principal.Principal;
import dev.warden.application.error.UnavailableException;
import dev.warden.application.port.out.InstanceSetup;
import dev.warden.domain.instance.Instance;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.token.PersonalAccessToken;
import dev.warden.domain.token.SecretHash;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shared fakes behave like the real adapters where tests rely on it. */
class FakesTest {

    private static final Instant NOW = MutableClock.DEFAULT_START;
    private static final byte[] SECRET = "s3cret".getBytes(StandardCharsets.UTF_8);

    @Test
    void hasherVerifiesOnlyTheHashedSecretAndCountsCalls() {
        FakeSecretHasher hasher = new FakeSecretHasher();

        SecretHash hash = hasher.hash(SECRET);

        assertThat(hash.phc()).startsWith("$fake$v=1$");
        assertThat(hasher.verify(hash, SECRET)).isTrue();
        assertThat(hasher.verify(hash, "s3creT".getBytes(StandardCharsets.UTF_8))).isFalse();
        assertThat(hasher.verify(new SecretHash("$argon2id$v=19$m=1,t=1,p=1$YQ$Yg"), SECRET)).isFalse();
        assertThat(hasher.verify(new SecretHash("$fake$v=1$!!$??"), SECRET)).isFalse();
        assertThat(hasher.hashCalls()).isEqualTo(1);
        assertThat(hasher.verifyCalls()).isEqualTo(4);
    }

    @Test
    void hasherSaltsEveryHashDifferently() {
        FakeSecretHasher hasher = new FakeSecretHasher();

        assertThat(hasher.hash(SECRET)).isNotEqualTo(hasher.hash(SECRET));
    }

    @Test
    void unavailableHasherShedsLoad() {
        FakeSecretHasher hasher = new FakeSecretHasher();
        SecretHash hash = hasher.hash(SECRET);
        hasher.setUnavailable(true);

        assertThatThrownBy(() -> hasher.verify(hash, SECRET)).isInstanceOf(UnavailableException.class);
        hasher.setUnavailable(false);
        assertThat(hasher.verify(hash, SECRET)).isTrue();
    }

    @Test
    void cacheForgetsEntriesFromTheirExpirationOnAndOnInvalidation() {
        MutableClock clock = new MutableClock();
        InMemoryVerifiedCredentialCache cache = new InMemoryVerifiedCredentialCache(clock);
        Principal principal = new Principal(1, 2, "3", "pat", NOW.plusSeconds(10));
        Principal sameUser = new Principal(1, 2, "4", "pat", NOW.plusSeconds(10));
        cache.put("a", principal);
        cache.put("b", sameUser);

        clock.advance(Duration.ofSeconds(9));
        assertThat(cache.get("a")).contains(principal);
        cache.invalidateCredential("3");
        assertThat(cache.get("a")).isEmpty();
        assertThat(cache.get("b")).contains(sameUser);
        cache.invalidateUser(1);
        assertThat(cache.get("b")).isEmpty();

        cache.put("c", principal);
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get("c")).isEmpty();
    }

    @Test
    void clockMovesBothWaysAndItsZoneViewsFollow() {
        MutableClock clock = new MutableClock(NOW);
        var inParis = clock.withZone(ZoneId.of("Europe/Paris"));

        clock.advance(Duration.ofMinutes(5));
        assertThat(clock.instant()).isEqualTo(NOW.plusSeconds(300));
        assertThat(inParis.instant()).isEqualTo(NOW.plusSeconds(300));
        clock.advance(Duration.ofMinutes(-10));
        assertThat(clock.millis()).isEqualTo(NOW.minusSeconds(300).toEpochMilli());
        clock.set(NOW);
        assertThat(clock.instant()).isEqualTo(NOW);
    }

    @Test
    void instanceIsInitializedOnceAndItsSetUpLandsInTheOtherRepositories() {
        FakePorts ports = new FakePorts();

        assertThat(ports.instances.initialize(setUp(10))).isTrue();
        assertThat(ports.instances.initialize(setUp(20))).isFalse();

        assertThat(ports.instances.find()).map(Instance::id).contains(11L);
        assertThat(ports.organizations.all()).extracting(Organization::id).containsExactly(10L);
        assertThat(ports.users.findById(12)).isPresent();
        assertThat(ports.users.findById(22)).isEmpty();
        assertThat(ports.memberships.findByUser(12)).hasSize(2);
        assertThat(ports.tokens.findById(13)).isPresent();
        assertThat(ports.tokens.findById(23)).isEmpty();
        assertThat(ports.instances.initializeCalls()).isEqualTo(2);
    }

    @Test
    void membershipOnTheSameScopeReplacesTheEarlierOne() {
        InMemoryMembershipRepository memberships = new InMemoryMembershipRepository();
        memberships.save(Membership.grant(1, MemberScope.ORG, 2, Set.of(Role.ORG_OWNER), NOW));
        memberships.save(Membership.grant(1, MemberScope.ORG, 2, Set.of(Role.ORG_OWNER_VIEWER), NOW));
        memberships.save(Membership.grant(1, MemberScope.ORG, 3, Set.of(Role.ORG_OWNER), NOW));

        assertThat(memberships.findByUser(1)).extracting(Membership::roles)
                .containsExactly(Set.of(Role.ORG_OWNER_VIEWER), Set.of(Role.ORG_OWNER));
        assertThat(memberships.remove(1, MemberScope.ORG, 2)).isTrue();
        assertThat(memberships.findByUser(1)).hasSize(1);
    }

    private static InstanceSetup setUp(long base) {
        FakeSecretHasher hasher = new FakeSecretHasher();
        Organization org = Organization.create(base, "Org " + base, "localhost", NOW);
        Instance instance = new Instance(base + 1, org.id(), NOW);
        ServiceUser admin = ServiceUser.create(base + 2, org.id(), "admin" + base, "Admin", NOW);
        return new InstanceSetup(instance, org, admin, List.of(
                Membership.grant(admin.id(), MemberScope.IAM, instance.id(), Set.of(Role.IAM_OWNER), NOW),
                Membership.grant(admin.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER), NOW)),
                PersonalAccessToken.create(base + 3, admin.id(), org.id(), hasher.hash(SECRET), null, NOW));
    }
}
