package dev.warden.application.fakes;

import dev.warden.domain.principal.Principal;
import dev.warden.application.error.UnavailableException;
import dev.warden.application.port.out.InstanceSetup;
import dev.warden.application.port.out.UpdateResult;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.serviceuser.UserState;
import dev.warden.domain.instance.Instance;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.MachineSecret;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.token.PersonalAccessToken;
import dev.warden.domain.token.SecretHash;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.member.MemberFilter;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.query.TextMatch;
import dev.warden.domain.serviceuser.UserFilter;
import dev.warden.domain.serviceuser.UserSort;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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

    @Test
    void userNamesAreUniqueIgnoringCaseAndIdsAreUnique() {
        FakePorts ports = new FakePorts();
        Organization org = ports.organization("Org");
        ServiceUser bot = ports.serviceUser(org, "bot");

        assertThat(ports.users.insert(ServiceUser.create(ports.ids.nextId(), org.id(), "BOT", "x", NOW))).isFalse();
        assertThat(ports.users.insert(ServiceUser.create(bot.id(), org.id(), "other", "x", NOW))).isFalse();
        ServiceUser other = ServiceUser.create(ports.ids.nextId(), org.id(), "other", "x", NOW);
        assertThat(ports.users.insert(other)).isTrue();
        assertThat(ports.users.update(other.withUserName("Bot", NOW))).isEqualTo(UpdateResult.DUPLICATE_NAME);
        assertThat(ports.users.update(other.withUserName("OTHER", NOW))).isEqualTo(UpdateResult.UPDATED);
        assertThat(ports.users.findById(other.id())).map(ServiceUser::userName).contains("OTHER");
        assertThat(ports.users.all()).hasSize(2);
    }

    @Test
    void removingAUserRemovesItsTokensAndMembershipsAndWritesTheFeed() {
        FakePorts ports = new FakePorts();
        Organization org = ports.organization("Org");
        ServiceUser gone = ports.serviceUser(org, "gone");
        ServiceUser kept = ports.serviceUser(org, "kept");
        ports.grant(gone, MemberScope.ORG, org.id(), Role.ORG_OWNER);
        ports.grant(kept, MemberScope.ORG, org.id(), Role.ORG_OWNER);
        ports.issuePersonalAccessToken(gone, null);
        ports.issuePersonalAccessToken(kept, null);

        ports.users.remove(gone.id());

        assertThat(ports.users.all()).containsExactly(kept);
        assertThat(ports.tokens.all()).extracting(PersonalAccessToken::userId).containsExactly(kept.id());
        assertThat(ports.memberships.all()).extracting(Membership::userId).containsExactly(kept.id());
        assertThat(ports.changes.entries()).containsExactly(new InMemoryChangeFeed.Entry(ChangeKind.USER_CHANGED,
                gone.id()));
    }

    @Test
    void removingAnOrganizationRemovesItsUsersTheirRowsAndAllMembershipsOnIt() {
        FakePorts ports = new FakePorts();
        Organization gone = ports.organization("Gone");
        Organization kept = ports.organization("Kept");
        ServiceUser inside = ports.serviceUser(gone, "inside");
        ServiceUser outside = ports.serviceUser(kept, "outside");
        ports.grant(inside, MemberScope.ORG, gone.id(), Role.ORG_OWNER);
        ports.grant(outside, MemberScope.ORG, gone.id(), Role.ORG_OWNER);
        Membership outsideHome = ports.grant(outside, MemberScope.ORG, kept.id(), Role.ORG_OWNER);
        ports.issuePersonalAccessToken(inside, null);
        FakePorts.IssuedToken outsideToken = ports.issuePersonalAccessToken(outside, null);

        ports.organizations.remove(gone.id());

        assertThat(ports.organizations.all()).containsExactly(kept);
        assertThat(ports.users.all()).containsExactly(outside);
        assertThat(ports.tokens.all()).containsExactly(outsideToken.stored());
        assertThat(ports.memberships.all()).containsExactly(outsideHome);
        assertThat(ports.changes.entries()).containsExactly(
                new InMemoryChangeFeed.Entry(ChangeKind.ORG_CHANGED, gone.id()),
                new InMemoryChangeFeed.Entry(ChangeKind.USER_CHANGED, inside.id()));
    }

    @Test
    void organizationNamesAreUniqueIgnoringCaseAndInsertStoresTheOwner() {
        FakePorts ports = new FakePorts();
        Organization first = ports.organization("ACME");
        ServiceUser owner = ports.serviceUser(first, "owner");
        Organization clash = Organization.create(ports.ids.nextId(), "acme", "localhost", NOW);
        Organization fresh = Organization.create(ports.ids.nextId(), "Fresh", "localhost", NOW);
        Membership clashOwner = Membership.grant(owner.id(), MemberScope.ORG, clash.id(), Set.of(Role.ORG_OWNER), NOW);
        Membership freshOwner = Membership.grant(owner.id(), MemberScope.ORG, fresh.id(), Set.of(Role.ORG_OWNER), NOW);

        assertThat(ports.organizations.insert(clash, clashOwner)).isFalse();
        assertThat(ports.memberships.all()).isEmpty();
        assertThat(ports.organizations.insert(fresh, freshOwner)).isTrue();
        assertThat(ports.memberships.all()).containsExactly(freshOwner);
        assertThat(ports.organizations.update(fresh.withName("Acme", "localhost", NOW)))
                .isEqualTo(UpdateResult.DUPLICATE_NAME);
        assertThat(ports.organizations.update(fresh.withName("Fresher", "localhost", NOW)))
                .isEqualTo(UpdateResult.UPDATED);
        assertThat(ports.changes.entries()).containsExactly(
                new InMemoryChangeFeed.Entry(ChangeKind.MEMBERSHIP_CHANGED, owner.id()),
                new InMemoryChangeFeed.Entry(ChangeKind.ORG_CHANGED, fresh.id()));
    }

    @Test
    void organizationUpdatesAreConditionalOnTheSequenceTheyWereDerivedFrom() {
        FakePorts ports = new FakePorts();
        Organization org = ports.organization("Org");
        ports.organization("Taken");
        Organization renamed = org.withName("Renamed", "localhost", NOW);
        assertThat(ports.organizations.update(renamed)).isEqualTo(UpdateResult.UPDATED);

        // Derived from the first read: stale, also with a taken name (the conflict is checked first).
        assertThat(ports.organizations.update(org.withState(OrgState.INACTIVE, NOW)))
                .isEqualTo(UpdateResult.CONFLICT);
        assertThat(ports.organizations.update(org.withName("Taken", "localhost", NOW)))
                .isEqualTo(UpdateResult.CONFLICT);
        assertThat(ports.organizations.update(Organization.create(ports.ids.nextId(), "Nowhere", "localhost", NOW)
                .withState(OrgState.INACTIVE, NOW))).isEqualTo(UpdateResult.NOT_FOUND);

        assertThat(ports.organizations.findById(org.id())).contains(renamed);
        assertThat(ports.changes.entries()).containsExactly(
                new InMemoryChangeFeed.Entry(ChangeKind.ORG_CHANGED, org.id()));
    }

    @Test
    void userAndMembershipUpdatesAreConditionalOnTheSequenceTheyWereDerivedFrom() {
        FakePorts ports = new FakePorts();
        Organization org = ports.organization("Org");
        ServiceUser bot = ports.serviceUser(org, "bot");
        ports.serviceUser(org, "taken");
        Membership owner = ports.grant(bot, MemberScope.ORG, org.id(), Role.ORG_OWNER);
        ServiceUser locked = bot.withState(UserState.LOCKED, NOW);
        Membership viewer = owner.withRoles(Set.of(Role.ORG_OWNER_VIEWER), NOW);
        assertThat(ports.users.update(locked)).isEqualTo(UpdateResult.UPDATED);
        assertThat(ports.memberships.update(viewer)).isEqualTo(UpdateResult.UPDATED);

        assertThat(ports.users.update(bot.withUserName("renamed", NOW))).isEqualTo(UpdateResult.CONFLICT);
        assertThat(ports.users.update(bot.withUserName("TAKEN", NOW))).isEqualTo(UpdateResult.CONFLICT);
        assertThat(ports.users.update(ServiceUser.create(ports.ids.nextId(), org.id(), "ghost", "Ghost", NOW)
                .withState(UserState.INACTIVE, NOW))).isEqualTo(UpdateResult.NOT_FOUND);
        assertThat(ports.memberships.update(owner.withRoles(Set.of(Role.ORG_USER_MANAGER), NOW)))
                .isEqualTo(UpdateResult.CONFLICT);
        assertThat(ports.memberships.update(Membership.grant(bot.id(), MemberScope.ORG, 42, Set.of(Role.ORG_OWNER),
                NOW).withRoles(Set.of(Role.ORG_OWNER_VIEWER), NOW))).isEqualTo(UpdateResult.NOT_FOUND);

        assertThat(ports.users.findById(bot.id())).contains(locked);
        assertThat(ports.memberships.find(bot.id(), MemberScope.ORG, org.id())).contains(viewer);
        assertThat(ports.changes.entries()).containsExactly(
                new InMemoryChangeFeed.Entry(ChangeKind.USER_CHANGED, bot.id()),
                new InMemoryChangeFeed.Entry(ChangeKind.MEMBERSHIP_CHANGED, bot.id()));
    }

    @Test
    void anInterleavedWriteMakesTheNextUpdatesConflict() {
        FakePorts ports = new FakePorts();
        Organization org = ports.organization("Org");
        ports.organizations.interleave(1, () -> ports.organizations.save(
                ports.organizations.findById(org.id()).orElseThrow().withName("Theirs", "localhost", NOW)));

        assertThat(ports.organizations.update(org.withState(OrgState.INACTIVE, NOW)))
                .isEqualTo(UpdateResult.CONFLICT);
        Organization theirs = ports.organizations.findById(org.id()).orElseThrow();
        assertThat(theirs.name()).isEqualTo("Theirs");
        Organization both = theirs.withState(OrgState.INACTIVE, NOW);
        assertThat(ports.organizations.update(both)).as("only the next update").isEqualTo(UpdateResult.UPDATED);
        assertThat(ports.organizations.findById(org.id())).contains(both);
    }

    @Test
    void userSearchFiltersSortsAndPagesWithinTheOrganization() {
        FakePorts ports = new FakePorts();
        Organization org = ports.organization("Org");
        Organization other = ports.organization("Other");
        ServiceUser b = ports.serviceUser(org, "b");
        ServiceUser a = ports.serviceUser(org, "A");
        ServiceUser c = ports.serviceUser(org, "c");
        ports.serviceUser(other, "a-elsewhere");

        assertThat(ports.users.search(org.id(), new UserFilter.All(), UserSort.USER_NAME, PageRequest.ALL).items())
                .containsExactly(a, b, c);
        assertThat(ports.users.search(org.id(), new UserFilter.All(), UserSort.USER_NAME,
                new PageRequest(0, 0, false)).items()).containsExactly(c, b, a);
        Page<ServiceUser> page = ports.users.search(org.id(), new UserFilter.All(), UserSort.ID,
                new PageRequest(1, 1, true));
        assertThat(page.items()).containsExactly(a);
        assertThat(page.total()).isEqualTo(3);
        assertThat(ports.users.search(org.id(), new UserFilter.UserName("a", TextMatch.STARTS_WITH_IGNORE_CASE),
                UserSort.ID, PageRequest.ALL).items()).containsExactly(a);
        assertThat(ports.users.search(org.id(), new UserFilter.All(), UserSort.ID, new PageRequest(5, 0, true)))
                .isEqualTo(new Page<>(List.of(), 3));
    }

    @Test
    void tokensArePagedByCreationAndRemovalWritesTheFeed() {
        FakePorts ports = new FakePorts();
        ServiceUser user = ports.serviceUser(ports.organization("Org"), "bot");
        PersonalAccessToken first = ports.issuePersonalAccessToken(user, null).stored();
        ports.clock.advance(Duration.ofSeconds(1));
        PersonalAccessToken second = ports.issuePersonalAccessToken(user, null).stored();

        assertThat(ports.tokens.findByUser(user.id(), PageRequest.ALL).items()).containsExactly(first, second);
        assertThat(ports.tokens.findByUser(user.id(), new PageRequest(0, 1, false)))
                .isEqualTo(new Page<>(List.of(second), 2));
        assertThat(ports.tokens.remove(first.id())).isTrue();
        assertThat(ports.tokens.remove(first.id())).isFalse();
        assertThat(ports.changes.entries()).containsExactly(
                new InMemoryChangeFeed.Entry(ChangeKind.CREDENTIAL_REVOKED, first.id()));
    }

    @Test
    void lastUseOnlyMovesForwardAndUnknownTokensAreIgnored() {
        FakePorts ports = new FakePorts();
        ServiceUser user = ports.serviceUser(ports.organization("Org"), "bot");
        PersonalAccessToken token = ports.issuePersonalAccessToken(user, null).stored();

        ports.tokens.recordLastUsed(Map.of(token.id(), NOW.plusSeconds(10), 999L, NOW));
        ports.tokens.recordLastUsed(Map.of(token.id(), NOW.plusSeconds(5)));

        assertThat(ports.tokens.findById(token.id())).map(PersonalAccessToken::lastUsedAt)
                .contains(NOW.plusSeconds(10));
        assertThat(ports.tokens.findById(999)).isEmpty();
    }

    @Test
    void membershipChangesWriteTheFeedAndSearchJoinsUsers() {
        FakePorts ports = new FakePorts();
        Organization org = ports.organization("Org");
        ServiceUser zed = ports.serviceUser(org, "zed");
        ServiceUser amy = ports.serviceUser(org, "amy");
        Membership zedOwner = Membership.grant(zed.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER), NOW);

        assertThat(ports.memberships.insert(zedOwner)).isTrue();
        assertThat(ports.memberships.insert(zedOwner)).isFalse();
        assertThat(ports.memberships.insert(Membership.grant(amy.id(), MemberScope.ORG, org.id(),
                Set.of(Role.ORG_OWNER_VIEWER), NOW))).isTrue();
        assertThat(ports.memberships.update(zedOwner.withRoles(Set.of(Role.ORG_USER_MANAGER), NOW)))
                .isEqualTo(UpdateResult.UPDATED);

        assertThat(ports.memberships.find(zed.id(), MemberScope.ORG, org.id())).map(Membership::roles)
                .contains(Set.of(Role.ORG_USER_MANAGER));
        assertThat(ports.memberships.search(MemberScope.ORG, org.id(), new MemberFilter.All(), PageRequest.ALL)
                .items()).extracting(m -> m.user().userName()).containsExactly("amy", "zed");
        assertThat(ports.memberships.search(MemberScope.ORG, org.id(), new MemberFilter.UserId(zed.id()),
                PageRequest.ALL).total()).isEqualTo(1);
        assertThat(ports.memberships.remove(amy.id(), MemberScope.ORG, org.id())).isTrue();
        assertThat(ports.changes.entries()).extracting(InMemoryChangeFeed.Entry::subjectId)
                .containsExactly(zed.id(), amy.id(), zed.id(), amy.id());
        assertThat(ports.changes.entries()).extracting(InMemoryChangeFeed.Entry::kind)
                .containsOnly(ChangeKind.MEMBERSHIP_CHANGED);
    }

    @Test
    void changeFeedReturnsEntriesSinceATimeAndPrunesOlderOnes() {
        MutableClock clock = new MutableClock(NOW);
        InMemoryChangeFeed feed = new InMemoryChangeFeed(clock);
        feed.record(ChangeKind.USER_CHANGED, 1);
        clock.advance(Duration.ofSeconds(10));
        feed.record(ChangeKind.ORG_CHANGED, 2);

        assertThat(feed.since(NOW.plusSeconds(10))).extracting(c -> c.subjectId()).containsExactly(2L);
        assertThat(feed.since(NOW)).hasSize(2);
        assertThat(feed.prune(NOW.plusSeconds(10))).isEqualTo(1);
        assertThat(feed.all()).extracting(c -> c.subjectId()).containsExactly(2L);
    }

    @Test
    void cacheDropsTheEntriesOfAnOrganization() {
        InMemoryVerifiedCredentialCache cache = new InMemoryVerifiedCredentialCache(new MutableClock());
        cache.put("a", new Principal(1, 2, "3", "pat", NOW.plusSeconds(10)));
        cache.put("b", new Principal(4, 5, "6", "pat", NOW.plusSeconds(10)));

        cache.invalidateOrg(2);

        assertThat(cache.get("a")).isEmpty();
        assertThat(cache.get("b")).isPresent();
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

    @Test
    void machineSecretsAreOnePerExistingUserWriteTheFeedAndGoWithTheirUserOrOrganization() {
        FakePorts ports = new FakePorts();
        Organization org = ports.organization("Org");
        Organization other = ports.organization("Other");
        ServiceUser first = ports.serviceUser(org, "first");
        ServiceUser second = ports.serviceUser(other, "second");
        MachineSecret secret = MachineSecret.create(first.id(), ports.hasher.hash(SECRET), NOW);

        assertThat(ports.secrets.save(secret)).isTrue();
        MachineSecret replaced = secret.replacedBy(ports.hasher.hash(SECRET), NOW);
        assertThat(ports.secrets.save(replaced)).isTrue();
        assertThat(ports.secrets.save(MachineSecret.create(ports.ids.nextId(), ports.hasher.hash(SECRET), NOW)))
                .isFalse();
        ports.secrets.save(MachineSecret.create(second.id(), ports.hasher.hash(SECRET), NOW));

        assertThat(ports.secrets.find(first.id())).contains(replaced);
        assertThat(ports.secrets.usersWithSecret(List.of(first.id(), second.id(), 42L)))
                .containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(ports.changes.entries()).containsExactly(
                new InMemoryChangeFeed.Entry(ChangeKind.USER_CHANGED, first.id()),
                new InMemoryChangeFeed.Entry(ChangeKind.USER_CHANGED, first.id()),
                new InMemoryChangeFeed.Entry(ChangeKind.USER_CHANGED, second.id()));

        ports.users.remove(first.id());
        ports.organizations.remove(other.id());

        assertThat(ports.secrets.all()).isEmpty();
        assertThat(ports.secrets.remove(first.id())).isFalse();
    }
}
