package dev.warden.application.port.in;

import dev.warden.domain.grant.UserGrant;

import java.util.Objects;

/** A new user grant. */
public record AddedUserGrantResult(UserGrant grant) {
    public AddedUserGrantResult {
        Objects.requireNonNull(grant, "grant");
    }
}
