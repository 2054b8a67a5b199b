package dev.warden.application.port.in;

/** Driving port: Replaces a grant's role keys. */
public interface UpdateUserGrantUseCase {
    DetailsResult updateUserGrant(UpdateUserGrantCommand command);
}
