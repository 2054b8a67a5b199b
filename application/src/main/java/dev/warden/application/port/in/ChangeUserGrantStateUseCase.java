package dev.warden.application.port.in;

/** Driving port: Deactivates or reactivates a grant. */
public interface ChangeUserGrantStateUseCase {
    DetailsResult changeUserGrantState(ChangeUserGrantStateCommand command);
}
