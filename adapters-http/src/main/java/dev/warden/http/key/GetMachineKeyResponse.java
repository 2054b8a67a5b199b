package dev.warden.http.key;

import dev.warden.application.port.in.MachineKeyResult;

/** Answer of {@code GET /management/v1/users/{userId}/keys/{keyId}}: {@code {"key":{…}}}. */
public record GetMachineKeyResponse(MachineKeyResponse key) {

    public static GetMachineKeyResponse from(MachineKeyResult result) {
        return new GetMachineKeyResponse(MachineKeyResponse.from(result.key()));
    }
}
