package dev.warden.http;

import dev.warden.http.member.MemberUseCases;
import dev.warden.http.user.UserUseCases;
import dev.warden.http.org.OrgUseCases;
import dev.warden.application.port.in.AuthenticateUseCase;
import dev.warden.application.port.in.SearchAuditEventsUseCase;
import dev.warden.http.key.MachineKeyUseCases;
import dev.warden.http.oauth.OAuthUseCases;
import dev.warden.http.secret.MachineSecretUseCases;
import dev.warden.http.signing.SigningKeyUseCases;
import dev.warden.http.project.ProjectUseCases;

import java.util.Objects;

/** The in-ports the HTTP adapter drives, handed over by the composition root, grouped by resource. */
public record HttpAdapter(AuthenticateUseCase authenticate, OrgUseCases orgs, UserUseCases users,
                          MemberUseCases members, MachineSecretUseCases secrets, MachineKeyUseCases keys,
                          OAuthUseCases oauth,
                          SigningKeyUseCases signingKeys,
                          ProjectUseCases projects,
                          SearchAuditEventsUseCase auditEvents) {
    public HttpAdapter {
        Objects.requireNonNull(authenticate, "authenticate");
        Objects.requireNonNull(orgs, "orgs");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(oauth, "oauth");
        Objects.requireNonNull(signingKeys, "signingKeys");
        Objects.requireNonNull(projects, "projects");
        Objects.requireNonNull(auditEvents, "auditEvents");
    }
}
