package dev.warden.application.service;

import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.application.oauth.ProjectRoleClaims;
import dev.warden.application.port.in.AuthenticateUseCase;
import dev.warden.application.port.in.IntrospectTokenCommand;
import dev.warden.application.port.in.IntrospectTokenUseCase;
import dev.warden.application.port.in.IntrospectionResult;
import dev.warden.application.port.out.OrganizationRepository;
import dev.warden.application.port.out.ProjectRoleGrants;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.org.Organization;
import dev.warden.domain.principal.ClientPrincipal;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.principal.TokenDetails;
import dev.warden.domain.serviceuser.ServiceUser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Introspection (RFC 7662, ZITADEL projects contract §7): the caller and the token both go
 * through the authentication methods (one verification pipeline for every path). A token is
 * active for the caller when its audience names the caller's client id or project, or when it
 * is valid for any audience (PATs, to which ZITADEL appends the caller). Role claims are the
 * user's active grants on the caller's project. On the hot path every read here is cached.
 */
public final class IntrospectTokenService implements IntrospectTokenUseCase {

    static final String ROLE_SCOPE_PREFIX = ProjectRoleClaims.ROLE_SCOPE_PREFIX;
    static final String PROFILE_SCOPE = "profile";
    static final String RESOURCE_OWNER_SCOPE = "urn:zitadel:iam:user:resourceowner";

    private final AuthenticateUseCase authenticate;
    private final ServiceUserRepository users;
    private final OrganizationRepository organizations;
    private final ProjectRoleGrants roleGrants;
    private final String issuer;

    public IntrospectTokenService(AuthenticateUseCase authenticate, ServiceUserRepository users,
                                  OrganizationRepository organizations, ProjectRoleGrants roleGrants, String issuer) {
        this.authenticate = authenticate;
        this.users = users;
        this.organizations = organizations;
        this.roleGrants = roleGrants;
        this.issuer = issuer;
    }

    @Override
    public IntrospectionResult introspect(IntrospectTokenCommand command) {
        Verification caller = authenticate.authenticate(command.client());
        if (!(caller instanceof Verification.VerifiedClient verifiedClient)) {
            return IntrospectionResult.clientRefused(switch (caller) {
                case Verification.Rejected rejected -> rejected.reasonForLogs();
                case Verification.Verified verified -> "a user credential is not an API client";
                default -> "no authentication method accepted the client credential";
            });
        }
        ClientPrincipal client = verifiedClient.client();
        if (command.token().isEmpty()) {
            return IntrospectionResult.inactive("no token");
        }
        Verification token = authenticate.authenticate(new PresentedCredential(CredentialSchemes.BEARER,
                command.token()));
        if (!(token instanceof Verification.Verified verified)) {
            return IntrospectionResult.inactive(token instanceof Verification.Rejected rejected
                    ? rejected.reasonForLogs() : "not a token of Warden");
        }
        Principal principal = verified.principal();
        TokenDetails details = principal.token();
        String projectId = Long.toString(client.projectId());
        if (!details.isFor(client.clientId(), projectId)) {
            return IntrospectionResult.inactive("token audience does not name client " + client.clientId());
        }
        Optional<ServiceUser> user = users.findById(principal.userId());
        Optional<Organization> org = organizations.findById(principal.orgId());
        // The verifier checked these too; checking again here closes the window in which another
        // node's deactivation has reached this node's user cache but not yet its credential cache.
        if (user.isEmpty() || !user.get().canAuthenticate() || org.isEmpty() || org.get().state() != OrgState.ACTIVE) {
            return IntrospectionResult.inactive("user or organization of the token is gone or inactive");
        }
        Map<String, Map<String, String>> roles = ProjectRoleClaims.roles(roleGrants, principal.userId(),
                client.projectId(), details.scopes());
        List<String> scopes = new ArrayList<>(details.scopes());
        List<String> audience = new ArrayList<>(details.audience());
        if (details.anyAudience()) {
            // As ZITADEL does for PATs: the caller joins the audience and the held roles join the scope.
            addAbsent(audience, client.clientId());
            addAbsent(audience, projectId);
            roles.keySet().forEach(key -> addAbsent(scopes, ROLE_SCOPE_PREFIX + key));
        }
        Optional<IntrospectionResult.ProfileResult> profile = scopes.contains(PROFILE_SCOPE)
                ? Optional.of(new IntrospectionResult.ProfileResult(user.get().userName(), user.get().displayName(),
                user.get().changedAt()))
                : Optional.empty();
        Optional<IntrospectionResult.ResourceOwnerResult> owner = scopes.contains(RESOURCE_OWNER_SCOPE)
                ? Optional.of(new IntrospectionResult.ResourceOwnerResult(org.get().id(), org.get().name(),
                org.get().primaryDomain()))
                : Optional.empty();
        return IntrospectionResult.active(Long.toString(principal.userId()), scopes, details.clientId(),
                details.issuedAt(), principal.expiresAt(), audience, issuer, principal.credentialId(), profile, owner,
                client.projectId(), roles);
    }

    private static void addAbsent(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }
}
