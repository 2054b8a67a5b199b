package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.port.in.BulkAddProjectRolesCommand;
import dev.warden.application.port.in.BulkAddProjectRolesUseCase;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Adds several roles to a project in one write, all or none, for callers holding
 * {@code project.role.write}; any taken or repeated key fails the whole request with 409.
 */
public final class BulkAddProjectRolesService implements BulkAddProjectRolesUseCase {

    static final String REQUEST = "BulkAddProjectRolesRequest";
    /** Warden's bound on one request's roles: one statement's worth. */
    static final int MAX_ROLES = 1000;

    private final AccessControl accessControl;
    private final ProjectRepository projects;
    private final ProjectRoleRepository roles;
    private final Clock clock;

    public BulkAddProjectRolesService(AccessControl accessControl, ProjectRepository projects,
                                      ProjectRoleRepository roles, Clock clock) {
        this.accessControl = accessControl;
        this.projects = projects;
        this.roles = roles;
        this.clock = clock;
    }

    @Override
    public DetailsResult bulkAddProjectRoles(BulkAddProjectRolesCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.PROJECT_ROLE_WRITE);
        if (command.roles().isEmpty() || command.roles().size() > MAX_ROLES) {
            throw new InvalidArgumentException(null, "invalid " + REQUEST + ".Roles: value must contain between 1 and "
                    + MAX_ROLES + " items");
        }
        Project project = ProjectLookup.inOrg(projects, command.projectId(), org.id())
                .orElseThrow(() -> ProjectErrors.projectMissing("COMMAND-EbFMN"));
        Instant now = clock.instant();
        List<ProjectRole> newRoles = new ArrayList<>();
        for (int i = 0; i < command.roles().size(); i++) {
            var role = command.roles().get(i);
            String at = REQUEST + ".Roles[" + i + "]";
            newRoles.add(ProjectRole.create(project.id(), org.id(),
                    ProjectLookup.required(role.key(), ProjectRole.MAX_LENGTH, at + ".Key"),
                    ProjectLookup.required(role.displayName(), ProjectRole.MAX_LENGTH, at + ".DisplayName"),
                    ProjectLookup.optional(role.group(), ProjectRole.MAX_LENGTH, at + ".Group"), now));
        }
        AddProjectRoleService.store(roles, newRoles);
        return new DetailsResult(1, now, org.id());
    }
}
