package dev.warden.persistence.instance;

import dev.warden.application.port.out.InstanceSetup;
import dev.warden.domain.instance.Instance;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.token.PersonalAccessToken;
import dev.warden.persistence.db.DatabaseContract;
import dev.warden.persistence.db.Engine;
import dev.warden.persistence.db.TestData;
import dev.warden.persistence.member.MariaDbMembershipRepository;
import dev.warden.persistence.org.MariaDbOrganizationRepository;
import dev.warden.persistence.serviceuser.MariaDbServiceUserRepository;
import dev.warden.persistence.token.MariaDbPersonalAccessTokenRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MariaDbInstanceRepositoryTest {

    private static final List<String> TABLES =
            List.of("personal_access_tokens", "memberships", "users", "orgs", "instance");

    @Nested
    class OnMariaDb extends Contract {
        OnMariaDb() {
            super(Engine.MARIADB);
        }
    }

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(Engine.H2);
        }
    }

    abstract static class Contract extends DatabaseContract {
        private MariaDbInstanceRepository repository;

        Contract(Engine engine) {
            super(engine);
        }

        @BeforeAll
        void createRepository() {
            repository = new MariaDbInstanceRepository(db());
        }

        @BeforeEach
        void emptyTables() {
            testDatabase().sql(TABLES.stream().map(table -> "DELETE FROM " + table).toArray(String[]::new));
        }

        @Test
        void noInstanceBeforeTheFirstSetUp() {
            assertThat(repository.find()).isEmpty();
        }

        @Test
        void initializeStoresTheWholeSetUp() {
            InstanceSetup setup = setUp();

            assertThat(repository.initialize(setup)).isTrue();

            assertThat(repository.find()).contains(setup.instance());
            assertThat(new MariaDbOrganizationRepository(db()).findById(setup.organization().id()))
                    .contains(setup.organization());
            assertThat(new MariaDbServiceUserRepository(db()).findById(setup.admin().id())).contains(setup.admin());
            assertThat(new MariaDbMembershipRepository(db()).findByUser(setup.admin().id()))
                    .containsExactlyInAnyOrderElementsOf(setup.memberships());
            assertThat(new MariaDbPersonalAccessTokenRepository(db()).findById(setup.adminToken().id()))
                    .contains(setup.adminToken());
        }

        @Test
        void secondInitializeStoresNothing() {
            InstanceSetup first = setUp();
            assertThat(repository.initialize(first)).isTrue();
            Map<String, Long> before = rowCounts();

            InstanceSetup second = setUp();
            assertThat(repository.initialize(second)).isFalse();

            assertThat(rowCounts()).isEqualTo(before);
            assertThat(repository.find()).contains(first.instance());
            assertThat(new MariaDbOrganizationRepository(db()).findById(second.organization().id())).isEmpty();
            assertThat(new MariaDbServiceUserRepository(db()).findById(second.admin().id())).isEmpty();
        }

        @Test
        void secondInitializeWithTheSameNamesStoresNothing() {
            InstanceSetup first = setUp();
            assertThat(repository.initialize(first)).isTrue();
            Map<String, Long> before = rowCounts();

            // What a second node with the same configuration would try: same org and admin names.
            assertThat(repository.initialize(setUp(first.organization().name(), first.admin().userName()))).isFalse();

            assertThat(rowCounts()).isEqualTo(before);
        }

        @Test
        void setUpThatFailsMidwayLeavesNoPartialRows() {
            InstanceSetup valid = setUp();
            // A membership of a user that does not exist: instance, org and admin are written before
            // its foreign key fails.
            Membership ofNobody = TestData.membership(TestData.nextId(), MemberScope.ORG,
                    valid.organization().id(), Set.of(Role.ORG_OWNER));
            InstanceSetup failing = new InstanceSetup(valid.instance(), valid.organization(), valid.admin(),
                    List.of(valid.memberships().get(0), ofNobody), valid.adminToken());

            assertThatThrownBy(() -> repository.initialize(failing))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Database operation failed");

            assertThat(rowCounts()).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
            assertThat(repository.find()).isEmpty();
        }

        @Test
        void failedSetUpDoesNotBlockTheNextOne() {
            InstanceSetup valid = setUp();
            Membership ofNobody = TestData.membership(TestData.nextId(), MemberScope.ORG,
                    valid.organization().id(), Set.of(Role.ORG_OWNER));
            InstanceSetup failing = new InstanceSetup(valid.instance(), valid.organization(), valid.admin(),
                    List.of(ofNobody), valid.adminToken());
            assertThatThrownBy(() -> repository.initialize(failing)).isInstanceOf(IllegalStateException.class);

            assertThat(repository.initialize(valid)).isTrue();
            assertThat(repository.find()).contains(valid.instance());
        }

        @Test
        void concurrentSetUpsStoreExactlyOne() throws Exception {
            InstanceSetup one = setUp();
            InstanceSetup other = setUp();
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return repository.initialize(one);
                }, threads);
                CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return repository.initialize(other);
                }, threads);

                assertThat(List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS)))
                        .containsExactlyInAnyOrder(true, false);
            } finally {
                threads.shutdownNow();
            }
            Instance winner = repository.find().orElseThrow();
            assertThat(winner).isIn(one.instance(), other.instance());
            assertThat(rowCounts()).containsEntry("instance", 1L).containsEntry("orgs", 1L)
                    .containsEntry("users", 1L).containsEntry("memberships", 2L)
                    .containsEntry("personal_access_tokens", 1L);
        }

        private Map<String, Long> rowCounts() {
            return TABLES.stream().collect(java.util.stream.Collectors.toMap(t -> t, testDatabase()::count));
        }

        private static void await(CyclicBarrier barrier) {
            try {
                barrier.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static InstanceSetup setUp() {
        long orgId = TestData.nextId();
        return setUp("Org " + orgId, "admin-" + TestData.nextId());
    }

    /** What SetUpFirstInstanceService builds on a first start. */
    static InstanceSetup setUp(String orgName, String adminName) {
        Organization org = Organization.create(TestData.nextId(), orgName, "warden.localhost", TestData.CREATED);
        Instance instance = new Instance(TestData.nextId(), org.id(), TestData.CREATED);
        ServiceUser admin = ServiceUser.create(TestData.nextId(), org.id(), adminName, "Admin", TestData.CREATED);
        List<Membership> memberships = List.of(
                Membership.grant(admin.id(), MemberScope.IAM, instance.id(), Set.of(Role.IAM_OWNER), TestData.CREATED),
                Membership.grant(admin.id(), MemberScope.ORG, org.id(), Set.of(Role.ORG_OWNER), TestData.CREATED));
        PersonalAccessToken token = PersonalAccessToken.create(TestData.nextId(), admin.id(), org.id(), TestData.HASH,
                null, TestData.CREATED);
        return new InstanceSetup(instance, org, admin, memberships, token);
    }
}
