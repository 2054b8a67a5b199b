package dev.warden.http.key;

import dev.warden.application.port.in.AddedMachineKeyResult;
import dev.warden.domain.key.MachineKey;
import dev.warden.http.json.ObjectDetailsResponse;

import java.util.Base64;

/**
 * Answer of {@code POST /management/v1/users/{userId}/keys}. {@code keyDetails} (proto bytes,
 * standard base64) is the key file with the private key, present only when Warden generated the
 * pair: the only answer that ever carries it.
 */
public record AddMachineKeyResponse(String keyId, String keyDetails, ObjectDetailsResponse details) {

    public static AddMachineKeyResponse from(AddedMachineKeyResult result) {
        MachineKey key = result.key();
        byte[] keyFile = result.keyFile();
        return new AddMachineKeyResponse(Long.toString(key.id()),
                keyFile == null ? null : Base64.getEncoder().encodeToString(keyFile),
                ObjectDetailsResponse.created(key.sequence(), key.createdAt(), key.orgId()));
    }

    @Override
    public String toString() {
        // Keeps the private key out of any log line or assertion message that prints this record.
        return "AddMachineKeyResponse[keyId=" + keyId + ", keyDetails=" + (keyDetails == null ? "none" : "redacted")
                + "]";
    }
}
