package dev.warden.http.org;

import dev.warden.domain.org.OrgState;
import dev.warden.domain.org.Organization;
import dev.warden.http.json.ObjectDetailsResponse;

/** {@code zitadel.org.v1.Org}. */
public record OrgResponse(String id, ObjectDetailsResponse details, String state, String name, String primaryDomain) {

    public static OrgResponse from(Organization org) {
        return new OrgResponse(Long.toString(org.id()),
                ObjectDetailsResponse.view(org.sequence(), org.createdAt(), org.changedAt(), org.id()),
                stateName(org.state()), org.name(), org.primaryDomain());
    }

    static String stateName(OrgState state) {
        return switch (state) {
            case ACTIVE -> "ORG_STATE_ACTIVE";
            case INACTIVE -> "ORG_STATE_INACTIVE";
            case REMOVED -> "ORG_STATE_REMOVED";
        };
    }
}
