package dev.warden.domain.oauth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrantedScopesTest {

    private static final String INSTANCE = "100";
    private static final long ORG = 200;
    private static final String DOMAIN = "acme.localhost";

    private static GrantedScopes parse(String parameter) {
        return GrantedScopes.parse(parameter, INSTANCE, ORG, DOMAIN);
    }

    @Test
    void knownScopesAreKeptInOrderAndUnknownOnesDropped() {
        GrantedScopes granted = parse("openid made-up profile urn:zitadel:iam:user:metadata openid write:all");

        assertThat(granted.scopes()).containsExactly("openid", "profile", "urn:zitadel:iam:user:metadata");
        assertThat(granted.audience()).isEmpty();
        assertThat(granted.includesOpenId()).isTrue();
        assertThat(granted.asParameter()).isEqualTo("openid profile urn:zitadel:iam:user:metadata");
    }

    @Test
    void zitadelAudienceScopeAddsTheInstanceIdAndProjectScopesTheirProjectId() {
        GrantedScopes granted = parse("urn:zitadel:iam:org:project:id:zitadel:aud "
                + "urn:zitadel:iam:org:project:id:4711:aud urn:zitadel:iam:org:project:id:4712");

        assertThat(granted.audience()).containsExactly(INSTANCE, "4711");
        assertThat(granted.scopes()).containsExactly("urn:zitadel:iam:org:project:id:zitadel:aud",
                "urn:zitadel:iam:org:project:id:4711:aud", "urn:zitadel:iam:org:project:id:4712");
        assertThat(granted.includesOpenId()).isFalse();
    }

    @Test
    void orgScopesAreKeptOnlyForTheUsersOwnOrganization() {
        GrantedScopes granted = parse("urn:zitadel:iam:org:id:200 urn:zitadel:iam:org:id:201 "
                + "urn:zitadel:iam:org:domain:primary:acme.localhost urn:zitadel:iam:org:domain:primary:evil.example");

        assertThat(granted.scopes()).containsExactly("urn:zitadel:iam:org:id:200",
                "urn:zitadel:iam:org:domain:primary:acme.localhost");
    }

    @Test
    void bareAndMalformedPrefixesAreDropped() {
        assertThat(parse("urn:zitadel:iam:org:project:id: urn:zitadel:iam:org:project:id::aud openid\u0001 "
                + "\"openid\"").scopes()).containsExactly("urn:zitadel:iam:org:project:id::aud");
        assertThat(parse("urn:zitadel:iam:org:project:id::aud").audience()).isEmpty();
    }

    @Test
    void onlyUnknownScopesGrantNothingButAreNoError() {
        assertThat(parse("foo bar").scopes()).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "   "})
    void aMissingScopeIsRefused(String parameter) {
        assertThatThrownBy(() -> parse(parameter)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scope of your request is missing");
    }

    @Test
    void anOverlongScopeParameterIsRefused() {
        assertThatThrownBy(() -> parse("openid " + "x".repeat(GrantedScopes.MAX_PARAMETER_LENGTH)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(parse("openid").scopes())).hasSize(1);
    }
}
