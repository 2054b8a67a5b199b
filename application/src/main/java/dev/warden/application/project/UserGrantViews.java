package dev.warden.application.project;

import dev.warden.application.port.in.UserGrantResult;
import dev.warden.application.port.out.OrganizationRepository;
import dev.warden.application.port.out.ProjectRepository;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.domain.grant.UserGrant;
import dev.warden.domain.org.Organization;
import dev.warden.domain.project.Project;
import dev.warden.domain.serviceuser.ServiceUser;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the names of user, organization and project next to grants, reading each only once per
 * call. A name that is gone (removed concurrently) shows as empty rather than failing the read.
 */
public final class UserGrantViews {

    private final ServiceUserRepository users;
    private final OrganizationRepository organizations;
    private final ProjectRepository projects;

    public UserGrantViews(ServiceUserRepository users, OrganizationRepository organizations,
                          ProjectRepository projects) {
        this.users = users;
        this.organizations = organizations;
        this.projects = projects;
    }

    public List<UserGrantResult> of(List<UserGrant> grants) {
        Map<Long, Optional<ServiceUser>> userCache = new HashMap<>();
        Map<Long, Optional<Organization>> orgCache = new HashMap<>();
        Map<Long, Optional<Project>> projectCache = new HashMap<>();
        return grants.stream().map(grant -> {
            var user = userCache.computeIfAbsent(grant.userId(), users::findById);
            var org = orgCache.computeIfAbsent(grant.orgId(), organizations::findById);
            var project = projectCache.computeIfAbsent(grant.projectId(), projects::findById);
            return new UserGrantResult(grant, user.map(ServiceUser::userName).orElse(""),
                    org.map(Organization::name).orElse(""), org.map(Organization::primaryDomain).orElse(""),
                    project.map(Project::name).orElse(""));
        }).toList();
    }

    public UserGrantResult of(UserGrant grant) {
        return of(List.of(grant)).getFirst();
    }
}
