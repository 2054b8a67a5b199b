package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.ListMachineKeysQuery;
import dev.warden.application.port.in.ListMachineKeysUseCase;
import dev.warden.application.port.in.MachineKeyListResult;
import dev.warden.application.port.out.MachineKeyRepository;
import dev.warden.application.port.out.ServiceUserRepository;
import dev.warden.application.serviceuser.UserLookup;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;
import dev.warden.domain.query.Page;

import java.time.Clock;
import java.util.List;

/**
 * Lists a user's machine keys' metadata for callers holding {@code user.read}. A user unknown in
 * the current organization has no keys: an empty page, not an error, as in ZITADEL.
 */
public final class ListMachineKeysService implements ListMachineKeysUseCase {

    private final AccessControl accessControl;
    private final ServiceUserRepository users;
    private final MachineKeyRepository keys;
    private final Clock clock;

    public ListMachineKeysService(AccessControl accessControl, ServiceUserRepository users, MachineKeyRepository keys,
                                  Clock clock) {
        this.accessControl = accessControl;
        this.users = users;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public MachineKeyListResult listMachineKeys(ListMachineKeysQuery query) {
        Organization org = accessControl.authorize(query.caller(), Permission.USER_READ);
        var page = UserLookup.inOrg(users, query.userId(), org.id())
                .map(user -> keys.findByUser(user.id(), query.page()))
                .orElseGet(() -> new Page<>(List.of(), 0));
        return new MachineKeyListResult(page, clock.instant());
    }
}
