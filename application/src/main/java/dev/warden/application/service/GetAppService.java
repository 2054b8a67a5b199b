package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.port.in.ApiAppResult;
import dev.warden.application.port.in.GetAppQuery;
import dev.warden.application.port.in.GetAppUseCase;
import dev.warden.application.port.out.ApiAppRepository;
import dev.warden.application.project.ProjectLookup;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;

/** Reads an application of a project of the current organization for callers holding {@code project.app.read}. */
public final class GetAppService implements GetAppUseCase {

    private final AccessControl accessControl;
    private final ApiAppRepository apps;

    public GetAppService(AccessControl accessControl, ApiAppRepository apps) {
        this.accessControl = accessControl;
        this.apps = apps;
    }

    @Override
    public ApiAppResult getApp(GetAppQuery query) {
        Organization org = accessControl.authorize(query.caller(), Permission.PROJECT_APP_READ);
        return ProjectLookup.app(apps, query.projectId(), query.appId(), org.id()).map(ApiAppResult::new)
                .orElseThrow(() -> new NotFoundException("QUERY-pCP8P", "Errors.App.NotExisting"));
    }
}
