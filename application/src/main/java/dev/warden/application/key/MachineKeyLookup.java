package dev.warden.application.key;

import dev.warden.application.port.out.MachineKeyRepository;
import dev.warden.domain.id.Ids;
import dev.warden.domain.key.MachineKey;

import java.util.Optional;

/**
 * Finds the machine key a request names by its raw user and key ids: only a key of that user in
 * the current organization exists for it. Malformed ids name no key.
 */
public final class MachineKeyLookup {

    private MachineKeyLookup() {
    }

    public static Optional<MachineKey> of(MachineKeyRepository keys, String rawUserId, String rawKeyId, long orgId) {
        Optional<Long> userId = Ids.parse(rawUserId);
        if (userId.isEmpty()) {
            return Optional.empty();
        }
        return Ids.parse(rawKeyId)
                .flatMap(keys::findById)
                .filter(key -> key.userId() == userId.get() && key.orgId() == orgId);
    }
}
