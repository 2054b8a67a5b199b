package dev.warden.application.service;

import dev.warden.application.audit.AuditTrail;
import dev.warden.domain.audit.AuditEventType;
import dev.warden.application.serviceuser.UserLookup;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.error.PreconditionFailedException;
import dev.warden.application.port.in.AddPersonalAccessTokenCommand;
import dev.warden.application.port.in.AddPersonalAccessTokenUseCase;
import dev.warden.application.port.in.AddedPersonalAccessTokenResult;
import dev.warden.application.port.out.PersonalAccessTokenRepository;
import dev.warden.application.port.out.SecretHasher;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.domain.id.IdGenerator;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.token.OpaqueToken;
import dev.warden.domain.token.PersonalAccessToken;
import dev.warden.domain.token.TokenKind;

import java.time.Clock;
import java.time.Instant;

/**
 * Issues a personal access token for a user of the current organization, for callers holding
 * {@code user.write}. Only the hash of the token's secret is stored; the token string is returned
 * here once and never again.
 */
public final class AddPersonalAccessTokenService implements AddPersonalAccessTokenUseCase {

    private final AccessControl accessControl;
    private final ServiceUserRepository users;
    private final PersonalAccessTokenRepository tokens;
    private final SecretHasher hasher;
    private final IdGenerator ids;
    private final Clock clock;
    private final AuditTrail audit;

    public AddPersonalAccessTokenService(AccessControl accessControl, ServiceUserRepository users,
                                         PersonalAccessTokenRepository tokens, SecretHasher hasher, IdGenerator ids,
                                         Clock clock,
                                         AuditTrail audit) {
        this.accessControl = accessControl;
        this.users = users;
        this.tokens = tokens;
        this.hasher = hasher;
        this.ids = ids;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public AddedPersonalAccessTokenResult addPersonalAccessToken(AddPersonalAccessTokenCommand command) {
        Organization org = accessControl.authorize(command.caller(), Permission.USER_WRITE);
        Instant now = clock.instant();
        Instant expiration = command.expirationDate();
        if (expiration != null && !expiration.isAfter(now)) {
            throw new InvalidArgumentException("DOMAIN-dv3t5", "Errors.AuthNKey.ExpireBeforeNow");
        }
        // A precondition, not a lookup, in ZITADEL: an unknown user here is 400, not 404 (contract §3.1).
        ServiceUser user = UserLookup.inOrg(users, command.userId(), org.id())
                .orElseThrow(() -> new PreconditionFailedException("COMMAND-Dggw2", "User could not be found"));

        OpaqueToken token = OpaqueToken.generate(TokenKind.PERSONAL_ACCESS_TOKEN, ids.nextId());
        PersonalAccessToken pat = PersonalAccessToken.create(token.id(), user.id(), org.id(),
                hasher.hash(token.secret()), expiration, now);
        tokens.insert(pat);
        audit.record(AuditEventType.PAT_ADDED, command.caller(), org.id(), user.id(), Long.toString(pat.id()), "");
        return new AddedPersonalAccessTokenResult(pat, token.encode());
    }
}
