package dev.warden.application.port.in;

/** Driving port: rename the current organization. */
public interface UpdateOrgUseCase {
    OrganizationResult updateOrg(UpdateOrgCommand command);
}
