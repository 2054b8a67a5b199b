package dev.warden.http.org;

import dev.warden.application.port.in.OrganizationResult;
import dev.warden.http.json.ObjectDetailsResponse;

/** Body answering {@code POST /management/v1/orgs}: the new id and creation details. */
public record AddOrgResponse(String id, ObjectDetailsResponse details) {
    public static AddOrgResponse from(OrganizationResult result) {
        var org = result.organization();
        return new AddOrgResponse(Long.toString(org.id()),
                ObjectDetailsResponse.created(org.sequence(), org.createdAt(), org.id()));
    }
}
