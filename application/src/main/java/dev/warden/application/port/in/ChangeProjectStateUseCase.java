package dev.warden.application.port.in;

/** Driving port: Deactivates or reactivates a project. */
public interface ChangeProjectStateUseCase {
    DetailsResult changeProjectState(ChangeProjectStateCommand command);
}
