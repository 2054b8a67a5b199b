package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.application.authz.Caller;
import dev.warden.application.error.ConflictException;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PermissionDeniedException;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.error.WardenException;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.fakes.InMemoryChangeFeed;
import dev.warden.application.port.in.ChangeOrgStateCommand;
import dev.warden.application.port.in.ChangeUserStateCommand;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.UpdateMachineUserCommand;
import dev.warden.application.port.in.UpdateMemberCommand;
import dev.warden.application.port.in.UpdateOrgCommand;
import dev.warden.application.port.in.UpdateUserNameCommand;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.instance.Instance;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.serviceuser.AccessTokenType;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserState;
import dev.warden.domain.serviceuser.UserTransition;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every use case that updates a stored record keeps a concurrent change: the fakes let "another
 * request" write between the use case's read and its update ({@code interleave}), which makes the
 * update conflict. The use case applies the request once more to the new state, checking its
 * preconditions again; a second conflict is ZITADEL's ABORTED and stores nothing.
 */
class ConcurrentUpdateServicesTest {

    private static final Instant TOKEN_EXPIRY = Instant.parse("2030-01-01T00:00:00Z");

    private FakePorts ports;
    private Organization home;
    private Organization other;
    private ServiceUser admin;
    private ServiceUser robot;
    private Membership robotOnOther;
    private Caller onOther;
    private Instant later;

    @BeforeEach
    void setUp() {
        ports = new FakePorts();
        home = ports.organization("Home");
        other = ports.organization("Other");
        Instance instance = ports.instance(home);
        admin = ports.serviceUser(home, "admin");
        ports.grant(admin, MemberScope.IAM, instance.id(), Role.IAM_OWNER);
        robot = ports.serviceUser(other, "robot");
        robotOnOther = ports.grant(robot, MemberScope.ORG, other.id(), Role.ORG_OWNER_VIEWER);
        ports.cache.put("robot-token", new Principal(robot.id(), robot.orgId(), "pat-robot", "pat", TOKEN_EXPIRY));
        // The instance owner works on "Other" through the header, so that deactivating it locks nobody out.
        onOther = new Caller(new Principal(admin.id(), admin.orgId(), "pat-admin", "pat", TOKEN_EXPIRY),
                Long.toString(other.id()));
        ports.clock.advance(Duration.ofMinutes(1));
        later = ports.clock.instant();
    }

    // --- organizations --------------------------------------------------------------------------

    @Test
    void renameAfterAConcurrentDeactivationKeepsBoth() {
        AtomicInteger concurrentWrites = interleaveOrg(1, org -> org.withState(OrgState.INACTIVE, later));

        Organization result = updateOrg().updateOrg(new UpdateOrgCommand(onOther, "Renamed")).organization();

        assertThat(concurrentWrites).hasValue(1);
        Organization stored = storedOrg();
        assertThat(stored).isEqualTo(result);
        assertThat(stored.name()).isEqualTo("Renamed");
        assertThat(stored.state()).isEqualTo(OrgState.INACTIVE);
        assertThat(stored.sequence()).isEqualTo(other.sequence() + 2);
        assertThat(ports.changes.entries()).containsExactly(
                new InMemoryChangeFeed.Entry(ChangeKind.ORG_CHANGED, other.id()));
    }

    @Test
    void deactivationAfterAConcurrentRenameKeepsBothAndDropsTheCachedCredentials() {
        interleaveOrg(1, org -> org.withName("Renamed", FakePorts.INSTANCE_DOMAIN, later));

        DetailsResult details = changeOrgState().changeOrgState(new ChangeOrgStateCommand(onOther, false));

        Organization stored = storedOrg();
        assertThat(stored.name()).isEqualTo("Renamed");
        assertThat(stored.state()).isEqualTo(OrgState.INACTIVE);
        assertThat(stored.sequence()).isEqualTo(other.sequence() + 2);
        assertThat(details).isEqualTo(new DetailsResult(other.sequence() + 2, later, other.id()));
        assertThat(ports.cache.get("robot-token")).isEmpty();
    }

    @Test
    void deactivationRacingAConcurrentDeactivationChecksItsPreconditionAgain() {
        interleaveOrg(1, org -> org.withState(OrgState.INACTIVE, later));

        assertFailsAndStoresNothingOfItsOwn(() -> changeOrgState().changeOrgState(
                        new ChangeOrgStateCommand(onOther, false)),
                PreconditionFailedException.class, "ORG-Dbs2g", "Organisation is already deactivated");
        assertThat(storedOrg().sequence()).isEqualTo(other.sequence() + 1);
    }

    @Test
    void renameOfAnOrganizationRemovedMeanwhileAnswersThatItDoesNotExist() {
        ports.organizations.interleave(1, () -> ports.organizations.remove(other.id()));

        assertThatThrownBy(() -> updateOrg().updateOrg(new UpdateOrgCommand(onOther, "Renamed")))
                .isInstanceOf(PermissionDeniedException.class)
                .satisfies(e -> assertThat(((WardenException) e).errorId()).isEqualTo("AUTH-Bs7Ds"));
        assertThat(ports.organizations.findById(other.id())).isEmpty();
    }

    @Test
    void orgWritesThatConflictTwiceAreAbortedAndStoreNothingOfTheirOwn() {
        AtomicInteger concurrentWrites = interleaveOrg(Integer.MAX_VALUE,
                org -> org.withName(org.name() + "!", FakePorts.INSTANCE_DOMAIN, later));

        assertAborted(() -> updateOrg().updateOrg(new UpdateOrgCommand(onOther, "Renamed")));
        assertAborted(() -> changeOrgState().changeOrgState(new ChangeOrgStateCommand(onOther, false)));

        assertThat(concurrentWrites).as("one attempt and one re-try each").hasValue(4);
        assertThat(storedOrg().name()).isEqualTo("Other!!!!");
        assertThat(storedOrg().state()).isEqualTo(OrgState.ACTIVE);
        assertThat(ports.cache.get("robot-token")).isPresent();
    }

    // --- users ----------------------------------------------------------------------------------

    @Test
    void profileUpdateAfterAConcurrentLockKeepsBoth() {
        interleaveUser(1, user -> user.withState(UserState.LOCKED, later));

        ServiceUser result = updateMachineUser().updateMachineUser(new UpdateMachineUserCommand(onOther,
                id(robot), "New Name", "new description", AccessTokenType.JWT)).user();

        ServiceUser stored = storedRobot();
        assertThat(stored).isEqualTo(result);
        assertThat(stored.displayName()).isEqualTo("New Name");
        assertThat(stored.accessTokenType()).isEqualTo(AccessTokenType.JWT);
        assertThat(stored.state()).isEqualTo(UserState.LOCKED);
        assertThat(stored.sequence()).isEqualTo(robot.sequence() + 2);
        assertThat(ports.changes.entries()).containsExactly(
                new InMemoryChangeFeed.Entry(ChangeKind.USER_CHANGED, robot.id()));
    }

    @Test
    void userRenameAfterAConcurrentDeactivationKeepsBoth() {
        interleaveUser(1, user -> user.withState(UserState.INACTIVE, later));

        updateUserName().updateUserName(new UpdateUserNameCommand(onOther, id(robot), "renamed"));

        ServiceUser stored = storedRobot();
        assertThat(stored.userName()).isEqualTo("renamed");
        assertThat(stored.state()).isEqualTo(UserState.INACTIVE);
        assertThat(stored.sequence()).isEqualTo(robot.sequence() + 2);
    }

    @Test
    void userRenameRacingTheSameRenameChecksItsPreconditionAgain() {
        interleaveUser(1, user -> user.withUserName("renamed", later));

        assertFailsAndStoresNothingOfItsOwn(() -> updateUserName().updateUserName(
                        new UpdateUserNameCommand(onOther, id(robot), "renamed")),
                PreconditionFailedException.class, "COMMAND-6m9gs", "Username not changed");
    }

    @Test
    void lockAfterAConcurrentProfileUpdateKeepsBothAndDropsTheCachedCredentials() {
        interleaveUser(1, user -> user.withProfile("Theirs", "", AccessTokenType.BEARER, later));

        DetailsResult details = changeUserState().changeUserState(new ChangeUserStateCommand(onOther, id(robot),
                UserTransition.LOCK));

        ServiceUser stored = storedRobot();
        assertThat(stored.displayName()).isEqualTo("Theirs");
        assertThat(stored.state()).isEqualTo(UserState.LOCKED);
        assertThat(details.sequence()).isEqualTo(robot.sequence() + 2).isEqualTo(stored.sequence());
        assertThat(ports.cache.get("robot-token")).isEmpty();
    }

    @Test
    void stateChangeOfAUserRemovedMeanwhileIsNotFound() {
        ports.users.interleave(1, () -> ports.users.remove(robot.id()));

        assertThatThrownBy(() -> changeUserState().changeUserState(new ChangeUserStateCommand(onOther, id(robot),
                UserTransition.DEACTIVATE)))
                .isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(((WardenException) e).errorId()).isEqualTo("COMMAND-3M9ds"));
    }

    @Test
    void userWritesThatConflictTwiceAreAbortedAndStoreNothingOfTheirOwn() {
        AtomicInteger concurrentWrites = interleaveUser(Integer.MAX_VALUE,
                user -> user.withProfile(user.displayName() + "!", "", AccessTokenType.BEARER, later));

        assertAborted(() -> updateMachineUser().updateMachineUser(new UpdateMachineUserCommand(onOther, id(robot),
                "New Name", null, null)));
        assertAborted(() -> updateUserName().updateUserName(new UpdateUserNameCommand(onOther, id(robot),
                "renamed")));
        assertAborted(() -> changeUserState().changeUserState(new ChangeUserStateCommand(onOther, id(robot),
                UserTransition.LOCK)));

        assertThat(concurrentWrites).as("one attempt and one re-try each").hasValue(6);
        ServiceUser stored = storedRobot();
        assertThat(stored.displayName()).isEqualTo("robot!!!!!!");
        assertThat(stored.userName()).isEqualTo("robot");
        assertThat(stored.state()).isEqualTo(UserState.ACTIVE);
        assertThat(ports.cache.get("robot-token")).isPresent();
    }

    // --- memberships ----------------------------------------------------------------------------

    @Test
    void roleUpdateAfterAConcurrentRoleUpdateWinsWithOneMoreChange() {
        interleaveMembership(1, membership -> membership.withRoles(Set.of(Role.ORG_USER_MANAGER), later));

        DetailsResult details = updateMember().updateMember(memberUpdate("ORG_OWNER"));

        Membership stored = storedMembership();
        assertThat(stored.roles()).containsExactly(Role.ORG_OWNER);
        assertThat(stored.sequence()).isEqualTo(robotOnOther.sequence() + 2);
        assertThat(details).isEqualTo(new DetailsResult(robotOnOther.sequence() + 2, later, other.id()));
        assertThat(ports.changes.entries()).containsExactly(
                new InMemoryChangeFeed.Entry(ChangeKind.MEMBERSHIP_CHANGED, robot.id()));
    }

    @Test
    void roleUpdateRacingTheSameRolesChangesNothingMore() {
        interleaveMembership(1, membership -> membership.withRoles(Set.of(Role.ORG_OWNER), later));

        DetailsResult details = updateMember().updateMember(memberUpdate("ORG_OWNER"));

        assertThat(storedMembership().sequence()).isEqualTo(robotOnOther.sequence() + 1);
        assertThat(details.sequence()).isEqualTo(robotOnOther.sequence() + 1);
        assertThat(ports.changes.entries()).isEmpty();
    }

    @Test
    void roleUpdateOfAMembershipRemovedMeanwhileIsNotAMember() {
        ports.memberships.interleave(1, () -> ports.memberships.remove(robot.id(), MemberScope.ORG, other.id()));

        assertThatThrownBy(() -> updateMember().updateMember(memberUpdate("ORG_OWNER")))
                .isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(((WardenException) e).errorId()).isEqualTo("Org-D8JxR"));
    }

    @Test
    void roleUpdatesThatConflictTwiceAreAbortedAndStoreNothingOfTheirOwn() {
        AtomicInteger concurrentWrites = interleaveMembership(Integer.MAX_VALUE,
                membership -> membership.withRoles(membership.roles(), later));

        assertAborted(() -> updateMember().updateMember(memberUpdate("ORG_OWNER")));

        assertThat(concurrentWrites).as("one attempt and one re-try").hasValue(2);
        assertThat(storedMembership().roles()).containsExactly(Role.ORG_OWNER_VIEWER);
        assertThat(storedMembership().sequence()).isEqualTo(robotOnOther.sequence() + 2);
    }

    // --- helpers --------------------------------------------------------------------------------

    private UpdateOrgService updateOrg() {
        return new UpdateOrgService(ports.accessControl(), ports.organizations, ports.clock,
                FakePorts.INSTANCE_DOMAIN);
    }

    private ChangeOrgStateService changeOrgState() {
        return new ChangeOrgStateService(ports.accessControl(), ports.organizations, ports.cache, ports.clock);
    }

    private UpdateMachineUserService updateMachineUser() {
        return new UpdateMachineUserService(ports.accessControl(), ports.users, ports.clock);
    }

    private UpdateUserNameService updateUserName() {
        return new UpdateUserNameService(ports.accessControl(), ports.users, ports.clock);
    }

    private ChangeUserStateService changeUserState() {
        return new ChangeUserStateService(ports.accessControl(), ports.users, ports.cache, ports.clock, AuditTrail.none());
    }

    private UpdateMemberService updateMember() {
        return new UpdateMemberService(ports.accessControl(), ports.memberships, ports.instances, ports.clock, AuditTrail.none());
    }

    private UpdateMemberCommand memberUpdate(String... roles) {
        return new UpdateMemberCommand(onOther, MemberScope.ORG, id(robot), List.of(roles));
    }

    /** Another request changes "Other" between the use case's read and each of its next updates. */
    private AtomicInteger interleaveOrg(int times, UnaryOperator<Organization> change) {
        AtomicInteger writes = new AtomicInteger();
        ports.organizations.interleave(times, () -> {
            writes.incrementAndGet();
            ports.organizations.save(change.apply(storedOrg()));
        });
        return writes;
    }

    private AtomicInteger interleaveUser(int times, UnaryOperator<ServiceUser> change) {
        AtomicInteger writes = new AtomicInteger();
        ports.users.interleave(times, () -> {
            writes.incrementAndGet();
            ports.users.save(change.apply(storedRobot()));
        });
        return writes;
    }

    private AtomicInteger interleaveMembership(int times, UnaryOperator<Membership> change) {
        AtomicInteger writes = new AtomicInteger();
        ports.memberships.interleave(times, () -> {
            writes.incrementAndGet();
            ports.memberships.save(change.apply(storedMembership()));
        });
        return writes;
    }

    private Organization storedOrg() {
        return ports.organizations.findById(other.id()).orElseThrow();
    }

    private ServiceUser storedRobot() {
        return ports.users.findById(robot.id()).orElseThrow();
    }

    private Membership storedMembership() {
        return ports.memberships.find(robot.id(), MemberScope.ORG, other.id()).orElseThrow();
    }

    private static String id(ServiceUser user) {
        return Long.toString(user.id());
    }

    /** ABORTED, with no change-feed entry: nothing of the request was stored. */
    private void assertAborted(ThrowingCallable call) {
        assertFailsAndStoresNothingOfItsOwn(call, ConflictException.class, "COMMAND-concurrent",
                "Errors.Concurrency");
    }

    /** The failure, and no change-feed entry: the concurrent writes store with {@code save}, which records none. */
    private void assertFailsAndStoresNothingOfItsOwn(ThrowingCallable call, Class<? extends WardenException> kind,
                                                     String errorId, String text) {
        assertThatThrownBy(call).isInstanceOf(kind).satisfies(e -> {
            assertThat(((WardenException) e).errorId()).isEqualTo(errorId);
            assertThat(((WardenException) e).text()).isEqualTo(text);
        });
        assertThat(ports.changes.entries()).isEmpty();
    }
}
