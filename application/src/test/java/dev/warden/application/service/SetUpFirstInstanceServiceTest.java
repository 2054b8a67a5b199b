package dev.warden.application.service;

import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.PresentedCredential;
import dev.warden.application.auth.Verification;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.port.in.FirstInstanceResult;
import dev.warden.application.port.in.SetUpFirstInstanceCommand;
import dev.warden.application.port.out.InstanceRepository;
import dev.warden.application.port.out.InstanceSetup;
import dev.warden.application.token.PatVerifierProvider;
import dev.warden.domain.instance.Instance;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.serviceuser.UserState;
import dev.warden.domain.token.ExpirationInPastException;
import dev.warden.domain.token.PersonalAccessToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SetUpFirstInstanceServiceTest {

    private static final SetUpFirstInstanceCommand COMMAND =
            new SetUpFirstInstanceCommand("ZITADEL", "localhost", "zitadel-admin-sa", "Admin SA", null);

    private FakePorts ports;
    private SetUpFirstInstanceService service;

    @BeforeEach
    void setUp() {
        ports = new FakePorts();
        service = new SetUpFirstInstanceService(ports.instances, ports.hasher, ports.ids, ports.clock);
    }

    @Test
    void firstCallCreatesTheOrganizationWithItsDomainAndMakesItTheDefault() {
        FirstInstanceResult result = service.setUpFirstInstance(COMMAND);

        assertThat(result.created()).isTrue();
        assertThat(ports.organizations.all()).singleElement().satisfies(org -> {
            assertThat(org.id()).isEqualTo(result.orgId());
            assertThat(org.name()).isEqualTo("ZITADEL");
            assertThat(org.primaryDomain()).isEqualTo("zitadel.localhost");
            assertThat(org.state()).isEqualTo(OrgState.ACTIVE);
        });
        Instance instance = ports.instances.find().orElseThrow();
        assertThat(instance.id()).isEqualTo(result.instanceId());
        assertThat(instance.defaultOrgId()).isEqualTo(result.orgId());
    }

    @Test
    void firstCallCreatesAnActiveAdminServiceUserInThatOrganization() {
        FirstInstanceResult result = service.setUpFirstInstance(COMMAND);

        assertThat(ports.users.all()).singleElement().satisfies(admin -> {
            assertThat(admin.id()).isEqualTo(result.adminUserId());
            assertThat(admin.orgId()).isEqualTo(result.orgId());
            assertThat(admin.userName()).isEqualTo("zitadel-admin-sa");
            assertThat(admin.displayName()).isEqualTo("Admin SA");
            assertThat(admin.state()).isEqualTo(UserState.ACTIVE);
        });
    }

    @Test
    void adminIsIamOwnerOfTheInstanceAndOrgOwnerOfTheOrganization() {
        FirstInstanceResult result = service.setUpFirstInstance(COMMAND);

        List<Membership> memberships = ports.memberships.findByUser(result.adminUserId());
        assertThat(memberships).hasSize(2);
        assertThat(memberships).anySatisfy(m -> {
            assertThat(m.scope()).isEqualTo(MemberScope.IAM);
            assertThat(m.scopeId()).isEqualTo(result.instanceId());
            assertThat(m.roles()).containsExactly(Role.IAM_OWNER);
        });
        assertThat(memberships).anySatisfy(m -> {
            assertThat(m.scope()).isEqualTo(MemberScope.ORG);
            assertThat(m.scopeId()).isEqualTo(result.orgId());
            assertThat(m.roles()).containsExactly(Role.ORG_OWNER);
        });
    }

    @Test
    void returnedAdminTokenVerifiesAsTheAdmin() {
        FirstInstanceResult result = service.setUpFirstInstance(COMMAND);
        CredentialVerifier pats = new PatVerifierProvider().create(ports.verifierContext());

        Verification verification = pats.verify(new PresentedCredential("Bearer", result.adminToken().orElseThrow()));

        assertThat(verification).isInstanceOf(Verification.Verified.class);
        Verification.Verified verified = (Verification.Verified) verification;
        assertThat(verified.principal().userId()).isEqualTo(result.adminUserId());
        assertThat(verified.principal().orgId()).isEqualTo(result.orgId());
        assertThat(verified.principal().expiresAt()).isEqualTo(PersonalAccessToken.NO_EXPIRATION);
    }

    @Test
    void adminTokenIsStoredOnlyAsAHashAndCarriesTheRequestedExpiration() {
        Instant expiration = Instant.parse("2030-01-01T00:00:00Z");
        FirstInstanceResult result = service.setUpFirstInstance(
                new SetUpFirstInstanceCommand("ACME Corp", "example.com", "admin", "Admin", expiration));
        String token = result.adminToken().orElseThrow();

        assertThat(token).startsWith("wdn_pat_");
        assertThat(ports.tokens.all()).singleElement().satisfies(pat -> {
            assertThat(pat.userId()).isEqualTo(result.adminUserId());
            assertThat(pat.orgId()).isEqualTo(result.orgId());
            assertThat(pat.expiresAt()).isEqualTo(expiration);
            assertThat(pat.secretHash().phc()).doesNotContain(token).doesNotContain(token.substring(8, 30));
        });
        assertThat(ports.organizations.all()).singleElement()
                .extracting(Organization::primaryDomain).isEqualTo("acme-corp.example.com");
    }

    @Test
    void secondCallCreatesNothingAndReturnsNoToken() {
        FirstInstanceResult first = service.setUpFirstInstance(COMMAND);
        int hashes = ports.hasher.hashCalls();

        FirstInstanceResult second = service.setUpFirstInstance(
                new SetUpFirstInstanceCommand("Another", "localhost", "other-admin", "Other", null));

        assertThat(second.created()).isFalse();
        assertThat(second.adminToken()).isEmpty();
        assertThat(second.instanceId()).isEqualTo(first.instanceId());
        assertThat(second.orgId()).isEqualTo(first.orgId());
        assertThat(ports.organizations.all()).hasSize(1);
        assertThat(ports.users.all()).hasSize(1);
        assertThat(ports.tokens.all()).hasSize(1);
        assertThat(ports.memberships.all()).hasSize(2);
        assertThat(ports.hasher.hashCalls()).as("no secret is generated for nothing").isEqualTo(hashes);
    }

    @Test
    void resultToStringNeverContainsTheToken() {
        FirstInstanceResult result = service.setUpFirstInstance(COMMAND);
        String token = result.adminToken().orElseThrow();

        assertThat(result.toString()).doesNotContain(token).doesNotContain(token.substring(8, 30))
                .contains("redacted");
        assertThat(service.setUpFirstInstance(COMMAND).toString()).contains("none");
    }

    @Test
    void lostRaceReturnsNotCreatedAndTheWinnersInstance() {
        SetUpFirstInstanceService rival = new SetUpFirstInstanceService(ports.instances, ports.hasher, ports.ids,
                ports.clock);
        InstanceRepository racing = new InstanceRepository() {
            private boolean raced;

            @Override
            public Optional<Instance> find() {
                return ports.instances.find();
            }

            @Override
            public boolean initialize(InstanceSetup setup) {
                if (!raced) {
                    raced = true;
                    // Another node completes its set-up between our find() and our initialize().
                    rival.setUpFirstInstance(new SetUpFirstInstanceCommand("Winner", "localhost", "w", "W", null));
                }
                return ports.instances.initialize(setup);
            }
        };
        SetUpFirstInstanceService loser = new SetUpFirstInstanceService(racing, ports.hasher, ports.ids, ports.clock);

        FirstInstanceResult result = loser.setUpFirstInstance(COMMAND);

        assertThat(result.created()).isFalse();
        assertThat(result.adminToken()).isEmpty();
        Instance winner = ports.instances.find().orElseThrow();
        assertThat(result.instanceId()).isEqualTo(winner.id());
        assertThat(result.orgId()).isEqualTo(winner.defaultOrgId());
        assertThat(ports.organizations.all()).extracting(Organization::name).containsExactly("Winner");
        assertThat(ports.users.all()).extracting(ServiceUser::userName).containsExactly("w");
        assertThat(ports.tokens.all()).hasSize(1);
    }

    @Test
    void concurrentSetUpsCreateExactlyOneInstance() throws Exception {
        int nodes = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<Callable<FirstInstanceResult>> calls = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                calls.add(() -> {
                    start.await();
                    return service.setUpFirstInstance(COMMAND);
                });
            }
            List<Future<FirstInstanceResult>> futures = new ArrayList<>();
            calls.forEach(call -> futures.add(pool.submit(call)));
            start.countDown();
            List<FirstInstanceResult> results = new ArrayList<>();
            for (Future<FirstInstanceResult> future : futures) {
                results.add(future.get());
            }

            assertThat(results).filteredOn(FirstInstanceResult::created).hasSize(1);
            assertThat(results).filteredOn(r -> r.adminToken().isPresent()).hasSize(1);
            assertThat(results).extracting(FirstInstanceResult::instanceId).containsOnly(
                    ports.instances.find().orElseThrow().id());
            assertThat(ports.organizations.all()).hasSize(1);
            assertThat(ports.tokens.all()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void expirationInThePastIsRefusedAndNothingIsStored() {
        SetUpFirstInstanceCommand expired = new SetUpFirstInstanceCommand("ZITADEL", "localhost", "admin", "Admin",
                ports.clock.instant().minusSeconds(1));

        assertThatThrownBy(() -> service.setUpFirstInstance(expired)).isInstanceOf(ExpirationInPastException.class);

        assertThat(ports.instances.find()).isEmpty();
        assertThat(ports.organizations.all()).isEmpty();
        assertThat(ports.users.all()).isEmpty();
        assertThat(ports.tokens.all()).isEmpty();
        assertThat(ports.memberships.all()).isEmpty();
    }
}
