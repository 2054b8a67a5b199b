package dev.warden.http.userinfo;

import dev.warden.application.port.in.UserInfoResult;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The userinfo answer (OIDC Core §5.3.2) with ZITADEL's claims (contract §7.4, §7.3.3):
 * {@code sub} always; absent claims are left out, as ZITADEL omits them.
 */
final class UserInfoClaims {

    private UserInfoClaims() {
    }

    static Map<String, Object> of(UserInfoResult.ClaimsResult claims) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("sub", claims.subject());
        claims.profile().ifPresent(profile -> {
            body.put("name", profile.name());
            body.put("preferred_username", profile.userName());
            body.put("updated_at", profile.updatedAt().getEpochSecond());
        });
        claims.resourceOwner().ifPresent(owner -> {
            body.put("urn:zitadel:iam:user:resourceowner:id", Long.toString(owner.orgId()));
            body.put("urn:zitadel:iam:user:resourceowner:name", owner.name());
            body.put("urn:zitadel:iam:user:resourceowner:primary_domain", owner.primaryDomain());
        });
        for (UserInfoResult.ProjectRolesResult project : claims.projectRoles()) {
            body.put("urn:zitadel:iam:org:project:" + project.projectId() + ":roles", new TreeMap<>(project.roles()));
        }
        return body;
    }
}
