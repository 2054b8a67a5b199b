package dev.warden.http.admin;

import dev.warden.application.port.in.OrganizationListResult;
import dev.warden.http.json.ListDetailsResponse;
import dev.warden.http.org.OrgResponse;

import java.util.List;

/** Body answering {@code POST /admin/v1/orgs/_search}. */
public record OrgListResponse(ListDetailsResponse details, List<OrgResponse> result) {
    public static OrgListResponse from(OrganizationListResult result) {
        return new OrgListResponse(ListDetailsResponse.of(result.page(), result.viewedAt()),
                result.page().items().stream().map(OrgResponse::from).toList());
    }
}
