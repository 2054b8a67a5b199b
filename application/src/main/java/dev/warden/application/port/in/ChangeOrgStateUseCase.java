package dev.warden.application.port.in;

/** Driving port: deactivate or reactivate the current organization. */
public interface ChangeOrgStateUseCase {
    DetailsResult changeOrgState(ChangeOrgStateCommand command);
}
