package dev.warden.http.key;

import dev.warden.domain.key.MachineKey;
import dev.warden.http.json.ObjectDetailsResponse;
import dev.warden.http.json.Timestamps;

/**
 * {@code zitadel.authn.v1.Key}: {@code {"id","details","type","expirationDate"}}. Neither half of
 * the key is part of it, as in ZITADEL.
 */
public record MachineKeyResponse(String id, ObjectDetailsResponse details, String type, String expirationDate) {

    public static MachineKeyResponse from(MachineKey key) {
        return new MachineKeyResponse(Long.toString(key.id()),
                ObjectDetailsResponse.view(key.sequence(), key.createdAt(), key.changedAt(), key.orgId()),
                KeyTypes.JSON, Timestamps.format(key.expiresAt()));
    }
}
