package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.ListUserGrantsQuery;
import dev.warden.application.port.in.ListUserGrantsUseCase;
import dev.warden.application.port.in.UserGrantListResult;
import dev.warden.application.port.out.UserGrantRepository;
import dev.warden.application.project.UserGrantViews;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.query.Page;

import java.time.Clock;

/** Searches the current organization's grants for callers holding {@code user.grant.read}. */
public final class ListUserGrantsService implements ListUserGrantsUseCase {

    private final AccessControl accessControl;
    private final UserGrantRepository grants;
    private final UserGrantViews views;
    private final Clock clock;

    public ListUserGrantsService(AccessControl accessControl, UserGrantRepository grants, UserGrantViews views,
                                 Clock clock) {
        this.accessControl = accessControl;
        this.grants = grants;
        this.views = views;
        this.clock = clock;
    }

    @Override
    public UserGrantListResult listUserGrants(ListUserGrantsQuery query) {
        Organization org = accessControl.authorize(query.caller(), Permission.USER_GRANT_READ);
        var page = grants.search(org.id(), query.filters(), query.page());
        return new UserGrantListResult(new Page<>(views.of(page.items()), page.total()), clock.instant());
    }
}
