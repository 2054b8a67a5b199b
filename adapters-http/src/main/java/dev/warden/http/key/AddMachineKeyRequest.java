package dev.warden.http.key;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.authz.Caller;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.application.port.in.AddMachineKeyCommand;
import dev.warden.http.json.WireValues;

import java.util.Base64;

/**
 * Body of {@code POST /management/v1/users/{userId}/keys}:
 * {@code {"type":"KEY_TYPE_JSON","expirationDate":"…","publicKey":"<base64 of PEM>"}}. The enum,
 * the timestamp and the bytes are decoded here; what they mean (a missing type, a past date, a
 * PEM that is no RSA key) is the use case's to judge.
 *
 * @param publicKey proto {@code bytes}: standard or URL-safe base64, padded or not, as protojson reads it
 */
public record AddMachineKeyRequest(JsonNode type, String expirationDate, String publicKey) {

    static final String NAME = "AddMachineKeyRequest";

    public AddMachineKeyCommand toCommand(Caller caller, String userId) {
        return new AddMachineKeyCommand(caller, userId, KeyTypes.parse(type, "Type", NAME),
                WireValues.timestamp(expirationDate, "ExpirationDate", NAME), bytes(publicKey));
    }

    private static byte[] bytes(String base64) {
        if (base64 == null || base64.isEmpty()) {
            return null;
        }
        try {
            boolean urlSafe = base64.indexOf('-') >= 0 || base64.indexOf('_') >= 0;
            return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidArgumentException(null, "invalid " + NAME + ".PublicKey: not base64");
        }
    }
}
