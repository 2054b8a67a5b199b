package dev.warden.application.service;

import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.authz.Caller;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PermissionDeniedException;
import dev.warden.application.error.WardenException;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.token.PatVerifierProvider;
import dev.warden.domain.instance.Instance;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.serviceuser.ServiceUser;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The world the user and PAT service tests run in: two organizations of one instance, an
 * administrator of the first ({@code ORG_OWNER}) and a verifier for the tokens the services issue.
 */
final class UserServiceFixture {

    static final Instant FAR_FUTURE = Instant.parse("2030-01-01T00:00:00Z");

    final FakePorts ports = new FakePorts();
    final Organization home = ports.organization("Home");
    final Organization other = ports.organization("Other");
    final Instance instance = ports.instance(home);
    final ServiceUser admin = ports.serviceUser(home, "admin");
    final AccessControl accessControl = ports.accessControl();
    final CredentialVerifier verifier = new PatVerifierProvider().create(ports.verifierContext());

    UserServiceFixture() {
        ports.grant(admin, MemberScope.ORG, home.id(), Role.ORG_OWNER);
    }

    /** The administrator, without {@code x-zitadel-orgid}. */
    Caller admin() {
        return callerOf(admin, null);
    }

    /** A new user of the home organization holding only these roles there. */
    Caller withOrgRoles(Role... roles) {
        ServiceUser user = ports.serviceUser(home, "caller-" + ports.ids.nextId());
        if (roles.length > 0) {
            ports.grant(user, MemberScope.ORG, home.id(), roles);
        }
        return callerOf(user, null);
    }

    /** A new user of the home organization holding these instance roles, naming {@code org} in the header. */
    Caller withIamRoles(Organization org, Role... roles) {
        ServiceUser user = ports.serviceUser(home, "iam-" + ports.ids.nextId());
        ports.grant(user, MemberScope.IAM, instance.id(), roles);
        return callerOf(user, Long.toString(org.id()));
    }

    static Caller callerOf(ServiceUser user, String requestedOrgId) {
        return new Caller(new Principal(user.id(), user.orgId(), "1", "pat", FAR_FUTURE), requestedOrgId);
    }

    Verification verify(String token) {
        return verifier.verify(new PresentedCredential("Bearer", token));
    }

    static String id(ServiceUser user) {
        return Long.toString(user.id());
    }

    static void assertFails(ThrowingCallable call, Class<? extends WardenException> kind, String errorId,
                            String text) {
        assertThatThrownBy(call).isInstanceOf(kind).satisfies(e -> {
            assertThat(((WardenException) e).errorId()).as("error id").isEqualTo(errorId);
            assertThat(((WardenException) e).text()).as("text").isEqualTo(text);
        });
    }

    /** The two refusals of access control (contract §1.5): no membership at all, or none with the permission. */
    static void assertNoMembership(ThrowingCallable call) {
        assertFails(call, NotFoundException.class, "AUTHZ-cdgFk",
                "membership not found");
    }

    static void assertPermissionDenied(ThrowingCallable call) {
        assertFails(call, PermissionDeniedException.class, "AUTH-5mWD2",
                "No matching permissions found");
    }
}
