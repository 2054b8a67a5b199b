package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.application.authz.Caller;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.port.in.AddApiAppCommand;
import dev.warden.application.port.in.AddAppKeyCommand;
import dev.warden.application.port.in.AddProjectCommand;
import dev.warden.application.port.in.AddProjectRoleCommand;
import dev.warden.application.port.in.AddUserGrantCommand;
import dev.warden.application.port.in.BulkRemoveUserGrantsCommand;
import dev.warden.application.port.in.ChangeAppStateCommand;
import dev.warden.application.port.in.RegenerateApiClientSecretCommand;
import dev.warden.application.port.in.RemoveAppKeyCommand;
import dev.warden.application.port.in.RemoveProjectCommand;
import dev.warden.application.port.in.RemoveProjectRoleCommand;
import dev.warden.application.project.LocalCaches;
import dev.warden.domain.app.ApiAuthMethod;
import dev.warden.domain.app.AppState;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.project.PrivateLabelingSetting;
import dev.warden.domain.project.ProjectSettings;
import dev.warden.domain.serviceuser.ServiceUser;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The writes that change what introspection reads tell this node's caches at once, and only after storing. */
class ProjectLocalCachesTest {

    private record Told(ChangeKind kind, long subject) {
    }

    private final FakePorts p = new FakePorts();
    private final List<Told> told = new CopyOnWriteArrayList<>();
    private final LocalCaches caches = new LocalCaches(c -> told.add(new Told(c.kind(), c.subjectId())));
    private final Organization org = p.organization("acme");
    private final ServiceUser admin = p.serviceUser(org, "admin");
    private final ServiceUser robot = p.serviceUser(org, "robot");
    private final Caller caller;

    ProjectLocalCachesTest() {
        p.instance(org);
        p.grant(admin, MemberScope.ORG, org.id(), Role.ORG_OWNER);
        caller = new Caller(new Principal(admin.id(), org.id(), "1", "test", Instant.parse("2999-01-01T00:00:00Z")),
                null);
    }

    @Test
    void appSecretKeyStateGrantRoleAndProjectChangesAreToldAtOnce() {
        var a = p.accessControl();
        String projectId = Long.toString(new AddProjectService(a, p.projects, p.ids, p.clock).addProject(
                new AddProjectCommand(caller, new ProjectSettings("api", false, false, false,
                        PrivateLabelingSetting.UNSPECIFIED))).project().id());
        new AddProjectRoleService(a, p.projects, p.projectRoles, p.clock)
                .addProjectRole(new AddProjectRoleCommand(caller, projectId, "reader", "Reader", null));
        var app = new AddApiAppService(a, p.projects, p.apiApps, p.hasher, p.ids, p.clock, caches)
                .addApiApp(new AddApiAppCommand(caller, projectId, "rs", ApiAuthMethod.PRIVATE_KEY_JWT)).app();
        String appId = Long.toString(app.id());
        new RegenerateApiClientSecretService(a, p.apiApps, p.hasher, p.clock, caches, AuditTrail.none())
                .regenerateApiClientSecret(new RegenerateApiClientSecretCommand(caller, projectId, appId));
        var key = new AddAppKeyService(a, p.apiApps, p.appKeys, p.keyGenerator, p.ids, p.clock, caches, AuditTrail.none())
                .addAppKey(new AddAppKeyCommand(caller, projectId, appId, true, null)).key();
        new RemoveAppKeyService(a, p.apiApps, p.appKeys, p.clock, caches, AuditTrail.none())
                .removeAppKey(new RemoveAppKeyCommand(caller, projectId, appId, Long.toString(key.id())));
        new ChangeAppStateService(a, p.apiApps, p.clock, caches)
                .changeAppState(new ChangeAppStateCommand(caller, projectId, appId, AppState.INACTIVE));
        var grant = new AddUserGrantService(a, p.users, p.projects, p.projectRoles, p.userGrants, p.ids, p.clock,
                caches, AuditTrail.none()).addUserGrant(new AddUserGrantCommand(caller, Long.toString(robot.id()), projectId,
                List.of("reader"))).grant();
        new RemoveProjectRoleService(a, p.projects, p.projectRoles, p.clock, caches)
                .removeProjectRole(new RemoveProjectRoleCommand(caller, projectId, "reader"));
        new RemoveProjectRoleService(a, p.projects, p.projectRoles, p.clock, caches)
                .removeProjectRole(new RemoveProjectRoleCommand(caller, projectId, "reader"));
        new BulkRemoveUserGrantsService(a, p.userGrants, p.clock, caches, AuditTrail.none())
                .bulkRemoveUserGrants(new BulkRemoveUserGrantsCommand(caller, List.of(Long.toString(grant.id()))));
        new RemoveProjectService(a, p.projects, p.clock, caches)
                .removeProject(new RemoveProjectCommand(caller, projectId));

        assertThat(told).containsExactly(
                new Told(ChangeKind.CLIENT_CHANGED, app.id()),
                new Told(ChangeKind.CLIENT_CHANGED, app.id()),
                new Told(ChangeKind.CLIENT_CHANGED, app.id()),
                new Told(ChangeKind.CLIENT_CHANGED, app.id()),
                new Told(ChangeKind.CLIENT_CHANGED, app.id()),
                new Told(ChangeKind.GRANTS_CHANGED, robot.id()),
                new Told(ChangeKind.GRANTS_CHANGED, 0),
                new Told(ChangeKind.GRANTS_CHANGED, robot.id()),
                new Told(ChangeKind.CLIENT_CHANGED, 0),
                new Told(ChangeKind.GRANTS_CHANGED, 0));
    }

    @Test
    void aFailedWriteTellsNothing() {
        var a = p.accessControl();
        try {
            new RemoveProjectService(a, p.projects, p.clock, caches)
                    .removeProject(new RemoveProjectCommand(caller, "123"));
        } catch (RuntimeException expected) {
            // 404: nothing was stored.
        }
        assertThat(told).isEmpty();
    }
}
