package dev.warden.application.port.in;

/** Driving port: remove the current organization with everything it owns. */
public interface RemoveOrgUseCase {
    DetailsResult removeOrg(RemoveOrgCommand command);
}
