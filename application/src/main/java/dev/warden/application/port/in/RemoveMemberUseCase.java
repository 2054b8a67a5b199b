package dev.warden.application.port.in;

/** Driving port: take a member's roles away (idempotent). */
public interface RemoveMemberUseCase {
    DetailsResult removeMember(RemoveMemberCommand command);
}
