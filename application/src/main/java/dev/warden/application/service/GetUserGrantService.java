package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.GetUserGrantQuery;
import dev.warden.application.port.in.GetUserGrantUseCase;
import dev.warden.application.port.in.UserGrantResult;
import dev.warden.application.port.out.UserGrantRepository;
import dev.warden.application.project.ProjectErrors;
import dev.warden.application.project.UserGrantViews;
import dev.warden.domain.grant.UserGrant;
import dev.warden.domain.id.Ids;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;

import java.util.Optional;

/** Reads a grant of the current organization for callers holding {@code user.grant.read}; the path's user id is ignored, as in ZITADEL. */
public final class GetUserGrantService implements GetUserGrantUseCase {

    private final AccessControl accessControl;
    private final UserGrantRepository grants;
    private final UserGrantViews views;

    public GetUserGrantService(AccessControl accessControl, UserGrantRepository grants, UserGrantViews views) {
        this.accessControl = accessControl;
        this.grants = grants;
        this.views = views;
    }

    @Override
    public UserGrantResult getUserGrant(GetUserGrantQuery query) {
        Organization org = accessControl.authorize(query.caller(), Permission.USER_GRANT_READ);
        return find(grants, query.grantId(), org.id()).map(views::of)
                .orElseThrow(() -> ProjectErrors.grantNotFound("QUERY-wIPkA"));
    }

    static Optional<UserGrant> find(UserGrantRepository grants, String grantId, long orgId) {
        return Ids.parse(grantId).flatMap(grants::findById).filter(grant -> grant.orgId() == orgId);
    }
}
