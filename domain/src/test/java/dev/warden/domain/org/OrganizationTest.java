package dev.warden.domain.org;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrganizationTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void domainIsTheLowerCasedNameFollowedByTheInstanceDomain() {
        assertThat(OrgName.domainOf("ZITADEL", "localhost")).isEqualTo("zitadel.localhost");
    }

    @Test
    void spacesInTheNameBecomeDashes() {
        assertThat(OrgName.domainOf("My Great Org", "example.com")).isEqualTo("my-great-org.example.com");
    }

    @Test
    void otherCharactersAreDropped() {
        assertThat(OrgName.domainOf("ACME, Inc. (EU)!", "localhost")).isEqualTo("acme-inc-eu.localhost");
        assertThat(OrgName.domainOf("a_b.c/d@e", "localhost")).isEqualTo("abcde.localhost");
        assertThat(OrgName.domainOf("Org-42", "localhost")).isEqualTo("org-42.localhost");
    }

    @Test
    void accentedLettersKeepTheirBaseLetter() {
        assertThat(OrgName.domainOf("Café Müller", "localhost")).isEqualTo("cafe-muller.localhost");
    }

    @Test
    void runsOfDashesCollapseAndEdgeDashesAreTrimmed() {
        assertThat(OrgName.domainOf("a  -  b", "localhost")).isEqualTo("a-b.localhost");
        assertThat(OrgName.domainOf("-edge-", "localhost")).isEqualTo("edge.localhost");
    }

    @Test
    void nameWithoutUsableCharactersFallsBackToAFixedLabel() {
        assertThat(OrgName.domainOf("!!!", "localhost")).isEqualTo("org.localhost");
        assertThat(OrgName.domainOf("組織", "localhost")).isEqualTo("org.localhost");
        assertThat(OrgName.domainOf("- -", "localhost")).isEqualTo("org.localhost");
    }

    @Test
    void domainLabelIsCutToTheDnsLimitOf63Characters() {
        assertThat(OrgName.domainOf("x".repeat(200), "localhost")).isEqualTo("x".repeat(63) + ".localhost");
        assertThat(OrgName.domainOf("y".repeat(62) + " z", "localhost")).isEqualTo("y".repeat(62) + ".localhost");
    }

    @Test
    void nameIsTrimmedAndMustNotBeEmptyOrTooLong() {
        assertThat(OrgName.validate("  ACME  ")).isEqualTo("ACME");
        assertThat(OrgName.validate("x".repeat(200))).hasSize(200);
        assertThatThrownBy(() -> OrgName.validate(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrgName.validate("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrgName.validate(" \t ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> OrgName.validate("x".repeat(201))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lengthLimitCountsCharactersNotUtf16Units() {
        assertThat(OrgName.validate("😀".repeat(200))).hasSize(400);
        assertThatThrownBy(() -> OrgName.validate("😀".repeat(201))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void createdOrganizationIsActiveWithDerivedDomain() {
        Organization org = Organization.create(7, " ZITADEL ", "localhost", NOW);

        assertThat(org.id()).isEqualTo(7);
        assertThat(org.name()).isEqualTo("ZITADEL");
        assertThat(org.primaryDomain()).isEqualTo("zitadel.localhost");
        assertThat(org.state()).isEqualTo(OrgState.ACTIVE);
        assertThat(org.sequence()).isEqualTo(1);
        assertThat(org.createdAt()).isEqualTo(NOW);
        assertThat(org.changedAt()).isEqualTo(NOW);
        assertThat(org.exists()).isTrue();
    }

    @Test
    void removedOrganizationNoLongerExistsButAnInactiveOneDoes() {
        Organization org = Organization.create(7, "ACME", "localhost", NOW);

        assertThat(withState(org, OrgState.REMOVED).exists()).isFalse();
        assertThat(withState(org, OrgState.INACTIVE).exists()).isTrue();
    }

    @Test
    void invalidOrganizationsAreRefused() {
        assertThatThrownBy(() -> Organization.create(0, "ACME", "localhost", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Organization.create(7, " ", "localhost", NOW))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Organization(7, "ACME", null, OrgState.ACTIVE, 1, NOW, NOW))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Organization(7, "ACME", "acme.localhost", OrgState.ACTIVE, 0, NOW, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Organization withState(Organization org, OrgState state) {
        return new Organization(org.id(), org.name(), org.primaryDomain(), state, org.sequence() + 1,
                org.createdAt(), NOW.plusSeconds(1));
    }
}
