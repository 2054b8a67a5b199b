package dev.warden.application.port.in;

import java.util.Objects;

/**
 * One failed authentication. Never the presented secret: only what names the stored credential.
 *
 * @param clientAddress the caller's address as the server saw it ("" when unknown)
 * @param credentialId  the id of the stored credential the presented one named ("" when unknown)
 * @param userId        the user of that credential (0 when unknown)
 * @param expired       the credential was genuine but expired (audited as a use after expiry)
 * @param scheme        how it was presented ({@code Bearer}, {@code client_secret}, …)
 */
public record AuthenticationFailureCommand(String clientAddress, String credentialId, long userId, boolean expired,
                                           String scheme) {
    public AuthenticationFailureCommand {
        clientAddress = clientAddress == null ? "" : clientAddress;
        credentialId = credentialId == null ? "" : credentialId;
        Objects.requireNonNull(scheme, "scheme");
        if (userId < 0) {
            throw new IllegalArgumentException("userId must not be negative");
        }
    }
}
