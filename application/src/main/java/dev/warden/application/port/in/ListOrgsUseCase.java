package dev.warden.application.port.in;

/** Driving port: search all organizations, for instance administrators. */
public interface ListOrgsUseCase {
    OrganizationListResult listOrgs(ListOrgsQuery query);
}
