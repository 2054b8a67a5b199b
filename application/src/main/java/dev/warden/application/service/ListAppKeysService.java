package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.AppKeyListResult;
import dev.warden.application.port.in.ListAppKeysQuery;
import dev.warden.application.port.in.ListAppKeysUseCase;
import dev.warden.application.port.out.AppKeyRepository;
import dev.warden.application.port.out.ApiAppRepository;
import dev.warden.application.project.ProjectLookup;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.query.Page;

import java.time.Clock;
import java.util.List;

/** Lists an application's keys (expired ones included) for callers holding {@code project.app.read}. */
public final class ListAppKeysService implements ListAppKeysUseCase {

    private final AccessControl accessControl;
    private final ApiAppRepository apps;
    private final AppKeyRepository keys;
    private final Clock clock;

    public ListAppKeysService(AccessControl accessControl, ApiAppRepository apps, AppKeyRepository keys, Clock clock) {
        this.accessControl = accessControl;
        this.apps = apps;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public AppKeyListResult listAppKeys(ListAppKeysQuery query) {
        Organization org = accessControl.authorize(query.caller(), Permission.PROJECT_APP_READ);
        var page = ProjectLookup.app(apps, query.projectId(), query.appId(), org.id())
                .map(app -> keys.findByApp(app.id(), query.page()))
                .orElseGet(() -> new Page<>(List.of(), 0));
        return new AppKeyListResult(page, clock.instant());
    }
}
