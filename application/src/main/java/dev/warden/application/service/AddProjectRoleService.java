package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.AddProjectRoleCommand;
import dev.warden.application.port.in.AddProjectRoleUseCase;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.out.ProjectRepository;
import dev.warden.application.port.out.ProjectRoleRepository;
import dev.warden.application.project.ProjectErrors;
import dev.warden.application.project.ProjectLookup;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.project.Project;
import dev.warden.domain.project.ProjectRole;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Adds a role to a project of the current organization for callers holding {@code project.role.write}. */
public final class AddProjectRoleService implements AddProjectRoleUseCase {

    static final String REQUEST = "AddProjectRoleRequest";

    private final AccessControl accessControl;
    private final ProjectRepository projects;
    private final ProjectRoleRepository roles;
    private final Clock clock;

    public AddProjectRoleService(AccessControl accessControl, ProjectRepository projects, ProjectRoleRepository roles,
                                 Clock clock) {
        this.accessControl = accessControl;
        this.projects = projects;
        this.roles = roles;
        this.clock = clock;
    }

    @Override
    public DetailsResult addProjectRole(AddProjectRoleCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.PROJECT_ROLE_WRITE);
        String key = ProjectLookup.required(command.roleKey(), ProjectRole.MAX_LENGTH, REQUEST + ".RoleKey");
        String displayName = ProjectLookup.required(command.displayName(), ProjectRole.MAX_LENGTH,
                REQUEST + ".DisplayName");
        String group = ProjectLookup.optional(command.group(), ProjectRole.MAX_LENGTH, REQUEST + ".Group");
        Project project = ProjectLookup.inOrg(projects, command.projectId(), org.id())
                .orElseThrow(() -> ProjectErrors.projectMissing("COMMAND-EbFMN"));
        Instant now = clock.instant();
        ProjectRole role = ProjectRole.create(project.id(), org.id(), key, displayName, group, now);
        store(roles, List.of(role));
        return new DetailsResult(role.sequence(), now, org.id());
    }

    /** Stores all roles or none: a taken (or repeated) key is ZITADEL's unique-constraint answer. */
    static void store(ProjectRoleRepository roles, List<ProjectRole> newRoles) {
        if (!roles.insertAll(newRoles)) {
            throw ProjectErrors.roleTaken();
        }
    }
}
