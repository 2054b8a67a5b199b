package dev.warden.application.port.in;

/** Driving port: grant a user roles on the current organization or on the instance. */
public interface AddMemberUseCase {
    DetailsResult addMember(AddMemberCommand command);
}
