package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.port.in.AppKeyResult;
import dev.warden.application.port.in.GetAppKeyQuery;
import dev.warden.application.port.in.GetAppKeyUseCase;
import dev.warden.application.port.out.AppKeyRepository;
import dev.warden.application.port.out.ApiAppRepository;
import dev.warden.application.project.ProjectLookup;
import dev.warden.domain.app.AppKey;
import dev.warden.domain.id.Ids;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;

import java.util.Optional;

/** Reads an application key's metadata for callers holding {@code project.app.read}. */
public final class GetAppKeyService implements GetAppKeyUseCase {

    private final AccessControl accessControl;
    private final ApiAppRepository apps;
    private final AppKeyRepository keys;

    public GetAppKeyService(AccessControl accessControl, ApiAppRepository apps, AppKeyRepository keys) {
        this.accessControl = accessControl;
        this.apps = apps;
        this.keys = keys;
    }

    @Override
    public AppKeyResult getAppKey(GetAppKeyQuery query) {
        Organization org = accessControl.authorize(query.caller(), Permission.PROJECT_APP_READ);
        return find(apps, keys, query.projectId(), query.appId(), query.keyId(), org.id()).map(AppKeyResult::new)
                .orElseThrow(() -> new NotFoundException("QUERY-Tha6f", "Errors.AuthNKey.NotFound"));
    }

    /** The key with that id of that app of that project of the organization. */
    static Optional<AppKey> find(ApiAppRepository apps, AppKeyRepository keys, String projectId, String appId,
                                 String keyId, long orgId) {
        return ProjectLookup.app(apps, projectId, appId, orgId)
                .flatMap(app -> Ids.parse(keyId).flatMap(keys::findById).filter(key -> key.appId() == app.id()));
    }
}
