package dev.warden.application.service;

import dev.warden.application.serviceuser.UserLookup;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.ListPersonalAccessTokensQuery;
import dev.warden.application.port.in.ListPersonalAccessTokensUseCase;
import dev.warden.application.port.in.PersonalAccessTokenListResult;
import dev.warden.application.port.out.PersonalAccessTokenRepository;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.query.Page;

import java.time.Clock;
import java.util.List;

/**
 * Lists a user's PATs' metadata for callers holding {@code user.read}. A user unknown in the
 * current organization has no tokens: an empty page, not an error, as in ZITADEL (contract §3.3).
 */
public final class ListPersonalAccessTokensService implements ListPersonalAccessTokensUseCase {

    private final AccessControl accessControl;
    private final ServiceUserRepository users;
    private final PersonalAccessTokenRepository tokens;
    private final Clock clock;

    public ListPersonalAccessTokensService(AccessControl accessControl, ServiceUserRepository users,
                                           PersonalAccessTokenRepository tokens, Clock clock) {
        this.accessControl = accessControl;
        this.users = users;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public PersonalAccessTokenListResult listPersonalAccessTokens(ListPersonalAccessTokensQuery query) {
        Organization org = accessControl.authorize(query.caller(), Permission.USER_READ);
        var page = UserLookup.inOrg(users, query.userId(), org.id())
                .map(user -> tokens.findByUser(user.id(), query.page()))
                .orElseGet(() -> new Page<>(List.of(), 0));
        return new PersonalAccessTokenListResult(page, clock.instant());
    }
}
