package dev.warden.bootstrap.e2e.hostile;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every route of the management and admin APIs (as the endpoints in {@code adapters-http}
 * register them), with a body of the right shape for those that read one. Path placeholders
 * ({@code {user}}, {@code {project}}, ...) name resources the fixture created, so a request that
 * got past parsing would reach a real row.
 *
 * @param body a well-shaped body for a route that reads JSON; null for routes that read none
 */
record Routes(String method, String template, String body) {

    static final String M = "/management/v1";
    static final String A = "/admin/v1";
    private static final String APP = M + "/projects/{project}/apps/{app}";
    private static final String GRANT = M + "/users/{user}/grants/{grant}";
    private static final String LIST = "{\"query\":{\"limit\":10,\"asc\":true},\"queries\":[]}";
    private static final String PAGE = "{\"query\":{\"limit\":10}}";
    private static final String FUTURE = "2519-04-01T08:45:00Z";

    static final List<Routes> ALL = List.of(
            new Routes("GET", M + "/orgs/me", null),
            new Routes("POST", M + "/orgs", "{\"name\":\"x\"}"),
            new Routes("PUT", M + "/orgs/me", "{\"name\":\"x\"}"),
            new Routes("POST", M + "/orgs/me/_deactivate", null),
            new Routes("POST", M + "/orgs/me/_reactivate", null),
            new Routes("DELETE", M + "/orgs/me", null),
            new Routes("POST", M + "/orgs/members/roles/_search", null),
            new Routes("POST", M + "/orgs/me/members/_search", LIST),
            new Routes("POST", M + "/orgs/me/members", "{\"userId\":\"{user}\",\"roles\":[\"ORG_OWNER\"]}"),
            new Routes("PUT", M + "/orgs/me/members/{user}", "{\"roles\":[\"ORG_OWNER\"]}"),
            new Routes("DELETE", M + "/orgs/me/members/{user}", null),
            new Routes("POST", M + "/users/machine", "{\"userName\":\"x\",\"name\":\"x\",\"description\":\"d\","
                    + "\"accessTokenType\":\"ACCESS_TOKEN_TYPE_BEARER\"}"),
            new Routes("POST", M + "/users/_search",
                    "{\"query\":{\"limit\":10},\"queries\":[{\"userNameQuery\":{\"userName\":\"x\"}}]}"),
            new Routes("GET", M + "/users/{user}", null),
            new Routes("PUT", M + "/users/{user}/machine", "{\"name\":\"x\",\"description\":\"d\","
                    + "\"accessTokenType\":\"ACCESS_TOKEN_TYPE_BEARER\"}"),
            new Routes("PUT", M + "/users/{user}/username", "{\"userName\":\"x\"}"),
            new Routes("POST", M + "/users/{user}/_deactivate", "{}"),
            new Routes("POST", M + "/users/{user}/_reactivate", "{}"),
            new Routes("POST", M + "/users/{user}/_lock", "{}"),
            new Routes("POST", M + "/users/{user}/_unlock", "{}"),
            new Routes("DELETE", M + "/users/{user}", null),
            new Routes("POST", M + "/users/{user}/pats", "{\"expirationDate\":\"" + FUTURE + "\"}"),
            new Routes("POST", M + "/users/{user}/pats/_search", PAGE),
            new Routes("GET", M + "/users/{user}/pats/{pat}", null),
            new Routes("DELETE", M + "/users/{user}/pats/{pat}", null),
            new Routes("PUT", M + "/users/{user}/secret", "{}"),
            new Routes("DELETE", M + "/users/{user}/secret", null),
            new Routes("POST", M + "/users/{user}/keys", "{\"type\":\"KEY_TYPE_JSON\",\"expirationDate\":\"" + FUTURE
                    + "\"}"),
            new Routes("POST", M + "/users/{user}/keys/_search", PAGE),
            new Routes("GET", M + "/users/{user}/keys/{key}", null),
            new Routes("DELETE", M + "/users/{user}/keys/{key}", null),
            new Routes("POST", M + "/projects", "{\"name\":\"x\",\"projectRoleAssertion\":true}"),
            new Routes("POST", M + "/projects/_search", LIST),
            new Routes("GET", M + "/projects/{project}", null),
            new Routes("PUT", M + "/projects/{project}", "{\"name\":\"x\",\"projectRoleCheck\":false}"),
            new Routes("POST", M + "/projects/{project}/_deactivate", "{}"),
            new Routes("POST", M + "/projects/{project}/_reactivate", "{}"),
            new Routes("DELETE", M + "/projects/{project}", null),
            new Routes("POST", M + "/projects/{project}/roles", "{\"roleKey\":\"k\",\"displayName\":\"K\",\"group\":\"g\"}"),
            new Routes("POST", M + "/projects/{project}/roles/_bulk",
                    "{\"roles\":[{\"key\":\"k\",\"displayName\":\"K\",\"group\":\"g\"}]}"),
            new Routes("POST", M + "/projects/{project}/roles/_search", LIST),
            new Routes("PUT", M + "/projects/{project}/roles/{role}", "{\"displayName\":\"x\",\"group\":\"g\"}"),
            new Routes("DELETE", M + "/projects/{project}/roles/{role}", null),
            new Routes("POST", M + "/projects/{project}/apps/api",
                    "{\"name\":\"x\",\"authMethodType\":\"API_AUTH_METHOD_TYPE_BASIC\"}"),
            new Routes("POST", M + "/projects/{project}/apps/_search", LIST),
            new Routes("GET", APP, null),
            new Routes("PUT", APP, "{\"name\":\"x\"}"),
            new Routes("PUT", APP + "/api_config", "{\"authMethodType\":\"API_AUTH_METHOD_TYPE_BASIC\"}"),
            new Routes("POST", APP + "/api_config/_generate_client_secret", "{}"),
            new Routes("POST", APP + "/_deactivate", "{}"),
            new Routes("POST", APP + "/_reactivate", "{}"),
            new Routes("DELETE", APP, null),
            new Routes("POST", APP + "/keys", "{\"type\":\"KEY_TYPE_JSON\",\"expirationDate\":\"" + FUTURE + "\"}"),
            new Routes("POST", APP + "/keys/_search", PAGE),
            new Routes("GET", APP + "/keys/{appKey}", null),
            new Routes("DELETE", APP + "/keys/{appKey}", null),
            new Routes("POST", M + "/users/grants/_search", LIST),
            new Routes("POST", M + "/users/{user}/grants", "{\"projectId\":\"{project}\",\"roleKeys\":[\"reader\"]}"),
            new Routes("GET", GRANT, null),
            new Routes("PUT", GRANT, "{\"roleKeys\":[\"reader\"]}"),
            new Routes("POST", GRANT + "/_deactivate", "{}"),
            new Routes("POST", GRANT + "/_reactivate", "{}"),
            new Routes("DELETE", GRANT, null),
            new Routes("DELETE", M + "/user_grants/_bulk", "{\"grantId\":[\"{grant}\"]}"),
            new Routes("POST", A + "/orgs/_search", LIST),
            new Routes("GET", A + "/orgs/{org}", null),
            new Routes("POST", A + "/members/roles/_search", null),
            new Routes("POST", A + "/members/_search", LIST),
            new Routes("POST", A + "/members", "{\"userId\":\"{user}\",\"roles\":[\"IAM_OWNER_VIEWER\"]}"),
            new Routes("PUT", A + "/members/{user}", "{\"roles\":[\"IAM_OWNER_VIEWER\"]}"),
            new Routes("DELETE", A + "/members/{user}", null),
            new Routes("GET", A + "/signing_keys", null),
            new Routes("POST", A + "/signing_keys/_rotate", "{}"),
            new Routes("POST", A + "/events/_search", "{\"limit\":10,\"asc\":true,\"eventTypes\":[\"user.personal.access.token.added\"]}"));

    static Routes find(String method, String template) {
        return ALL.stream().filter(r -> r.method.equals(method) && r.template.equals(template)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(method + " " + template));
    }

    boolean readsBody() {
        return body != null;
    }

    /** The path with the fixture's ids in place of the placeholders. */
    String path(Map<String, String> ids) {
        return fill(template, ids);
    }

    String body(Map<String, String> ids) {
        return body == null ? null : fill(body, ids);
    }

    static String fill(String text, Map<String, String> ids) {
        String filled = text;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            filled = filled.replace("{" + id.getKey() + "}", id.getValue());
        }
        return filled;
    }

    /** The path templates, in registration order. */
    static Set<String> templates() {
        Set<String> templates = new LinkedHashSet<>();
        ALL.forEach(r -> templates.add(r.template));
        return templates;
    }

    /**
     * The methods served at a concrete path: those of every template it matches, as the server
     * matches them ({@code {x}} is one segment, {@code {+x}} the rest), so {@code /users/_search}
     * also gets the methods of {@code /users/{id}}.
     */
    static Set<String> methodsAt(String path) {
        Set<String> methods = new LinkedHashSet<>();
        ALL.stream().filter(r -> matches(r.template, path)).forEach(r -> methods.add(r.method));
        return methods;
    }

    private static boolean matches(String template, String path) {
        String regex = template.replaceAll("\\{\\+[^}]+}", ".+").replaceAll("\\{[^}]+}", "[^/]+");
        return path.matches(regex);
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
