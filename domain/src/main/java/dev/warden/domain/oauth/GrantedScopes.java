package dev.warden.domain.oauth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The scopes granted to a service user's token request and the audience they add (contract
 * §7.3.1, §7.3.3), as ZITADEL grants them: known scopes are kept in request order, unknown ones
 * silently dropped, org-id and org-domain scopes only when they name the user's own organization;
 * {@code urn:zitadel:iam:org:project:id:{id}:aud} adds {@code id} to the audience, where the id
 * {@code zitadel} means the management API (whose audience is the instance id).
 */
public record GrantedScopes(List<String> scopes, List<String> audience) {

    /** The longest scope parameter read; longer ones are refused rather than cut. */
    public static final int MAX_PARAMETER_LENGTH = 4000;
    /** The project id that stands for Warden's own management API. */
    public static final String MANAGEMENT_PROJECT = "zitadel";
    public static final String OPENID = "openid";

    static final String PROJECT_ID = "urn:zitadel:iam:org:project:id:";
    static final String AUDIENCE_SUFFIX = ":aud";
    static final String ORG_ID = "urn:zitadel:iam:org:id:";
    static final String ORG_PRIMARY_DOMAIN = "urn:zitadel:iam:org:domain:primary:";
    private static final Set<String> EXACT = Set.of("openid", "profile", "email", "phone", "address",
            "offline_access", "urn:zitadel:iam:org:projects:roles", "urn:zitadel:iam:user:metadata",
            "urn:zitadel:iam:user:resourceowner");
    private static final List<String> PREFIXES = List.of(PROJECT_ID, "urn:zitadel:iam:org:roles:id:",
            "urn:zitadel:iam:org:project:role:", "urn:zitadel:iam:org:idp:id:");

    public GrantedScopes {
        scopes = List.copyOf(scopes);
        audience = List.copyOf(audience);
    }

    /** Whether the request named any scope at all (ZITADEL: at least one is required). */
    public static boolean isPresent(String scopeParameter) {
        return scopeParameter != null && !scopeParameter.isBlank();
    }

    /**
     * The granted scopes of a {@code scope} parameter (RFC 6749 §3.3: space-separated).
     *
     * @param managementAudience the audience id of the management API (the instance id)
     * @throws IllegalArgumentException when the parameter is missing, blank or too long
     */
    public static GrantedScopes parse(String scopeParameter, String managementAudience, long userOrgId,
                                      String orgPrimaryDomain) {
        Objects.requireNonNull(managementAudience, "managementAudience");
        Objects.requireNonNull(orgPrimaryDomain, "orgPrimaryDomain");
        if (!isPresent(scopeParameter)) {
            throw new IllegalArgumentException("The scope of your request is missing");
        }
        if (scopeParameter.length() > MAX_PARAMETER_LENGTH) {
            throw new IllegalArgumentException("The scope of your request is longer than "
                    + MAX_PARAMETER_LENGTH + " characters");
        }
        Set<String> granted = new LinkedHashSet<>();
        Set<String> audience = new LinkedHashSet<>();
        for (String scope : scopeParameter.split(" ")) {
            if (scope.isEmpty() || !isScopeToken(scope)) {
                continue;
            }
            if (EXACT.contains(scope)) {
                granted.add(scope);
            } else if (scope.startsWith(ORG_ID)) {
                if (scope.substring(ORG_ID.length()).equals(Long.toString(userOrgId))) {
                    granted.add(scope);
                }
            } else if (scope.startsWith(ORG_PRIMARY_DOMAIN)) {
                if (scope.substring(ORG_PRIMARY_DOMAIN.length()).equalsIgnoreCase(orgPrimaryDomain)
                        && !orgPrimaryDomain.isEmpty()) {
                    granted.add(scope);
                }
            } else {
                for (String prefix : PREFIXES) {
                    if (scope.startsWith(prefix) && scope.length() > prefix.length()) {
                        granted.add(scope);
                        if (prefix.equals(PROJECT_ID) && scope.endsWith(AUDIENCE_SUFFIX)) {
                            String project = scope.substring(PROJECT_ID.length(),
                                    scope.length() - AUDIENCE_SUFFIX.length());
                            if (!project.isEmpty()) {
                                audience.add(project.equals(MANAGEMENT_PROJECT) ? managementAudience : project);
                            }
                        }
                        break;
                    }
                }
            }
        }
        return new GrantedScopes(new ArrayList<>(granted), new ArrayList<>(audience));
    }

    /** RFC 6749 §3.3 scope-token: NQCHAR, i.e. %x21 / %x23-5B / %x5D-7E. */
    private static boolean isScopeToken(String scope) {
        for (int i = 0; i < scope.length(); i++) {
            char c = scope.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    public boolean includesOpenId() {
        return scopes.contains(OPENID);
    }

    /** The granted scopes as the {@code scope} response parameter. */
    public String asParameter() {
        return String.join(" ", scopes);
    }
}
