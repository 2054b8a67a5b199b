package dev.warden.application.oauth;

import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.CredentialVerifierContract;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.serviceuser.ClientSecret;
import dev.warden.domain.serviceuser.MachineSecret;
import dev.warden.domain.serviceuser.UserState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ClientSecretVerifierTest {

    private OAuthFixture world;
    private CredentialVerifier verifier;

    @BeforeEach
    void setUp() {
        world = new OAuthFixture();
        verifier = new ClientSecretVerifierProvider().create(world.ports.verifierContext());
    }

    private Verification verify(String clientId, String secret) {
        return verifier.verify(world.clientSecret(clientId, secret));
    }

    @Test
    void providerIsRegisteredUnderItsIdForTheClientSecretScheme() {
        assertThat(new ClientSecretVerifierProvider().id()).isEqualTo("client-secret");
        assertThat(verifier.scheme()).isEqualTo("client_secret");
    }

    @Test
    void userNameAndSecretAreVerifiedAsTheUserWithNoApiAudience() {
        Verification verification = verify("robot", world.secret);

        assertThat(verification).isInstanceOf(Verification.Verified.class);
        var principal = ((Verification.Verified) verification).principal();
        assertThat(principal.userId()).isEqualTo(world.user.id());
        assertThat(principal.orgId()).isEqualTo(world.org.id());
        assertThat(principal.method()).isEqualTo("client-secret");
        assertThat(principal.token().clientId()).isEqualTo("robot");
        assertThat(principal.token().anyAudience()).isFalse();
        assertThat(principal.token().isFor(world.managementAudience())).isFalse();
    }

    @Test
    void clientIdIsALoginNameIgnoringCase() {
        assertThat(verify("ROBOT", world.secret)).isInstanceOf(Verification.Verified.class);
        assertThat(verify("robot@" + world.org.primaryDomain(), world.secret)).isInstanceOf(Verification.Verified.class);
        assertThat(verify("Robot@" + world.org.primaryDomain().toUpperCase(), world.secret))
                .isInstanceOf(Verification.Verified.class);
        assertThat(verify("robot@other.localhost", world.secret)).isInstanceOf(Verification.Rejected.class);
        assertThat(verify(" robot", world.secret)).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void wrongSecretUnknownClientAndUserWithoutSecretAreRejectedAtTheCostOfOneHash() {
        world.ports.serviceUser(world.org, "no-secret");
        for (String[] attempt : new String[][] {{"robot", world.secret + "x"}, {"ghost", world.secret},
                {"no-secret", world.secret}}) {
            int before = world.ports.hasher.verifyCalls();

            assertThat(verify(attempt[0], attempt[1])).isInstanceOf(Verification.Rejected.class);

            assertThat(world.ports.hasher.verifyCalls()).as(attempt[0]).isEqualTo(before + 1);
        }
    }

    @Test
    void secondVerificationIsACacheHitWithoutHashing() {
        assertThat(verify("robot", world.secret)).isInstanceOf(Verification.Verified.class);
        int before = world.ports.hasher.verifyCalls();

        assertThat(verify("robot", world.secret)).isInstanceOf(Verification.Verified.class);

        assertThat(world.ports.hasher.verifyCalls()).isEqualTo(before);
    }

    @Test
    void aChangeThatLandsWhileTheSecretIsHashedLeavesNothingCached() {
        // The change follower applies another node's USER_CHANGED while argon2 runs.
        world.ports.hasher.duringNextVerify(() -> world.ports.cache.invalidateUser(world.user.id()));

        assertThat(verify("robot", world.secret)).as("the request began before the change")
                .isInstanceOf(Verification.Verified.class);

        assertThat(world.ports.cache.size()).isZero();
        int before = world.ports.hasher.verifyCalls();
        assertThat(verify("robot", world.secret)).isInstanceOf(Verification.Verified.class);
        assertThat(world.ports.hasher.verifyCalls()).as("verified afresh").isEqualTo(before + 1);
        assertThat(world.ports.cache.size()).isEqualTo(1);
    }

    @Test
    void oldSecretStopsWorkingAtOnceWhenTheSecretIsReplaced() {
        assertThat(verify("robot", world.secret)).isInstanceOf(Verification.Verified.class);
        String newSecret = ClientSecret.generate().value();
        MachineSecret stored = world.ports.secrets.find(world.user.id()).orElseThrow();

        world.ports.secrets.save(stored.replacedBy(world.ports.hasher.hash(newSecret.getBytes(StandardCharsets.UTF_8)),
                world.ports.clock.instant()));
        // What the rotation use case and every node's change follower do with the USER_CHANGED it wrote.
        world.ports.cache.invalidateUser(world.user.id());

        assertThat(verify("robot", world.secret)).isInstanceOf(Verification.Rejected.class);
        assertThat(verify("robot", newSecret)).isInstanceOf(Verification.Verified.class);
    }

    @Test
    void inactiveUserOrOrganizationIsRejected() {
        world.ports.users.save(world.user.withState(UserState.INACTIVE, world.ports.clock.instant()));
        assertThat(verify("robot", world.secret)).isInstanceOf(Verification.Rejected.class);

        world.ports.users.save(world.user);
        world.ports.organizations.save(world.org.withState(OrgState.INACTIVE, world.ports.clock.instant()));
        assertThat(verify("robot", world.secret)).isInstanceOf(Verification.Rejected.class);
    }

    @Test
    void otherSchemesAreNotItsBusiness() {
        assertThat(verifier.verify(new PresentedCredential("Bearer", world.secret, "robot")))
                .isInstanceOf(Verification.Abstained.class);
    }

    @Test
    void overlongSecretsAreRejectedWithoutHashing() {
        int before = world.ports.hasher.verifyCalls();

        assertThat(verify("robot", "x".repeat(10_000))).isInstanceOf(Verification.Rejected.class);

        assertThat(world.ports.hasher.verifyCalls()).isEqualTo(before);
    }

    // --- transparent rehash -----------------------------------------------------------------------

    @Test
    void secretHashedUnderAnOlderConfigurationIsRehashedOnceOnItsFirstSuccess() {
        MachineSecret before = world.ports.secrets.find(world.user.id()).orElseThrow();
        world.ports.hasher.configureVersion(2);
        int changes = world.ports.changes.all().size();

        assertThat(verify("robot", world.secret)).isInstanceOf(Verification.Verified.class);

        MachineSecret after = world.ports.secrets.find(world.user.id()).orElseThrow();
        assertThat(after.hash().phc()).startsWith("$fake$v=2$");
        assertThat(world.ports.hasher.verify(after.hash(), world.secret.getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(after).isEqualTo(new MachineSecret(before.userId(), after.hash(), before.sequence(),
                before.createdAt(), before.changedAt()));
        assertThat(world.ports.changes.all()).as("a rehash is no change of the secret").hasSize(changes);
        assertThat(world.ports.secrets.hashUpdates()).isEqualTo(1);

        world.ports.cache.invalidateUser(world.user.id());
        assertThat(verify("robot", world.secret)).isInstanceOf(Verification.Verified.class);
        assertThat(world.ports.secrets.hashUpdates()).isEqualTo(1);
        assertThat(world.ports.secrets.find(world.user.id()).orElseThrow()).isEqualTo(after);
    }

    @Test
    void refusedSecretsAreNotRehashed() {
        world.ports.hasher.configureVersion(2);

        assertThat(verify("robot", world.secret + "x")).isInstanceOf(Verification.Rejected.class);
        world.ports.users.save(world.user.withState(UserState.INACTIVE, world.ports.clock.instant()));
        assertThat(verify("robot", world.secret)).isInstanceOf(Verification.Rejected.class);

        assertThat(world.ports.secrets.hashUpdates()).isZero();
        assertThat(world.ports.secrets.find(world.user.id()).orElseThrow().hash().phc()).startsWith("$fake$v=1$");
    }

    @Test
    void secretReplacedWhileTheOldOneIsVerifiedIsNotOverwrittenByTheRehash() {
        world.ports.hasher.configureVersion(2);
        MachineSecret replacement = world.ports.secrets.find(world.user.id()).orElseThrow().replacedBy(
                world.ports.hasher.hash("another".getBytes(StandardCharsets.UTF_8)), world.ports.clock.instant());
        world.ports.hasher.duringNextVerify(() -> world.ports.secrets.save(replacement));

        verify("robot", world.secret);

        assertThat(world.ports.secrets.hashUpdates()).isEqualTo(1);
        assertThat(world.ports.secrets.find(world.user.id())).contains(replacement);
    }

    @Nested
    class Contract extends CredentialVerifierContract {
        @Override
        protected CredentialVerifier verifier() {
            return verifier;
        }

        @Override
        protected PresentedCredential validCredential() {
            return world.clientSecret("robot", world.secret);
        }
    }
}
