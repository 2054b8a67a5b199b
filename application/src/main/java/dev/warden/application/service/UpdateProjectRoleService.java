package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.concurrency.OptimisticUpdate;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.UpdateProjectRoleCommand;
import dev.warden.application.port.in.UpdateProjectRoleUseCase;
import dev.warden.application.port.out.ProjectRepository;
import dev.warden.application.port.out.ProjectRoleRepository;
import dev.warden.application.project.ProjectLookup;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.project.ProjectRole;

import java.time.Clock;

/**
 * Changes a role's display name and group (the key is immutable) for callers holding
 * {@code project.role.write}; an unchanged role is a 200 without a write.
 */
public final class UpdateProjectRoleService implements UpdateProjectRoleUseCase {

    static final String REQUEST = "UpdateProjectRoleRequest";

    private final AccessControl accessControl;
    private final ProjectRepository projects;
    private final ProjectRoleRepository roles;
    private final Clock clock;

    public UpdateProjectRoleService(AccessControl accessControl, ProjectRepository projects,
                                    ProjectRoleRepository roles, Clock clock) {
        this.accessControl = accessControl;
        this.projects = projects;
        this.roles = roles;
        this.clock = clock;
    }

    @Override
    public DetailsResult updateProjectRole(UpdateProjectRoleCommand command) {
        return OptimisticUpdate.retryOnce(() -> update(command));
    }

    private DetailsResult update(UpdateProjectRoleCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.PROJECT_ROLE_WRITE);
        String displayName = ProjectLookup.required(command.displayName(), ProjectRole.MAX_LENGTH,
                REQUEST + ".DisplayName");
        String group = ProjectLookup.optional(command.group(), ProjectRole.MAX_LENGTH, REQUEST + ".Group");
        ProjectRole current = ProjectLookup.inOrg(projects, command.projectId(), org.id())
                .flatMap(project -> roles.find(project.id(), command.roleKey() == null ? "" : command.roleKey()))
                .orElseThrow(UpdateProjectRoleService::notFound);
        if (current.displayName().equals(displayName) && current.group().equals(group)) {
            return new DetailsResult(current.sequence(), current.changedAt(), org.id());
        }
        ProjectRole changed = current.withDisplay(displayName, group, clock.instant());
        OptimisticUpdate.stored(roles.update(changed), UpdateProjectRoleService::notFound);
        return new DetailsResult(changed.sequence(), changed.changedAt(), org.id());
    }

    private static NotFoundException notFound() {
        return new NotFoundException("COMMAND-vv8M9", "Role doesn't exist");
    }
}
