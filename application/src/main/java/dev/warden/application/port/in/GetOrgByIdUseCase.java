package dev.warden.application.port.in;

/** Driving port: any organization by id, for instance administrators ({@code GET /admin/v1/orgs/{id}}). */
public interface GetOrgByIdUseCase {
    OrganizationResult getOrgById(GetOrgByIdQuery query);
}
