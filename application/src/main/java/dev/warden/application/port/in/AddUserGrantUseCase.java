package dev.warden.application.port.in;

/** Driving port: Grants a user roles on a project of the current organization. */
public interface AddUserGrantUseCase {
    AddedUserGrantResult addUserGrant(AddUserGrantCommand command);
}
