package dev.warden.application.port.in;

import java.util.Optional;

/**
 * @param created false when the instance already existed and nothing was created
 * @param adminToken the admin PAT, present only when this call created it: shown once
 */
public record FirstInstanceResult(boolean created, long instanceId, long orgId, long adminUserId,
                                  Optional<String> adminToken) {

    @Override
    public String toString() {
        return "FirstInstanceResult[created=" + created + ", instanceId=" + instanceId + ", orgId=" + orgId
                + ", adminUserId=" + adminUserId + ", adminToken=" + (adminToken.isPresent() ? "redacted" : "none") + "]";
    }
}
