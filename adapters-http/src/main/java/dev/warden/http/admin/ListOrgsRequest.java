package dev.warden.http.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.domain.id.Ids;
import dev.warden.domain.org.OrgFilter;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.query.PageRequest;
import dev.warden.http.json.ListQueryRequest;
import dev.warden.http.json.TextQueryMethods;
import dev.warden.http.json.WireValues;

import java.util.ArrayList;
import java.util.List;

/** Body of {@code POST /admin/v1/orgs/_search}: paging and ANDed org queries (name, domain, state, id). */
public record ListOrgsRequest(ListQueryRequest query, List<JsonNode> queries) {

    static final String NAME = "ListOrgsRequest";
    private static final List<String> STATES = List.of("ORG_STATE_UNSPECIFIED", "ORG_STATE_ACTIVE",
            "ORG_STATE_INACTIVE", "ORG_STATE_REMOVED");

    PageRequest page() {
        return ListQueryRequest.toPageRequest(query, NAME);
    }

    OrgFilter filter() {
        List<OrgFilter> filters = new ArrayList<>();
        List<JsonNode> all = queries == null ? List.of() : queries;
        for (int i = 0; i < all.size(); i++) {
            JsonNode q = all.get(i) == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : all.get(i);
            String field = "Queries[" + i + "]";
            if (q.has("nameQuery")) {
                JsonNode n = q.get("nameQuery");
                filters.add(new OrgFilter.Name(n.path("name").asText(""),
                        TextQueryMethods.parse(n.get("method"), field + ".NameQuery.Method", NAME)));
            } else if (q.has("domainQuery")) {
                JsonNode d = q.get("domainQuery");
                filters.add(new OrgFilter.Domain(d.path("domain").asText(""),
                        TextQueryMethods.parse(d.get("method"), field + ".DomainQuery.Method", NAME)));
            } else if (q.has("stateQuery")) {
                int state = WireValues.enumIndex(q.get("stateQuery").get("state"), STATES, field + ".StateQuery.State",
                        NAME);
                if (state == 0) {
                    throw new InvalidArgumentException(null, "invalid " + NAME + "." + field
                            + ".StateQuery.State: value must be a defined state");
                }
                filters.add(new OrgFilter.State(OrgState.values()[state - 1]));
            } else if (q.has("idQuery")) {
                filters.add(Ids.parse(q.get("idQuery").path("id").asText(""))
                        .<OrgFilter>map(OrgFilter.Id::new).orElse(new OrgFilter.Id(-1)));
            } else {
                throw new InvalidArgumentException(null, "invalid " + NAME + "." + field + ": value is required");
            }
        }
        return filters.isEmpty() ? new OrgFilter.All() : new OrgFilter.And(filters);
    }
}
