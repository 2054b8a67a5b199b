package dev.warden.application.service;

import dev.warden.application.serviceuser.PatLookup;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.port.in.GetPersonalAccessTokenQuery;
import dev.warden.application.port.in.GetPersonalAccessTokenUseCase;
import dev.warden.application.port.in.PersonalAccessTokenResult;
import dev.warden.application.port.out.PersonalAccessTokenRepository;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;

/** Returns one PAT's metadata, never the token, to callers holding {@code user.read}. */
public final class GetPersonalAccessTokenService implements GetPersonalAccessTokenUseCase {

    private final AccessControl accessControl;
    private final PersonalAccessTokenRepository tokens;

    public GetPersonalAccessTokenService(AccessControl accessControl, PersonalAccessTokenRepository tokens) {
        this.accessControl = accessControl;
        this.tokens = tokens;
    }

    @Override
    public PersonalAccessTokenResult getPersonalAccessToken(GetPersonalAccessTokenQuery query) {
        Organization org = accessControl.authorize(query.caller(), Permission.USER_READ);
        return PatLookup.of(tokens, query.userId(), query.tokenId(), org.id())
                .map(PersonalAccessTokenResult::new)
                .orElseThrow(() -> new NotFoundException("QUERY-fRunu", "Errors.PersonalAccessToken.NotFound"));
    }
}
