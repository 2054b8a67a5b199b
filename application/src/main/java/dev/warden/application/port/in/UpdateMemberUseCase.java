package dev.warden.application.port.in;

/** Driving port: replace a member's roles. */
public interface UpdateMemberUseCase {
    DetailsResult updateMember(UpdateMemberCommand command);
}
