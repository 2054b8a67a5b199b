package dev.warden.application.service;

import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.application.oauth.RoleClaims;
import dev.warden.application.port.in.AuthenticateUseCase;
import dev.warden.application.port.in.GetUserInfoQuery;
import dev.warden.application.port.in.GetUserInfoUseCase;
import dev.warden.application.port.in.UserInfoResult;
import dev.warden.application.port.out.OrganizationRepository;
import dev.warden.application.port.out.ProjectRoleGrants;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.org.Organization;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.serviceuser.ServiceUser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Userinfo (OIDC Core §5.3, contract §7.4): the token goes through the authentication methods
 * as a {@code Bearer} credential (one verification pipeline for every path), whatever its
 * audience: userinfo is about the token's own user, not a resource server. The token's scopes
 * decide the claims (contract §7.3.3); role claims name the projects of its audience. On the hot
 * path every read here is cached.
 */
public final class GetUserInfoService implements GetUserInfoUseCase {

    static final String PROFILE_SCOPE = "profile";
    static final String RESOURCE_OWNER_SCOPE = "urn:zitadel:iam:user:resourceowner";

    private final AuthenticateUseCase authenticate;
    private final ServiceUserRepository users;
    private final OrganizationRepository organizations;
    private final RoleClaims roleClaims;

    public GetUserInfoService(AuthenticateUseCase authenticate, ServiceUserRepository users,
                              OrganizationRepository organizations, ProjectRoleGrants roleGrants) {
        this.authenticate = authenticate;
        this.users = users;
        this.organizations = organizations;
        this.roleClaims = new RoleClaims(roleGrants);
    }

    @Override
    public UserInfoResult getUserInfo(GetUserInfoQuery query) {
        if (query.accessToken().isEmpty()) {
            return UserInfoResult.invalidToken("no token");
        }
        Verification verification = authenticate.authenticate(new PresentedCredential(CredentialSchemes.BEARER,
                query.accessToken()).from(query.clientAddress()));
        if (!(verification instanceof Verification.Verified verified)) {
            return UserInfoResult.invalidToken(verification instanceof Verification.Rejected rejected
                    ? rejected.reasonForLogs() : "not a token of Warden");
        }
        Principal principal = verified.principal();
        Optional<ServiceUser> user = users.findById(principal.userId());
        Optional<Organization> org = organizations.findById(principal.orgId());
        // The verifier checked these too; checking again here closes the window in which another
        // node's deactivation has reached this node's user cache but not yet its credential cache.
        if (user.isEmpty() || !user.get().canAuthenticate() || org.isEmpty() || org.get().state() != OrgState.ACTIVE) {
            return UserInfoResult.invalidToken("user or organization of the token is gone or inactive");
        }
        List<String> scopes = principal.token().scopes();
        Optional<UserInfoResult.ProfileResult> profile = scopes.contains(PROFILE_SCOPE)
                ? Optional.of(new UserInfoResult.ProfileResult(user.get().userName(), user.get().displayName(),
                user.get().changedAt()))
                : Optional.empty();
        Optional<UserInfoResult.ResourceOwnerResult> owner = scopes.contains(RESOURCE_OWNER_SCOPE)
                ? Optional.of(new UserInfoResult.ResourceOwnerResult(org.get().id(), org.get().name(),
                org.get().primaryDomain()))
                : Optional.empty();
        List<UserInfoResult.ProjectRolesResult> projectRoles = new ArrayList<>();
        if (RoleClaims.requested(scopes)) {
            for (long projectId : audienceProjects(principal.token().audience())) {
                Map<String, Map<String, String>> roles = roleClaims.of(principal.userId(), projectId, scopes);
                if (!roles.isEmpty()) {
                    projectRoles.add(new UserInfoResult.ProjectRolesResult(projectId, roles));
                }
            }
        }
        return UserInfoResult.of(new UserInfoResult.ClaimsResult(Long.toString(principal.userId()), profile, owner,
                projectRoles));
    }

    /**
     * The project ids of an audience. It also holds the OAuth client id (a user name) when no
     * project was asked for, and the management API's id (the instance id, which holds no grants).
     */
    private static Set<Long> audienceProjects(List<String> audience) {
        Set<Long> projects = new LinkedHashSet<>();
        for (String entry : audience) {
            if (!entry.isEmpty() && entry.length() <= 19 && entry.chars().allMatch(c -> c >= '0' && c <= '9')) {
                try {
                    long id = Long.parseLong(entry);
                    if (id > 0) {
                        projects.add(id);
                    }
                } catch (NumberFormatException tooLarge) {
                    // not an id Warden issues
                }
            }
        }
        return projects;
    }
}
