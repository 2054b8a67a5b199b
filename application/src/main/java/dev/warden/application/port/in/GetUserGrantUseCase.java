package dev.warden.application.port.in;

/** Driving port: Reads a grant of the current organization. */
public interface GetUserGrantUseCase {
    UserGrantResult getUserGrant(GetUserGrantQuery query);
}
