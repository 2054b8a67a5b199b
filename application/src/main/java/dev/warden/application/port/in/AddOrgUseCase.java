package dev.warden.application.port.in;

/** Driving port: create an organization; the caller becomes its ORG_OWNER. */
public interface AddOrgUseCase {
    OrganizationResult addOrg(AddOrgCommand command);
}
