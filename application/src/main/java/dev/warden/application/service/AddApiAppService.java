package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.AddApiAppCommand;
import dev.warden.application.port.in.AddApiAppUseCase;
import dev.warden.application.port.in.AddedApiAppResult;
import dev.warden.application.port.out.ApiAppRepository;
import dev.warden.application.port.out.ProjectRepository;
import dev.warden.application.port.out.SecretHasher;
import dev.warden.application.project.LocalCaches;
import dev.warden.application.project.ProjectErrors;
import dev.warden.application.project.ProjectLookup;
import dev.warden.domain.app.ApiApp;
import dev.warden.domain.app.ApiAuthMethod;
import dev.warden.domain.id.IdGenerator;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.project.Project;
import dev.warden.domain.serviceuser.ClientSecret;

import java.time.Clock;

/**
 * Adds an API application to a project of the current organization (inactive projects included)
 * for callers holding {@code project.app.write}. A BASIC app gets a client secret of 64 random
 * letters and digits, returned here once and stored only as an argon2id hash; a PRIVATE_KEY_JWT
 * app gets none. The client id is a fresh id, distinct from the app id.
 */
public final class AddApiAppService implements AddApiAppUseCase {

    static final String REQUEST = "AddAPIAppRequest";

    private final AccessControl accessControl;
    private final ProjectRepository projects;
    private final ApiAppRepository apps;
    private final SecretHasher hasher;
    private final IdGenerator ids;
    private final Clock clock;
    private final LocalCaches localCaches;

    public AddApiAppService(AccessControl accessControl, ProjectRepository projects, ApiAppRepository apps,
                            SecretHasher hasher, IdGenerator ids, Clock clock, LocalCaches localCaches) {
        this.accessControl = accessControl;
        this.projects = projects;
        this.apps = apps;
        this.hasher = hasher;
        this.ids = ids;
        this.clock = clock;
        this.localCaches = localCaches;
    }

    @Override
    public AddedApiAppResult addApiApp(AddApiAppCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.PROJECT_APP_WRITE);
        String name = ProjectLookup.required(command.name(), ApiApp.MAX_NAME_LENGTH, REQUEST + ".Name");
        Project project = ProjectLookup.inOrg(projects, command.projectId(), org.id())
                .orElseThrow(() -> ProjectErrors.projectMissing("COMMAND-EbFMN"));
        ApiAuthMethod method = command.authMethod() == null ? ApiAuthMethod.BASIC : command.authMethod();
        ClientSecret secret = method == ApiAuthMethod.BASIC ? ClientSecret.generate() : null;
        long appId = ids.nextId();
        ApiApp app = ApiApp.create(appId, project.id(), org.id(), name, ids.nextId(), method,
                secret == null ? null : hasher.hash(secret.bytes()), clock.instant());
        if (!apps.insert(app)) {
            throw ProjectErrors.appNameTaken();
        }
        localCaches.clientChanged(app.id(), app.createdAt());
        return new AddedApiAppResult(app, secret == null ? null : secret.value());
    }
}
