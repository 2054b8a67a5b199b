package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.application.serviceuser.PatLookup;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.port.in.DetailsResult;
import dev.warden.application.port.in.RemovePersonalAccessTokenCommand;
import dev.warden.application.port.in.RemovePersonalAccessTokenUseCase;
import dev.warden.application.port.out.PersonalAccessTokenRepository;
import dev.warden.application.port.out.VerifiedCredentialCache;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.token.PersonalAccessToken;

import java.time.Clock;

/**
 * Revokes a PAT for callers holding {@code user.write}: the token is deleted and dropped from this
 * node's credential cache, so the next request with it is refused; other nodes follow the change feed.
 */
public final class RemovePersonalAccessTokenService implements RemovePersonalAccessTokenUseCase {

    private final AccessControl accessControl;
    private final PersonalAccessTokenRepository tokens;
    private final VerifiedCredentialCache cache;
    private final Clock clock;
    private final AuditTrail audit;

    public RemovePersonalAccessTokenService(AccessControl accessControl, PersonalAccessTokenRepository tokens,
                                            VerifiedCredentialCache cache, Clock clock,
                                            AuditTrail audit) {
        this.accessControl = accessControl;
        this.tokens = tokens;
        this.cache = cache;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public DetailsResult removePersonalAccessToken(RemovePersonalAccessTokenCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.USER_WRITE);
        PersonalAccessToken token = PatLookup.of(tokens, command.userId(), command.tokenId(), org.id())
                .orElseThrow(RemovePersonalAccessTokenService::notFound);

        if (!tokens.remove(token.id())) {
            // Removed by a concurrent request between our look-up and our delete.
            throw notFound();
        }
        // The PAT verifier names a principal's credential by the token id in decimal.
        cache.invalidateCredential(Long.toString(token.id()));
        audit.record(AuditEventType.PAT_REMOVED, command.caller(), org.id(), token.userId(), Long.toString(token.id()),
                "");
        return new DetailsResult(token.sequence() + 1, clock.instant(), org.id());
    }

    private static NotFoundException notFound() {
        return new NotFoundException("COMMAND-4m77G", "Personal Access Token not found");
    }
}
