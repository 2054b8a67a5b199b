package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.ListSigningKeysQuery;
import dev.warden.application.port.in.ListSigningKeysUseCase;
import dev.warden.application.port.in.SigningKeyListResult;
import dev.warden.application.port.out.SigningKeyRepository;
import dev.warden.domain.policy.Permission;

import java.time.Clock;
import java.util.Objects;

/** Lists the published signing keys for callers holding {@code iam.read}. */
public final class ListSigningKeysService implements ListSigningKeysUseCase {

    private final AccessControl accessControl;
    private final SigningKeyRepository keys;
    private final Clock clock;

    public ListSigningKeysService(AccessControl accessControl, SigningKeyRepository keys, Clock clock) {
        this.accessControl = Objects.requireNonNull(accessControl, "accessControl");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SigningKeyListResult listSigningKeys(ListSigningKeysQuery query) {
        accessControl.authorize(query.caller(), Permission.IAM_READ);
        return new SigningKeyListResult(keys.findPublished(), clock.instant());
    }
}
