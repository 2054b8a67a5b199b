package dev.warden.application.port.in;

/** Driving port: the caller's current organization ({@code GET /management/v1/orgs/me}). */
public interface GetMyOrgUseCase {
    OrganizationResult getMyOrg(GetMyOrgQuery query);
}
