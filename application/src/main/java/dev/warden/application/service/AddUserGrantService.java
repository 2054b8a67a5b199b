package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.error.AlreadyExistsException;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.port.in.AddUserGrantCommand;
import dev.warden.application.port.in.AddUserGrantUseCase;
import dev.warden.application.port.in.AddedUserGrantResult;
import dev.warden.application.port.out.ProjectRepository;
import dev.warden.application.port.out.ProjectRoleRepository;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.application.port.out.UserGrantRepository;
import dev.warden.application.project.LocalCaches;
import dev.warden.application.project.ProjectErrors;
import dev.warden.domain.grant.UserGrant;
import dev.warden.domain.id.IdGenerator;
import dev.warden.domain.id.Ids;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.project.Project;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserState;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Grants a user (of any organization) roles on a project of the current organization, for callers
 * holding {@code user.grant.write}. The grant belongs to the current organization. Checks run in
 * ZITADEL's order: user, project, roles.
 */
public final class AddUserGrantService implements AddUserGrantUseCase {

    private final AccessControl accessControl;
    private final ServiceUserRepository users;
    private final ProjectRepository projects;
    private final ProjectRoleRepository roles;
    private final UserGrantRepository grants;
    private final IdGenerator ids;
    private final Clock clock;
    private final LocalCaches localCaches;
    private final AuditTrail audit;

    public AddUserGrantService(AccessControl accessControl, ServiceUserRepository users, ProjectRepository projects,
                               ProjectRoleRepository roles, UserGrantRepository grants, IdGenerator ids,
                               Clock clock, LocalCaches localCaches,
                               AuditTrail audit) {
        this.accessControl = accessControl;
        this.users = users;
        this.projects = projects;
        this.roles = roles;
        this.grants = grants;
        this.ids = ids;
        this.clock = clock;
        this.localCaches = localCaches;
        this.audit = audit;
    }

    @Override
    public AddedUserGrantResult addUserGrant(AddUserGrantCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.USER_GRANT_WRITE);
        List<String> keys = validKeys(command.roleKeys(), "AddUserGrantRequest");
        ServiceUser user = Ids.parse(command.userId()).flatMap(users::findById)
                .filter(u -> u.state() != UserState.DELETED)
                .orElseThrow(() -> new PreconditionFailedException("COMMAND-4f8sg", "User could not be found"));
        Project project = Ids.parse(command.projectId()).flatMap(projects::findById)
                .orElseThrow(() -> ProjectErrors.projectMissing("COMMAND-3n77S"));
        if (project.orgId() != org.id()) {
            // Warden has no project grants: another organization's project can never be granted.
            throw new PreconditionFailedException("COMMAND-4m9ff", "Grant not found");
        }
        checkRoles(roles, project.id(), keys);
        UserGrant grant = UserGrant.create(ids.nextId(), org.id(), user.id(), project.id(), keys, clock.instant());
        if (!grants.insert(grant)) {
            throw new AlreadyExistsException(ProjectErrors.UNIQUE, "User grant already exists");
        }
        localCaches.grantsChanged(grant.userId(), grant.createdAt());
        audit.record(AuditEventType.USER_GRANT_ADDED, command.caller(), org.id(), grant.userId(),
                Long.toString(grant.id()), grantDetail(grant));
        return new AddedUserGrantResult(grant);
    }

    /** The audit detail of a grant: project and role keys (names an administrator chose, no secret). */
    static String grantDetail(UserGrant grant) {
        return "project " + grant.projectId() + ": " + String.join(",", grant.roleKeys());
    }

    /** Role keys as sent, without repeats (the first occurrence keeps its place). */
    static List<String> validKeys(List<String> keys, String request) {
        Set<String> unique = new LinkedHashSet<>();
        for (String key : keys) {
            if (key == null || key.isEmpty() || key.length() > 200) {
                throw new InvalidArgumentException(null, "invalid " + request + ".RoleKeys: every key must have 1 to "
                        + "200 characters");
            }
            unique.add(key);
        }
        return List.copyOf(unique);
    }

    static void checkRoles(ProjectRoleRepository roles, long projectId, List<String> keys) {
        if (!keys.isEmpty() && !roles.existingKeys(projectId, keys).containsAll(keys)) {
            throw ProjectErrors.roleNotFound();
        }
    }
}
