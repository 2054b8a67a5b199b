package dev.warden.application.oauth;

import dev.warden.application.auth.CredentialSchemes;
import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.CredentialVerifierContract;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.application.fakes.FakeRsaKeyGenerator;
import dev.warden.domain.key.MachineKey;
import dev.warden.domain.oauth.AssertionClaims;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.serviceuser.UserState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class JwtProfileVerifierTest {

    private OAuthFixture world;
    private CredentialVerifier verifier;

    @BeforeEach
    void setUp() {
        world = new OAuthFixture();
        verifier = new JwtProfileVerifierProvider().create(world.ports.verifierContext());
    }

    private Verification verify(String assertion) {
        return verifier.verify(new PresentedCredential(CredentialSchemes.JWT_BEARER_GRANT, assertion));
    }

    private String withHeader(Map<String, Object> header) {
        return world.assertion(header, world.claims(300, "jti-" + header.hashCode()), world.keyPair);
    }

    @Test
    void validAssertionIsVerifiedAsItsUserWithTheKeyAsCredential() {
        Verification verification = verify(world.assertion());

        assertThat(verification).isInstanceOf(Verification.Verified.class);
        var principal = ((Verification.Verified) verification).principal();
        assertThat(principal.userId()).isEqualTo(world.user.id());
        assertThat(principal.credentialId()).isEqualTo(Long.toString(world.key.id()));
        assertThat(principal.method()).isEqualTo("jwt-profile");
        assertThat(principal.token().anyAudience()).isFalse();
    }

    @Test
    void replayedAssertionIsRejected() {
        String assertion = world.assertion();

        assertThat(verify(assertion)).isInstanceOf(Verification.Verified.class);
        assertThat(verify(assertion)).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void assertionWithoutJtiIsSingleUseToo() {
        String assertion = world.assertion(OAuthFixture.header("RS256", Long.toString(world.key.id())),
                world.claims(300, null), world.keyPair);

        assertThat(verify(assertion)).isInstanceOf(Verification.Verified.class);
        assertThat(verify(assertion)).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void otherAlgorithmsCriticalHeadersAndKeyReferencesAreRejected() {
        String kid = Long.toString(world.key.id());
        Map<String, Object> crit = OAuthFixture.header("RS256", kid);
        crit.put("crit", List.of("exp"));
        Map<String, Object> jku = OAuthFixture.header("RS256", kid);
        jku.put("jku", "https://evil.example/jwks");
        Map<String, Object> jwk = OAuthFixture.header("RS256", kid);
        jwk.put("jwk", Map.of("kty", "RSA"));

        assertThat(verify(withHeader(OAuthFixture.header("none", kid)))).isInstanceOf(Verification.Rejected.class);
        assertThat(verify(withHeader(OAuthFixture.header("HS256", kid)))).isInstanceOf(Verification.Rejected.class);
        assertThat(verify(withHeader(OAuthFixture.header("RS512", kid)))).isInstanceOf(Verification.Rejected.class);
        assertThat(verify(withHeader(crit))).isInstanceOf(Verification.Rejected.class);
        assertThat(verify(withHeader(jku))).isInstanceOf(Verification.Rejected.class);
        assertThat(verify(withHeader(jwk))).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void unknownExpiredAndOtherUsersKeysAreRejected() {
        var other = world.ports.serviceUser(world.org, "other");
        MachineKey othersKey = world.ports.machineKeys.save(MachineKey.create(world.ports.ids.nextId(), other.id(),
                world.org.id(), (RSAPublicKey) world.keyPair.getPublic(), null, world.ports.clock.instant()));
        MachineKey expiring = world.ports.machineKeys.save(MachineKey.create(world.ports.ids.nextId(),
                world.user.id(), world.org.id(), (RSAPublicKey) world.keyPair.getPublic(),
                world.ports.clock.instant().plusSeconds(10), world.ports.clock.instant()));

        assertThat(verify(withHeader(OAuthFixture.header("RS256", "999")))).isInstanceOf(Verification.Rejected.class);
        assertThat(verify(withHeader(OAuthFixture.header("RS256", Long.toString(othersKey.id())))))
                .isInstanceOf(Verification.Rejected.class);
        assertThat(verify(withHeader(OAuthFixture.header("RS256", "")))).isInstanceOf(Verification.Rejected.class);
        world.ports.clock.advance(Duration.ofSeconds(10));
        String late = world.assertion(OAuthFixture.header("RS256", Long.toString(expiring.id())),
                world.claims(300, "late"), world.keyPair);
        assertThat(verify(late)).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void signatureOfAnotherKeyIsRejected() {
        String forged = world.assertion(OAuthFixture.header("RS256", Long.toString(world.key.id())),
                world.claims(300, "forged"), FakeRsaKeyGenerator.pair(1));

        assertThat(verify(forged)).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void claimsBreakingTheRulesAreRejected() {
        String kid = Long.toString(world.key.id());
        var now = world.ports.clock.instant();
        AssertionClaims wrongAudience = new AssertionClaims(Long.toString(world.user.id()),
                Long.toString(world.user.id()), List.of("https://elsewhere.example"), Optional.of(now),
                Optional.of(now.plusSeconds(60)), Optional.empty(), Optional.of("a"));
        AssertionClaims delegated = new AssertionClaims(Long.toString(world.user.id()), "1", List.of(
                "http://localhost:8080"), Optional.of(now), Optional.of(now.plusSeconds(60)), Optional.empty(),
                Optional.of("b"));
        AssertionClaims expired = new AssertionClaims(Long.toString(world.user.id()), Long.toString(world.user.id()),
                List.of("http://localhost:8080"), Optional.of(now.minusSeconds(120)), Optional.of(now.minusSeconds(60)),
                Optional.empty(), Optional.of("c"));
        AssertionClaims future = new AssertionClaims(Long.toString(world.user.id()), Long.toString(world.user.id()),
                List.of("http://localhost:8080"), Optional.of(now.plusSeconds(600)), Optional.of(now.plusSeconds(900)),
                Optional.empty(), Optional.of("d"));
        AssertionClaims tooLong = world.claims(2 * 3600, "e");

        for (AssertionClaims claims : List.of(wrongAudience, delegated, expired, future, tooLong)) {
            assertThat(verify(world.assertion(OAuthFixture.header("RS256", kid), claims, world.keyPair)))
                    .as(claims.toString()).isInstanceOf(Verification.Rejected.class);
        }
    }

    @Test
    void inactiveUserOrOrganizationIsRejected() {
        world.ports.users.save(world.user.withState(UserState.LOCKED, world.ports.clock.instant()));
        assertThat(verify(world.assertion())).isInstanceOf(Verification.Rejected.class);

        world.ports.users.save(world.user);
        world.ports.organizations.save(world.org.withState(OrgState.INACTIVE, world.ports.clock.instant()));
        assertThat(verify(world.assertion())).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void removedKeyIsRejected() {
        String assertion = world.assertion();
        world.ports.machineKeys.remove(world.key.id());

        assertThat(verify(assertion)).isInstanceOf(Verification.Rejected.class);
    }

    @Nested
    class Contract extends CredentialVerifierContract {
        @Override
        protected CredentialVerifier verifier() {
            return verifier;
        }

        @Override
        protected PresentedCredential validCredential() {
            return new PresentedCredential(CredentialSchemes.JWT_BEARER_GRANT, world.assertion());
        }

        @Override
        protected boolean singleUse() {
            return true;
        }
    }
}
