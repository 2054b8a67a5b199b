package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.RemoveProjectRoleCommand;
import dev.warden.application.port.in.RemoveProjectRoleUseCase;
import dev.warden.application.port.out.ProjectRepository;
import dev.warden.application.port.out.ProjectRoleRepository;
import dev.warden.application.project.LocalCaches;
import dev.warden.application.project.ProjectErrors;
import dev.warden.application.project.ProjectLookup;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.project.Project;

import java.time.Clock;
import java.time.Instant;

/**
 * Removes a role for callers holding {@code project.role.delete}, and its key from every grant.
 * Idempotent, as in ZITADEL: an unknown role of a known project is a 200. An unknown project is
 * the precondition failure of the other role commands.
 */
public final class RemoveProjectRoleService implements RemoveProjectRoleUseCase {

    private final AccessControl accessControl;
    private final ProjectRepository projects;
    private final ProjectRoleRepository roles;
    private final Clock clock;
    private final LocalCaches localCaches;

    public RemoveProjectRoleService(AccessControl accessControl, ProjectRepository projects,
                                    ProjectRoleRepository roles, Clock clock, LocalCaches localCaches) {
        this.accessControl = accessControl;
        this.projects = projects;
        this.roles = roles;
        this.clock = clock;
        this.localCaches = localCaches;
    }

    @Override
    public DetailsResult removeProjectRole(RemoveProjectRoleCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.PROJECT_ROLE_DELETE);
        Project project = ProjectLookup.inOrg(projects, command.projectId(), org.id())
                .orElseThrow(() -> ProjectErrors.projectMissing("COMMAND-EbFMN"));
        String key = command.roleKey() == null ? "" : command.roleKey();
        Instant now = clock.instant();
        long sequence = roles.find(project.id(), key).map(role -> role.sequence() + 1).orElse(0L);
        if (roles.remove(project.id(), key)) {
            localCaches.grantsChanged(0, now);
        }
        return new DetailsResult(sequence, now, org.id());
    }
}
