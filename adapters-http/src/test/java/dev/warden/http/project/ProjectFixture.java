package dev.warden.http.project;

import dev.warden.application.audit.AuditTrail;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.project.LocalCaches;
import dev.warden.application.project.UserGrantViews;
import dev.warden.application.service.AddApiAppService;
import dev.warden.application.service.AddAppKeyService;
import dev.warden.application.service.AddProjectRoleService;
import dev.warden.application.service.AddProjectService;
import dev.warden.application.service.AddUserGrantService;
import dev.warden.application.service.BulkAddProjectRolesService;
import dev.warden.application.service.BulkRemoveUserGrantsService;
import dev.warden.application.service.ChangeAppStateService;
import dev.warden.application.service.ChangeProjectStateService;
import dev.warden.application.service.ChangeUserGrantStateService;
import dev.warden.application.service.GetAppKeyService;
import dev.warden.application.service.GetAppService;
import dev.warden.application.service.GetProjectService;
import dev.warden.application.service.GetUserGrantService;
import dev.warden.application.service.ListAppKeysService;
import dev.warden.application.service.ListAppsService;
import dev.warden.application.service.ListProjectRolesService;
import dev.warden.application.service.ListProjectsService;
import dev.warden.application.service.ListUserGrantsService;
import dev.warden.application.service.RegenerateApiClientSecretService;
import dev.warden.application.service.RemoveAppKeyService;
import dev.warden.application.service.RemoveAppService;
import dev.warden.application.service.RemoveProjectRoleService;
import dev.warden.application.service.RemoveProjectService;
import dev.warden.application.service.RemoveUserGrantService;
import dev.warden.application.service.UpdateApiAppConfigService;
import dev.warden.application.service.UpdateAppService;
import dev.warden.application.service.UpdateProjectRoleService;
import dev.warden.application.service.UpdateProjectService;
import dev.warden.application.service.UpdateUserGrantService;

/** The real project services over the in-memory fakes, for route tests that run the whole path. */
final class ProjectFixture {

    private ProjectFixture() {
    }

    static ProjectUseCases useCases(FakePorts p) {
        AccessControl a = p.accessControl();
        var views = new UserGrantViews(p.users, p.organizations, p.projects);
        return new ProjectUseCases(
                new AddProjectService(a, p.projects, p.ids, p.clock),
                new GetProjectService(a, p.projects),
                new ListProjectsService(a, p.projects, p.clock),
                new UpdateProjectService(a, p.projects, p.clock, LocalCaches.NONE),
                new ChangeProjectStateService(a, p.projects, p.clock, LocalCaches.NONE),
                new RemoveProjectService(a, p.projects, p.clock, LocalCaches.NONE),
                new AddProjectRoleService(a, p.projects, p.projectRoles, p.clock),
                new BulkAddProjectRolesService(a, p.projects, p.projectRoles, p.clock),
                new ListProjectRolesService(a, p.projects, p.projectRoles, p.clock),
                new UpdateProjectRoleService(a, p.projects, p.projectRoles, p.clock),
                new RemoveProjectRoleService(a, p.projects, p.projectRoles, p.clock, LocalCaches.NONE),
                new AddApiAppService(a, p.projects, p.apiApps, p.hasher, p.ids, p.clock, LocalCaches.NONE),
                new GetAppService(a, p.apiApps),
                new ListAppsService(a, p.projects, p.apiApps, p.clock),
                new UpdateAppService(a, p.apiApps, p.clock),
                new UpdateApiAppConfigService(a, p.apiApps, p.clock, LocalCaches.NONE),
                new RegenerateApiClientSecretService(a, p.apiApps, p.hasher, p.clock, LocalCaches.NONE, AuditTrail.none()),
                new ChangeAppStateService(a, p.apiApps, p.clock, LocalCaches.NONE),
                new RemoveAppService(a, p.apiApps, p.clock, LocalCaches.NONE),
                new AddAppKeyService(a, p.apiApps, p.appKeys, p.keyGenerator, p.ids, p.clock, LocalCaches.NONE,
                        AuditTrail.none()),
                new GetAppKeyService(a, p.apiApps, p.appKeys),
                new ListAppKeysService(a, p.apiApps, p.appKeys, p.clock),
                new RemoveAppKeyService(a, p.apiApps, p.appKeys, p.clock, LocalCaches.NONE, AuditTrail.none()),
                new AddUserGrantService(a, p.users, p.projects, p.projectRoles, p.userGrants, p.ids, p.clock,
                        LocalCaches.NONE, AuditTrail.none()),
                new GetUserGrantService(a, p.userGrants, views),
                new ListUserGrantsService(a, p.userGrants, views, p.clock),
                new UpdateUserGrantService(a, p.projectRoles, p.userGrants, p.clock, LocalCaches.NONE, AuditTrail.none()),
                new ChangeUserGrantStateService(a, p.userGrants, p.clock, LocalCaches.NONE, AuditTrail.none()),
                new RemoveUserGrantService(a, p.userGrants, p.clock, LocalCaches.NONE, AuditTrail.none()),
                new BulkRemoveUserGrantsService(a, p.userGrants, p.clock, LocalCaches.NONE, AuditTrail.none()));
    }
}
