package dev.warden.application.service;

import dev.warden.application.authz.AccessControl;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.key.MachineKeyLookup;
import dev.warden.application.port.in.GetMachineKeyQuery;
import dev.warden.application.port.in.GetMachineKeyUseCase;
import dev.warden.application.port.in.MachineKeyResult;
import dev.warden.application.port.out.MachineKeyRepository;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.Permission;

/** Returns one machine key's metadata to callers holding {@code user.read}. */
public final class GetMachineKeyService implements GetMachineKeyUseCase {

    private final AccessControl accessControl;
    private final MachineKeyRepository keys;

    public GetMachineKeyService(AccessControl accessControl, MachineKeyRepository keys) {
        this.accessControl = accessControl;
        this.keys = keys;
    }

    @Override
    public MachineKeyResult getMachineKey(GetMachineKeyQuery query) {
        Organization org = accessControl.authorize(query.caller(), Permission.USER_READ);
        return MachineKeyLookup.of(keys, query.userId(), query.keyId(), org.id())
                .map(MachineKeyResult::new)
                .orElseThrow(() -> new NotFoundException("QUERY-Tha6f", "Errors.AuthNKey.NotFound"));
    }
}
