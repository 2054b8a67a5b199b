package dev.warden.http.user;

import com.fasterxml.jackson.databind.JsonNode;
import dev.warden.application.error.InvalidArgumentException;
import dev.warden.domain.id.Ids;
import dev.warden.domain.query.TextMatch;
import dev.warden.domain.serviceuser.UserFilter;
import dev.warden.domain.serviceuser.UserState;
import dev.warden.http.json.TextQueryMethods;
import dev.warden.http.json.WireValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * ZITADEL's {@code zitadel.user.v1.SearchQuery}: a oneof, exactly one of whose fields must be set.
 * Queries on fields only human users have match no service user.
 */
public record UserSearchQueryRequest(UserNameQuery userNameQuery, FirstNameQuery firstNameQuery,
                                     LastNameQuery lastNameQuery, NickNameQuery nickNameQuery,
                                     DisplayNameQuery displayNameQuery, EmailQuery emailQuery,
                                     StateQuery stateQuery, TypeQuery typeQuery, LoginNameQuery loginNameQuery,
                                     InUserIdsQuery inUserIdsQuery, OrQuery orQuery, AndQuery andQuery,
                                     NotQuery notQuery, InUserEmailsQuery inUserEmailsQuery) {

    /** Longest text a text query may carry ({@code max_len} of ZITADEL's validation rules). */
    static final int MAX_TEXT_LENGTH = 200;

    private static final List<String> STATES = List.of("USER_STATE_UNSPECIFIED", "USER_STATE_ACTIVE",
            "USER_STATE_INACTIVE", "USER_STATE_DELETED", "USER_STATE_LOCKED", "USER_STATE_SUSPEND",
            "USER_STATE_INITIAL");
    private static final List<String> TYPES = List.of("TYPE_UNSPECIFIED", "TYPE_HUMAN", "TYPE_MACHINE");

    /** One field of the oneof; {@code path} names it in error messages, e.g. {@code ListUsersRequest.Queries[0]}. */
    sealed interface OneOf {
        UserFilter toFilter(String path);
    }

    /** {@code userNameQuery}: the user name compared by {@code method}. */
    public record UserNameQuery(String userName, JsonNode method) implements OneOf {
        @Override
        public UserFilter toFilter(String path) {
            String at = path + ".UserNameQuery";
            return new UserFilter.UserName(text(userName, at + ".UserName"), match(method, at));
        }
    }

    /** {@code displayNameQuery}: a service user's display name is its name. */
    public record DisplayNameQuery(String displayName, JsonNode method) implements OneOf {
        @Override
        public UserFilter toFilter(String path) {
            String at = path + ".DisplayNameQuery";
            return new UserFilter.DisplayName(text(displayName, at + ".DisplayName"), match(method, at));
        }
    }

    /** {@code loginNameQuery}: login names are user names under the default domain policy. */
    public record LoginNameQuery(String loginName, JsonNode method) implements OneOf {
        @Override
        public UserFilter toFilter(String path) {
            String at = path + ".LoginNameQuery";
            return new UserFilter.LoginName(text(loginName, at + ".LoginName"), match(method, at));
        }
    }

    /** {@code firstNameQuery}: human-only, matches no service user. */
    public record FirstNameQuery(String firstName, JsonNode method) implements OneOf {
        @Override
        public UserFilter toFilter(String path) {
            return humanOnly(firstName, method, path + ".FirstNameQuery", ".FirstName");
        }
    }

    /** {@code lastNameQuery}: human-only, matches no service user. */
    public record LastNameQuery(String lastName, JsonNode method) implements OneOf {
        @Override
        public UserFilter toFilter(String path) {
            return humanOnly(lastName, method, path + ".LastNameQuery", ".LastName");
        }
    }

    /** {@code nickNameQuery}: human-only, matches no service user. */
    public record NickNameQuery(String nickName, JsonNode method) implements OneOf {
        @Override
        public UserFilter toFilter(String path) {
            return humanOnly(nickName, method, path + ".NickNameQuery", ".NickName");
        }
    }

    /** {@code emailQuery}: human-only, matches no service user. */
    public record EmailQuery(String emailAddress, JsonNode method) implements OneOf {
        @Override
        public UserFilter toFilter(String path) {
            return humanOnly(emailAddress, method, path + ".EmailQuery", ".EmailAddress");
        }
    }

    /** {@code inUserEmailsQuery}: human-only, matches no service user. */
    public record InUserEmailsQuery(List<String> userEmails) implements OneOf {
        @Override
        public UserFilter toFilter(String path) {
            return new UserFilter.Nothing();
        }
    }

    /** {@code stateQuery}: {@code zitadel.user.v1.UserState}, always compared for equality. */
    public record StateQuery(JsonNode state) implements OneOf {
        @Override
        public UserFilter toFilter(String path) {
            // UNSPECIFIED, SUSPEND and INITIAL are valid values no service user ever has.
            return switch (STATES.get(WireValues.enumIndex(state, STATES, "State", path + ".StateQuery"))) {
                case "USER_STATE_ACTIVE" -> new UserFilter.State(UserState.ACTIVE);
                case "USER_STATE_INACTIVE" -> new UserFilter.State(UserState.INACTIVE);
                case "USER_STATE_DELETED" -> new UserFilter.State(UserState.DELETED);
                case "USER_STATE_LOCKED" -> new UserFilter.State(UserState.LOCKED);
                default -> new UserFilter.Nothing();
            };
        }
    }

    /** {@code typeQuery}: {@code TYPE_HUMAN} or {@code TYPE_MACHINE}. */
    public record TypeQuery(JsonNode type) implements OneOf {
        @Override
        public UserFilter toFilter(String path) {
            // ZITADEL compares the type column with the value, so UNSPECIFIED matches nobody.
            return switch (TYPES.get(WireValues.enumIndex(type, TYPES, "Type", path + ".TypeQuery"))) {
                case "TYPE_MACHINE" -> new UserFilter.Machine(true);
                case "TYPE_HUMAN" -> new UserFilter.Machine(false);
                default -> new UserFilter.Nothing();
            };
        }
    }

    /** {@code inUserIdsQuery}: any of these ids (at most {@link #MAX_IDS}, one page's worth). */
    public record InUserIdsQuery(List<String> userIds) implements OneOf {
        static final int MAX_IDS = 1000;

        @Override
        public UserFilter toFilter(String path) {
            if (userIds != null && userIds.size() > MAX_IDS) {
                throw invalid(path + ".InUserIdsQuery.UserIds", "at most " + MAX_IDS + " ids");
            }
            // Ids are compared as text at ZITADEL: one that is not a canonical id matches nothing.
            return new UserFilter.InIds(userIds == null ? Set.of() : userIds.stream()
                    .map(Ids::parse).flatMap(Optional::stream).collect(Collectors.toSet()));
        }
    }

    /** {@code orQuery}: any of the nested queries. */
    public record OrQuery(List<UserSearchQueryRequest> queries) implements OneOf {
        @Override
        public UserFilter toFilter(String path) {
            return new UserFilter.Or(each(queries, path + ".OrQuery.Queries"));
        }
    }

    /** {@code andQuery}: all of the nested queries. */
    public record AndQuery(List<UserSearchQueryRequest> queries) implements OneOf {
        @Override
        public UserFilter toFilter(String path) {
            return new UserFilter.And(each(queries, path + ".AndQuery.Queries"));
        }
    }

    /** {@code notQuery}: the negation of the nested query. */
    public record NotQuery(UserSearchQueryRequest query) implements OneOf {
        @Override
        public UserFilter toFilter(String path) {
            return new UserFilter.Not(filterOf(query, path + ".NotQuery.Query"));
        }
    }

    /** The top-level list: ANDed; no queries at all match every user. */
    static UserFilter allOf(List<UserSearchQueryRequest> queries, String path) {
        List<UserFilter> filters = each(queries, path);
        return switch (filters.size()) {
            case 0 -> new UserFilter.All();
            case 1 -> filters.getFirst();
            default -> new UserFilter.And(filters);
        };
    }

    private static List<UserFilter> each(List<UserSearchQueryRequest> queries, String path) {
        if (queries == null) {
            return List.of();
        }
        List<UserFilter> filters = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            filters.add(filterOf(queries.get(i), path + "[" + i + "]"));
        }
        return filters;
    }

    private static UserFilter filterOf(UserSearchQueryRequest query, String path) {
        List<OneOf> set = query == null ? List.of() : query.setFields();
        if (set.isEmpty()) {
            throw invalid(path, "value is required");
        }
        if (set.size() > 1) {
            throw invalid(path, "only one query of the oneof may be set");
        }
        return set.getFirst().toFilter(path);
    }

    private List<OneOf> setFields() {
        return Stream.of(userNameQuery, firstNameQuery, lastNameQuery, nickNameQuery, displayNameQuery, emailQuery,
                stateQuery, typeQuery, loginNameQuery, inUserIdsQuery, orQuery, andQuery, notQuery,
                inUserEmailsQuery).filter(Objects::nonNull).map(OneOf.class::cast).toList();
    }

    private static UserFilter humanOnly(String value, JsonNode method, String at, String field) {
        // Still validated, as ZITADEL would, though no service user can match.
        text(value, at + field);
        match(method, at);
        return new UserFilter.Nothing();
    }

    private static String text(String value, String path) {
        String text = value == null ? "" : value;
        if (text.codePointCount(0, text.length()) > MAX_TEXT_LENGTH) {
            throw invalid(path, "value length must be at most " + MAX_TEXT_LENGTH + " runes");
        }
        return text;
    }

    private static TextMatch match(JsonNode method, String at) {
        return TextQueryMethods.parse(method, "Method", at);
    }

    private static InvalidArgumentException invalid(String path, String problem) {
        return new InvalidArgumentException(null, "invalid " + path + ": " + problem);
    }
}
