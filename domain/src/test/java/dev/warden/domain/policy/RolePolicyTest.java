package dev.warden.domain.policy;

import dev.warden.domain.member.AccessCheck;
import dev.warden.domain.member.Membership;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RolePolicyTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final long INSTANCE = 100;
    private static final long ORG = 200;
    private static final long OTHER_ORG = 300;
    private static final long USER = 400;

    /** The contract's §5.3 matrix, verbatim. */
    private static final String MATRIX = """
            | permission | IAM_OWNER | IAM_OWNER_VIEWER | IAM_ORG_MANAGER | IAM_USER_MANAGER | IAM_LOGIN_CLIENT | ORG_OWNER | ORG_USER_MANAGER | ORG_OWNER_VIEWER | ORG_USER_PERMISSION_EDITOR | ORG_SETTINGS_MANAGER | ORG_PROJECT_PERMISSION_EDITOR | ORG_PROJECT_CREATOR |
            | `user.read` | Y | Y | Y | Y | Y | Y | Y | Y | Y |  | Y |  |
            | `user.global.read` | Y | Y | Y | Y |  | Y | Y | Y | Y |  | Y | Y |
            | `user.write` | Y |  | Y | Y | Y | Y | Y |  |  |  |  |  |
            | `user.delete` | Y |  | Y | Y |  | Y | Y |  |  |  |  |  |
            | `user.credential.write` | Y |  | Y |  | Y | Y |  |  |  |  |  |  |
            | `user.membership.read` | Y | Y | Y | Y | Y | Y | Y | Y |  |  |  |  |
            | `org.read` | Y | Y | Y | Y | Y | Y | Y | Y | Y | Y | Y |  |
            | `org.global.read` | Y |  | Y | Y |  | Y |  |  |  |  |  |  |
            | `org.create` | Y |  | Y |  |  |  |  |  |  |  |  |  |
            | `org.write` | Y |  | Y |  |  | Y |  |  |  | Y |  |  |
            | `org.delete` | Y |  | Y |  |  | Y |  |  |  |  |  |  |
            | `org.member.read` | Y | Y | Y | Y | Y | Y |  | Y | Y | Y | Y |  |
            | `org.member.write` | Y |  | Y |  | Y | Y |  |  |  |  |  |  |
            | `org.member.delete` | Y |  | Y | Y |  | Y |  |  |  |  |  |  |
            | `iam.read` | Y | Y |  |  | Y |  |  |  |  |  |  |  |
            | `iam.write` | Y |  |  |  |  |  |  |  |  |  |  |  |
            | `iam.member.read` | Y | Y |  |  | Y |  |  |  |  |  |  |  |
            | `iam.member.write` | Y |  |  |  | Y |  |  |  |  |  |  |  |
            | `iam.member.delete` | Y |  |  |  |  |  |  |  |  |  |  |  |
            | `project.read` | Y | Y | Y | Y | Y | Y | Y | Y | Y |  | Y |  |
            """;

    private static final String ORG_OWNER = "org.read, org.global.read, org.write, org.delete, org.member.read, "
            + "org.member.write, org.member.delete, org.idp.read, org.idp.write, org.idp.delete, org.action.read, "
            + "org.action.write, org.action.delete, org.flow.read, org.flow.write, org.flow.delete, org.feature.read, "
            + "org.feature.write, org.feature.delete, user.read, user.global.read, user.write, user.delete, "
            + "user.grant.read, user.grant.write, user.grant.delete, user.membership.read, user.credential.write, "
            + "user.passkey.write, user.feature.read, user.feature.write, user.feature.delete, policy.read, "
            + "policy.write, policy.delete, project.read, project.create, project.write, project.delete, "
            + "project.member.read, project.member.write, project.member.delete, project.role.read, "
            + "project.role.write, project.role.delete, project.app.read, project.app.write, project.grant.read, "
            + "project.grant.write, project.grant.delete, project.grant.member.read, project.grant.member.write, "
            + "project.grant.member.delete, session.read, session.delete";

    private static final String IAM_OWNER = "iam.read, iam.write, iam.policy.read, iam.policy.write, "
            + "iam.policy.delete, iam.member.read, iam.member.write, iam.member.delete, iam.idp.read, iam.idp.write, "
            + "iam.idp.delete, iam.action.read, iam.action.write, iam.action.delete, iam.flow.read, iam.flow.write, "
            + "iam.flow.delete, iam.feature.read, iam.feature.write, iam.feature.delete, iam.restrictions.read, "
            + "iam.restrictions.write, iam.web_key.write, iam.web_key.delete, iam.web_key.read, iam.debug.write, "
            + "iam.debug.read, org.read, org.global.read, org.create, org.write, org.delete, org.member.read, "
            + "org.member.write, org.member.delete, org.idp.read, org.idp.write, org.idp.delete, org.action.read, "
            + "org.action.write, org.action.delete, org.flow.read, org.flow.write, org.flow.delete, org.feature.read, "
            + "org.feature.write, org.feature.delete, user.read, user.global.read, user.write, user.delete, "
            + "user.grant.read, user.grant.write, user.grant.delete, user.membership.read, user.credential.write, "
            + "user.passkey.write, user.feature.read, user.feature.write, user.feature.delete, policy.read, "
            + "policy.write, policy.delete, project.read, project.create, project.write, project.delete, "
            + "project.member.read, project.member.write, project.member.delete, project.role.read, "
            + "project.role.write, project.role.delete, project.app.read, project.app.write, project.app.delete, "
            + "project.grant.read, project.grant.write, project.grant.delete, project.grant.member.read, "
            + "project.grant.member.write, project.grant.member.delete, events.read, milestones.read, session.read, "
            + "session.write, session.delete, action.target.read, action.target.write, action.target.delete, "
            + "action.execution.read, action.execution.write, userschema.read, userschema.write, userschema.delete";

    @Test
    void everyCellOfTheContractMatrixHolds() {
        List<String> lines = MATRIX.lines().toList();
        List<String> header = cells(lines.get(0));
        List<String> mismatches = new ArrayList<>();
        int checked = 0;
        for (String line : lines.subList(1, lines.size())) {
            List<String> row = cells(line);
            Permission permission = new Permission(row.get(0).replace("`", ""));
            for (int column = 1; column < header.size(); column++) {
                Role role = Role.valueOf(header.get(column));
                boolean expected = row.get(column).equals("Y");
                checked++;
                if (RolePolicy.grants(role, permission) != expected) {
                    mismatches.add(role + " " + (expected ? "lacks " : "has ") + permission);
                }
            }
        }
        assertThat(checked).isEqualTo(20 * 12);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void orgOwnerReadsButCannotCreateOrganizations() {
        assertThat(RolePolicy.grants(Role.ORG_OWNER, Permission.ORG_READ)).isTrue();
        assertThat(RolePolicy.grants(Role.ORG_OWNER, Permission.ORG_CREATE)).isFalse();
        assertThat(RolePolicy.grants(Role.ORG_OWNER, new Permission("project.app.delete"))).isFalse();
    }

    @Test
    void iamOwnerCreatesOrganizationsAndManagesInstanceMembers() {
        assertThat(RolePolicy.grants(Role.IAM_OWNER, Permission.ORG_CREATE)).isTrue();
        assertThat(RolePolicy.grants(Role.IAM_OWNER, Permission.IAM_MEMBER_WRITE)).isTrue();
    }

    @Test
    void orgUserManagerCannotAddMembers() {
        assertThat(RolePolicy.grants(Role.ORG_USER_MANAGER, Permission.USER_WRITE)).isTrue();
        assertThat(RolePolicy.grants(Role.ORG_USER_MANAGER, Permission.ORG_MEMBER_WRITE)).isFalse();
        assertThat(RolePolicy.permissionsOf(Role.ORG_USER_MANAGER))
                .noneMatch(p -> p.name().startsWith("org.member."));
    }

    @Test
    void orgOwnerHasExactlyTheContractsFiftyFivePermissions() {
        assertThat(names(Role.ORG_OWNER)).hasSize(55).containsExactlyInAnyOrderElementsOf(list(ORG_OWNER));
    }

    @Test
    void iamOwnerHasExactlyTheContractsNinetyFivePermissions() {
        assertThat(names(Role.IAM_OWNER)).hasSize(95).containsExactlyInAnyOrderElementsOf(list(IAM_OWNER));
    }

    @Test
    void iamOrgManagerIsOrgOwnerPlusOrgCreateAndAppDelete() {
        List<String> expected = new ArrayList<>(list(ORG_OWNER));
        expected.add("org.create");
        expected.add("project.app.delete");

        assertThat(names(Role.IAM_ORG_MANAGER)).hasSize(57).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void orgRolesHaveExactlyTheContractsLists() {
        assertThat(names(Role.ORG_USER_MANAGER)).hasSize(17).containsExactlyInAnyOrderElementsOf(list(
                "org.read, user.read, user.global.read, user.write, user.delete, user.grant.read, user.grant.write, "
                        + "user.grant.delete, user.membership.read, user.feature.read, user.feature.write, "
                        + "user.feature.delete, policy.read, project.read, project.role.read, session.read, "
                        + "session.delete"));
        assertThat(names(Role.ORG_OWNER_VIEWER)).hasSize(19).containsExactlyInAnyOrderElementsOf(list(
                "org.read, org.member.read, org.idp.read, org.action.read, org.flow.read, org.feature.read, "
                        + "user.read, user.global.read, user.grant.read, user.membership.read, user.feature.read, "
                        + "policy.read, project.read, project.member.read, project.role.read, project.app.read, "
                        + "project.grant.read, project.grant.member.read, project.grant.user.grant.read"));
        assertThat(names(Role.ORG_USER_PERMISSION_EDITOR)).hasSize(14).containsExactlyInAnyOrderElementsOf(list(
                "org.read, org.member.read, user.read, user.global.read, user.grant.read, user.grant.write, "
                        + "user.grant.delete, policy.read, project.read, project.member.read, project.role.read, "
                        + "project.app.read, project.grant.read, project.grant.member.read"));
        assertThat(names(Role.ORG_SETTINGS_MANAGER)).hasSize(12).containsExactlyInAnyOrderElementsOf(list(
                "org.read, org.write, org.member.read, org.idp.read, org.idp.write, org.idp.delete, "
                        + "org.feature.read, org.feature.write, org.feature.delete, policy.read, policy.write, "
                        + "policy.delete"));
        assertThat(names(Role.ORG_PROJECT_PERMISSION_EDITOR)).hasSize(16).containsExactlyInAnyOrderElementsOf(list(
                "org.read, org.member.read, user.read, user.global.read, user.grant.read, user.grant.write, "
                        + "user.grant.delete, policy.read, project.read, project.member.read, project.role.read, "
                        + "project.app.read, project.grant.read, project.grant.write, project.grant.delete, "
                        + "project.grant.member.read"));
        assertThat(names(Role.ORG_PROJECT_CREATOR)).containsExactlyInAnyOrder(
                "user.global.read", "policy.read", "project.read:self", "project.create");
        assertThat(names(Role.ORG_ADMIN_IMPERSONATOR)).containsExactlyInAnyOrder("admin.impersonation", "impersonation");
        assertThat(names(Role.ORG_END_USER_IMPERSONATOR)).containsExactlyInAnyOrder("impersonation");
        assertThat(names(Role.ORG_USER_SELF_MANAGER)).containsExactlyInAnyOrder("policy.read", "user.self.delete");
        assertThat(names(Role.SELF_MANAGEMENT_GLOBAL))
                .containsExactlyInAnyOrder("org.create", "policy.read", "user.self.delete");
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void everyRoleGrantsSomethingAndItsSetCannotBeChanged(Role role) {
        Set<Permission> permissions = RolePolicy.permissionsOf(role);

        assertThat(permissions).isNotEmpty();
        assertThatThrownBy(() -> permissions.add(Permission.IAM_WRITE))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rolesAreScopedAsTheirPrefixSays() {
        for (Role role : Role.values()) {
            MemberScope expected = role.name().startsWith("IAM_") ? MemberScope.IAM : MemberScope.ORG;
            assertThat(role.scope()).as(role.name()).isEqualTo(expected);
        }
        assertThat(Role.grantableOn(MemberScope.IAM)).containsExactly(Role.IAM_OWNER, Role.IAM_OWNER_VIEWER,
                Role.IAM_ORG_MANAGER, Role.IAM_USER_MANAGER, Role.IAM_LOGIN_CLIENT);
        assertThat(Role.named("ORG_OWNER")).contains(Role.ORG_OWNER);
        assertThat(Role.named("org_owner")).isEmpty();
        assertThat(Role.named("NO_SUCH_ROLE")).isEmpty();
    }

    @Test
    void orgMembershipWithThePermissionOnTheCurrentOrgIsGranted() {
        List<Membership> memberships = List.of(org(ORG, Role.ORG_OWNER));

        assertThat(AccessCheck.decide(memberships, ORG, INSTANCE, Permission.ORG_READ))
                .isEqualTo(AccessDecision.GRANTED);
    }

    @Test
    void noMembershipAtAllIsNoMembership() {
        assertThat(AccessCheck.decide(List.of(), ORG, INSTANCE, Permission.ORG_READ))
                .isEqualTo(AccessDecision.NO_MEMBERSHIP);
    }

    @Test
    void membershipsOnOtherOrganizationsDoNotCount() {
        List<Membership> memberships = List.of(org(OTHER_ORG, Role.ORG_OWNER));

        assertThat(AccessCheck.decide(memberships, ORG, INSTANCE, Permission.ORG_READ))
                .isEqualTo(AccessDecision.NO_MEMBERSHIP);
    }

    @Test
    void iamMembershipOnAnotherInstanceDoesNotCount() {
        List<Membership> memberships = List.of(iam(INSTANCE + 1, Role.IAM_OWNER));

        assertThat(AccessCheck.decide(memberships, ORG, INSTANCE, Permission.ORG_READ))
                .isEqualTo(AccessDecision.NO_MEMBERSHIP);
    }

    @Test
    void membershipWithoutThePermissionIsDenied() {
        List<Membership> memberships = List.of(org(ORG, Role.ORG_PROJECT_CREATOR));

        assertThat(AccessCheck.decide(memberships, ORG, INSTANCE, Permission.ORG_READ))
                .isEqualTo(AccessDecision.DENIED);
    }

    @Test
    void membershipOnAnotherOrgThatWouldGrantDoesNotTurnDeniedIntoGranted() {
        List<Membership> memberships = List.of(org(OTHER_ORG, Role.ORG_OWNER), org(ORG, Role.ORG_PROJECT_CREATOR));

        assertThat(AccessCheck.decide(memberships, ORG, INSTANCE, Permission.ORG_READ))
                .isEqualTo(AccessDecision.DENIED);
    }

    @Test
    void iamMembershipAppliesToEveryOrganization() {
        List<Membership> memberships = List.of(iam(INSTANCE, Role.IAM_OWNER));

        for (long org : new long[] {ORG, OTHER_ORG, 999}) {
            assertThat(AccessCheck.decide(memberships, org, INSTANCE, Permission.ORG_READ))
                    .isEqualTo(AccessDecision.GRANTED);
        }
    }

    @Test
    void anyApplicableRoleGrantingThePermissionIsEnough() {
        List<Membership> memberships = List.of(org(ORG, Role.ORG_USER_MANAGER), iam(INSTANCE, Role.IAM_LOGIN_CLIENT));

        assertThat(AccessCheck.decide(memberships, ORG, INSTANCE, Permission.ORG_MEMBER_WRITE))
                .isEqualTo(AccessDecision.GRANTED);
        assertThat(AccessCheck.decide(memberships, ORG, INSTANCE, Permission.ORG_DELETE))
                .isEqualTo(AccessDecision.DENIED);
    }

    @Test
    void permissionNamesAreValidated() {
        assertThat(new Permission("project.read:self").name()).isEqualTo("project.read:self");
        assertThat(new Permission("iam.web_key.read")).hasToString("iam.web_key.read");
        for (String bad : new String[] {null, "", "Org.read", "org..read", "org.read.", "org read", "org.read:other"}) {
            assertThatThrownBy(() -> new Permission(bad)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static Membership org(long orgId, Role... roles) {
        return Membership.grant(USER, MemberScope.ORG, orgId, Set.of(roles), NOW);
    }

    private static Membership iam(long instanceId, Role... roles) {
        return Membership.grant(USER, MemberScope.IAM, instanceId, Set.of(roles), NOW);
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.length() - 1);
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }

    private static Set<String> names(Role role) {
        return RolePolicy.permissionsOf(role).stream().map(Permission::name).collect(Collectors.toSet());
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).toList();
    }
}
