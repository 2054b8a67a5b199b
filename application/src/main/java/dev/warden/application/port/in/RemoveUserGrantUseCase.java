package dev.warden.application.port.in;

/** Driving port: Removes a grant. */
public interface RemoveUserGrantUseCase {
    DetailsResult removeUserGrant(RemoveUserGrantCommand command);
}
