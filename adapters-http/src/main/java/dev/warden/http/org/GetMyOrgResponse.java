package dev.warden.http.org;

import dev.warden.application.port.in.OrganizationResult;

/** Body of {@code GET /management/v1/orgs/me}. */
public record GetMyOrgResponse(OrgResponse org) {
    public static GetMyOrgResponse from(OrganizationResult result) {
        return new GetMyOrgResponse(OrgResponse.from(result.organization()));
    }
}
