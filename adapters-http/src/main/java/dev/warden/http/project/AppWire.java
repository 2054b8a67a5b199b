package dev.warden.http.project;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.authz.Caller;
import dev.warden.application.port.in.AddAppKeyCommand;
import dev.warden.application.port.in.AddedApiAppResult;
import dev.warden.application.port.in.AddedAppKeyResult;
import dev.warden.application.port.in.ApiAppListResult;
import dev.warden.application.port.in.AppKeyListResult;
import dev.warden.application.port.in.GeneratedClientSecretResult;
import dev.warden.application.port.in.ListAppKeysQuery;
import dev.warden.application.port.in.ListAppsQuery;
import dev.warden.domain.app.ApiApp;
import dev.warden.domain.app.ApiAuthMethod;
import dev.warden.domain.app.AppFilter;
import dev.warden.domain.app.AppKey;
import dev.warden.http.json.ListDetailsResponse;
import dev.warden.http.json.ListQueryRequest;
import dev.warden.http.json.ObjectDetailsResponse;
import dev.warden.http.json.TextQueryMethods;
import dev.warden.http.json.Timestamps;
import dev.warden.http.json.WireValues;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Wire records of the API-app and app-key routes. */
final class AppWire {

    static final List<String> AUTH_METHODS = List.of("API_AUTH_METHOD_TYPE_BASIC",
            "API_AUTH_METHOD_TYPE_PRIVATE_KEY_JWT");
    static final List<String> APP_STATES = List.of("APP_STATE_UNSPECIFIED", "APP_STATE_ACTIVE", "APP_STATE_INACTIVE");
    static final List<String> KEY_TYPES = List.of("KEY_TYPE_UNSPECIFIED", "KEY_TYPE_JSON");

    private AppWire() {
    }

    static ApiAuthMethod method(JsonNode value, String requestName) {
        return ApiAuthMethod.values()[WireValues.enumIndex(value, AUTH_METHODS, "AuthMethodType", requestName)];
    }

    record AddApiAppRequest(String name, JsonNode authMethodType) {
    }

    /** The client secret only for BASIC, and only here (and on regenerate). */
    record AddApiAppResponse(String appId, ObjectDetailsResponse details, String clientId, String clientSecret) {
        static AddApiAppResponse from(AddedApiAppResult result) {
            ApiApp app = result.app();
            return new AddApiAppResponse(Long.toString(app.id()),
                    ObjectDetailsResponse.created(app.sequence(), app.createdAt(), app.orgId()), app.clientId(),
                    result.clientSecret());
        }

        @Override
        public String toString() {
            return "AddApiAppResponse[appId=" + appId + ", clientId=" + clientId + ", clientSecret="
                    + (clientSecret == null ? "none" : "redacted") + "]";
        }
    }

    record UpdateAppRequest(String name) {
    }

    record UpdateApiAppConfigRequest(JsonNode authMethodType) {
    }

    record RegenerateSecretResponse(String clientSecret, ObjectDetailsResponse details) {
        static RegenerateSecretResponse from(GeneratedClientSecretResult result) {
            var d = result.details();
            return new RegenerateSecretResponse(result.clientSecret(),
                    ObjectDetailsResponse.changed(d.sequence(), d.at(), d.resourceOwner()));
        }

        @Override
        public String toString() {
            return "RegenerateSecretResponse[clientSecret=redacted]";
        }
    }

    /** {@code apiConfig}: BASIC (0) is omitted, as protojson omits zero enums. */
    record ApiConfigResponse(String clientId, String authMethodType) {
    }

    /** {@code zitadel.app.v1.App}, API variant. */
    record AppResponse(String id, ObjectDetailsResponse details, String state, String name,
                       ApiConfigResponse apiConfig) {
        static AppResponse from(ApiApp app) {
            return new AppResponse(Long.toString(app.id()),
                    ObjectDetailsResponse.view(app.sequence(), app.createdAt(), app.changedAt(), app.orgId()),
                    APP_STATES.get(app.state().ordinal() + 1), app.name(),
                    new ApiConfigResponse(app.clientId(), app.authMethod() == ApiAuthMethod.BASIC ? null
                            : AUTH_METHODS.get(app.authMethod().ordinal())));
        }
    }

    record GetAppResponse(AppResponse app) {
    }

    record ListAppsRequest(ListQueryRequest query, List<AppQuery> queries) {
        static final String NAME = "ListAppsRequest";

        ListAppsQuery toQuery(Caller caller, String projectId) {
            List<AppFilter> filters = new ArrayList<>();
            List<AppQuery> all = queries == null ? List.of() : queries;
            for (int i = 0; i < all.size(); i++) {
                String at = NAME + ".Queries[" + i + "]";
                AppQuery q = all.get(i);
                ProjectWire.oneOf(at, q == null ? null : q.nameQuery());
                filters.add(new AppFilter(ProjectWire.text(q.nameQuery().name(), at + ".NameQuery.Name"),
                        TextQueryMethods.parse(q.nameQuery().method(), "Method", at + ".NameQuery")));
            }
            return new ListAppsQuery(caller, projectId, filters, ListQueryRequest.toPageRequest(query, NAME));
        }
    }

    record AppQuery(ProjectWire.NameQuery nameQuery) {
    }

    record ListAppsResponse(ListDetailsResponse details, List<AppResponse> result) {
        static ListAppsResponse from(ApiAppListResult list) {
            return new ListAppsResponse(ListDetailsResponse.of(list.page(), list.viewedAt()),
                    list.page().items().stream().map(AppResponse::from).toList());
        }
    }

    record AddAppKeyRequest(JsonNode type, String expirationDate) {
        static final String NAME = "AddAppKeyRequest";

        AddAppKeyCommand toCommand(Caller caller, String projectId, String appId) {
            return new AddAppKeyCommand(caller, projectId, appId,
                    WireValues.enumIndex(type, KEY_TYPES, "Type", NAME) == 1,
                    WireValues.timestamp(expirationDate, "ExpirationDate", NAME));
        }
    }

    /** {@code keyDetails}: the key file, standard base64 with padding (proto bytes); only in this answer. */
    record AddAppKeyResponse(String id, ObjectDetailsResponse details, String keyDetails) {
        static AddAppKeyResponse from(AddedAppKeyResult result) {
            AppKey key = result.key();
            return new AddAppKeyResponse(Long.toString(key.id()),
                    ObjectDetailsResponse.created(key.sequence(), key.createdAt(), key.orgId()),
                    Base64.getEncoder().encodeToString(result.keyFile()));
        }

        @Override
        public String toString() {
            return "AddAppKeyResponse[id=" + id + ", keyDetails=redacted]";
        }
    }

    /** {@code zitadel.authn.v1.Key}. */
    record KeyResponse(String id, ObjectDetailsResponse details, String type, String expirationDate) {
        static KeyResponse from(AppKey key) {
            return new KeyResponse(Long.toString(key.id()),
                    ObjectDetailsResponse.view(key.sequence(), key.createdAt(), key.changedAt(), key.orgId()),
                    KEY_TYPES.get(1), Timestamps.format(key.expiresAt()));
        }
    }

    record GetAppKeyResponse(KeyResponse key) {
    }

    record ListAppKeysRequest(ListQueryRequest query) {
        ListAppKeysQuery toQuery(Caller caller, String projectId, String appId) {
            return new ListAppKeysQuery(caller, projectId, appId,
                    ListQueryRequest.toPageRequest(query, "ListAppKeysRequest"));
        }
    }

    record ListAppKeysResponse(ListDetailsResponse details, List<KeyResponse> result) {
        static ListAppKeysResponse from(AppKeyListResult list) {
            return new ListAppKeysResponse(ListDetailsResponse.of(list.page(), list.viewedAt()),
                    list.page().items().stream().map(KeyResponse::from).toList());
        }
    }
}
