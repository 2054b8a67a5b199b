package dev.warden.persistence.project;

import dev.warden.application.error.ConflictException;
import dev.warden.application.fakes.FakeRsaKeyGenerator;
import dev.warden.application.port.out.ApiClientDirectory.ApiClient;
import dev.warden.application.port.out.ProjectRoleGrants.RoleGrant;
import dev.warden.application.port.out.UpdateResult;
import dev.warden.domain.app.ApiApp;
import dev.warden.domain.app.ApiAuthMethod;
import dev.warden.domain.app.AppFilter;
import dev.warden.domain.app.AppKey;
import dev.warden.domain.app.AppState;
import dev.warden.domain.change.Change;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.grant.UserGrant;
import dev.warden.domain.grant.UserGrantFilter;
import dev.warden.domain.grant.UserGrantState;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.org.Organization;
import dev.warden.domain.project.PrivateLabelingSetting;
import dev.warden.domain.project.Project;
import dev.warden.domain.project.ProjectFilter;
import dev.warden.domain.project.ProjectRole;
import dev.warden.domain.project.ProjectSettings;
import dev.warden.domain.project.ProjectState;
import dev.warden.domain.project.RoleFilter;
import dev.warden.domain.query.PageRequest;
import dev.warden.domain.query.TextMatch;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.persistence.change.MariaDbChangeFeed;
import dev.warden.domain.token.SecretHash;
import dev.warden.persistence.db.DatabaseContract;
import dev.warden.persistence.db.Engine;
import dev.warden.persistence.db.TestData;
import dev.warden.persistence.org.MariaDbOrganizationRepository;
import dev.warden.persistence.serviceuser.MariaDbServiceUserRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MariaDbProjectRepositoriesTest {

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
        private static final Instant NOW = TestData.CREATED;

        private MariaDbProjectRepository projects;
        private MariaDbProjectRoleRepository roles;
        private MariaDbApiAppRepository apps;
        private MariaDbAppKeyRepository keys;
        private MariaDbUserGrantRepository grants;
        private MariaDbApiClientDirectory directory;
        private MariaDbProjectRoleGrants roleGrants;
        private MariaDbOrganizationRepository organizations;
        private MariaDbServiceUserRepository users;
        private MariaDbChangeFeed feed;
        private Organization org;
        private ServiceUser user;
        private Instant feedMark;

        Contract(Engine engine) {
            super(engine);
        }

        @BeforeAll
        void createRepositories() {
            projects = new MariaDbProjectRepository(db());
            roles = new MariaDbProjectRoleRepository(db());
            apps = new MariaDbApiAppRepository(db());
            keys = new MariaDbAppKeyRepository(db());
            grants = new MariaDbUserGrantRepository(db());
            directory = new MariaDbApiClientDirectory(db());
            roleGrants = new MariaDbProjectRoleGrants(db());
            organizations = new MariaDbOrganizationRepository(db());
            users = new MariaDbServiceUserRepository(db());
            feed = new MariaDbChangeFeed(db());
            org = newOrg();
            user = newUser(org);
        }

        @BeforeEach
        void markFeed() throws InterruptedException {
            Thread.sleep(2);
            feedMark = Instant.now();
        }

        @Test
        void projectIsStoredWithEveryFieldAndNamesAreUniquePerOrgIgnoringCase() {
            Project project = new Project(TestData.nextId(), org.id(), new ProjectSettings("acme-api", true, false, true,
                    PrivateLabelingSetting.ALLOW_LOGIN_USER_RESOURCE_OWNER_POLICY), ProjectState.ACTIVE, 1, NOW, NOW);

            assertThat(projects.insert(project)).isTrue();

            assertThat(projects.findById(project.id())).contains(project);
            assertThat(projects.insert(Project.create(TestData.nextId(), org.id(), settings("ACME-API"), NOW))).isFalse();
            Organization other = newOrg();
            assertThat(projects.insert(Project.create(TestData.nextId(), other.id(), settings("acme-api"), NOW))).isTrue();
        }

        @Test
        void updateIsOptimisticRefusesATakenNameAndRecordsClientChanged() {
            Project a = newProject("upd-a");
            newProject("upd-b");
            Project renamed = a.withSettings(settings("upd-c"), NOW);

            assertThat(projects.update(a.withSettings(settings("upd-b"), NOW))).isEqualTo(UpdateResult.DUPLICATE_NAME);
            assertThat(projects.update(renamed)).isEqualTo(UpdateResult.UPDATED);
            assertThat(projects.update(renamed)).isEqualTo(UpdateResult.CONFLICT);
            assertThat(projects.update(Project.create(TestData.nextId(), org.id(), settings("x"), NOW).withState(
                    ProjectState.INACTIVE, NOW))).isEqualTo(UpdateResult.NOT_FOUND);
            assertThat(projects.findById(a.id()).orElseThrow().name()).isEqualTo("upd-c");
            assertThat(changes()).contains(new Entry(ChangeKind.CLIENT_CHANGED, 0));
        }

        @Test
        void searchIsPerOrgWithNameQueries() {
            Organization own = newOrg();
            newProjectIn(own, "search-alpha");
            newProjectIn(own, "search-beta");
            newProjectIn(newOrg(), "search-alpha");

            var all = projects.search(own.id(), List.of(), new PageRequest(0, 10, true));
            var alpha = projects.search(own.id(), List.of(new ProjectFilter.Name("SEARCH-AL",
                    TextMatch.STARTS_WITH_IGNORE_CASE)), new PageRequest(0, 10, true));

            assertThat(all.items()).extracting(Project::name).containsExactly("search-alpha", "search-beta");
            assertThat(all.total()).isEqualTo(2);
            assertThat(alpha.items()).extracting(Project::name).containsExactly("search-alpha");
        }

        @Test
        void rolesAreAllOrNothingCaseSensitiveAndSearchable() {
            Project project = newProject("roles");
            ProjectRole reader = role(project, "reader");

            assertThat(roles.insertAll(List.of(reader, role(project, "writer")))).isTrue();
            assertThat(roles.insertAll(List.of(role(project, "admin"), role(project, "reader")))).isFalse();
            assertThat(roles.find(project.id(), "admin")).isEmpty();
            // MariaDB compares keys in binary; the embedded H2 runs with IGNORECASE=TRUE, which wins over
            // the column's collation there: keys differing only in case collide (a documented limitation).
            assertThat(roles.insertAll(List.of(role(project, "Reader"))))
                    .isEqualTo(testDatabase().engine() == Engine.MARIADB);
            assertThat(roles.existingKeys(project.id(), List.of("reader", "READER", "nope")))
                    .containsExactly("reader");
            assertThat(roles.find(project.id(), "reader")).contains(reader);
            assertThat(roles.search(project.id(), List.of(new RoleFilter.Key("w", TextMatch.STARTS_WITH)),
                    PageRequest.ALL).items()).extracting(ProjectRole::key).containsExactly("writer");
            assertThat(roles.update(reader.withDisplay("Reader v2", "api", NOW))).isEqualTo(UpdateResult.UPDATED);
            assertThat(roles.find(project.id(), "reader").orElseThrow().group()).isEqualTo("api");
        }

        @Test
        void removingARoleTakesItsKeyOutOfEveryGrant() {
            Project project = newProject("role-removal");
            roles.insertAll(List.of(role(project, "reader"), role(project, "writer")));
            UserGrant grant = UserGrant.create(TestData.nextId(), org.id(), user.id(), project.id(),
                    List.of("writer", "reader"), NOW);
            assertThat(grants.insert(grant)).isTrue();

            assertThat(roles.remove(project.id(), "writer")).isTrue();

            assertThat(grants.findById(grant.id()).orElseThrow().roleKeys()).containsExactly("reader");
            assertThat(roles.remove(project.id(), "writer")).isFalse();
            assertThat(changes()).contains(new Entry(ChangeKind.GRANTS_CHANGED, 0));
        }

        @Test
        void appsKeepTheirSecretHashAndNamesAreUniquePerProject() {
            Project project = newProject("apps");
            ApiApp app = ApiApp.create(TestData.nextId(), project.id(), org.id(), "rs", TestData.nextId(),
                    ApiAuthMethod.BASIC, TestData.HASH, NOW);

            assertThat(apps.insert(app)).isTrue();
            assertThat(apps.findById(app.id())).contains(app);
            assertThat(apps.insert(ApiApp.create(TestData.nextId(), project.id(), org.id(), "rs", TestData.nextId(),
                    ApiAuthMethod.PRIVATE_KEY_JWT, null, NOW))).isFalse();
            ApiApp inactive = app.withState(AppState.INACTIVE, NOW);
            assertThat(apps.update(inactive)).isEqualTo(UpdateResult.UPDATED);
            assertThat(apps.findById(app.id())).contains(inactive);
            assertThat(apps.search(project.id(), List.of(new AppFilter("r", TextMatch.CONTAINS)), PageRequest.ALL)
                    .items()).containsExactly(inactive);
            assertThat(changes()).contains(new Entry(ChangeKind.CLIENT_CHANGED, app.id()));
        }

        @Test
        void keysAreStoredListedAndRemovedWithClientChanged() {
            ApiApp app = newJwtApp(newProject("keys"));
            AppKey key = AppKey.create(TestData.nextId(), app, publicKey(), null, NOW);

            assertThat(keys.insert(key)).isTrue();

            assertThat(keys.findById(key.id())).contains(key);
            assertThat(keys.findByApp(app.id(), PageRequest.ALL).items()).containsExactly(key);
            assertThat(keys.remove(key.id())).isTrue();
            assertThat(keys.remove(key.id())).isFalse();
            assertThat(changes()).containsOnly(new Entry(ChangeKind.CLIENT_CHANGED, app.id()));
        }

        @Test
        void grantsAreUniquePerOrgUserAndProjectAndKeepTheirKeyOrder() {
            Project project = newProject("grants");
            roles.insertAll(List.of(role(project, "a"), role(project, "b")));
            UserGrant grant = UserGrant.create(TestData.nextId(), org.id(), user.id(), project.id(), List.of("b", "a"),
                    NOW);

            assertThat(grants.insert(grant)).isTrue();
            assertThat(grants.insert(UserGrant.create(TestData.nextId(), org.id(), user.id(), project.id(), List.of(),
                    NOW))).isFalse();
            assertThat(grants.findById(grant.id())).contains(grant);
            UserGrant changed = grant.withRoleKeys(List.of("a"), NOW).withState(UserGrantState.INACTIVE, NOW);
            assertThat(grants.update(grant.withRoleKeys(List.of("a"), NOW))).isEqualTo(UpdateResult.UPDATED);
            assertThat(grants.update(changed)).isEqualTo(UpdateResult.UPDATED);
            assertThat(grants.findById(grant.id())).contains(changed);
            assertThat(changes()).contains(new Entry(ChangeKind.GRANTS_CHANGED, user.id()));
        }

        @Test
        void aGrantWhoseUserOrRoleWasRemovedMeanwhileIsAConflictAndStoresNothing() {
            // The service checked user and roles first; a concurrent removal in between hits the foreign keys.
            Project project = newProject("fk-race");
            roles.insertAll(List.of(role(project, "a")));
            UserGrant ghostUser = UserGrant.create(TestData.nextId(), org.id(), TestData.nextId(), project.id(),
                    List.of("a"), NOW);
            UserGrant ghostRole = UserGrant.create(TestData.nextId(), org.id(), user.id(), project.id(),
                    List.of("gone"), NOW);

            assertThatThrownBy(() -> grants.insert(ghostUser)).isInstanceOf(ConflictException.class)
                    .hasMessageContaining("Errors.Concurrency");
            assertThatThrownBy(() -> grants.insert(ghostRole)).isInstanceOf(ConflictException.class);
            assertThat(grants.findById(ghostUser.id())).isEmpty();
            assertThat(grants.findById(ghostRole.id())).isEmpty();
        }

        @Test
        void grantSearchFiltersByUserProjectRoleAndNames() {
            Organization own = newOrg();
            ServiceUser robot = newUser(own);
            Project p1 = newProjectIn(own, "gs-one");
            Project p2 = newProjectIn(own, "gs-two");
            roles.insertAll(List.of(role(p1, "reader"), role(p2, "writer")));
            UserGrant g1 = UserGrant.create(TestData.nextId(), own.id(), robot.id(), p1.id(), List.of("reader"), NOW);
            UserGrant g2 = UserGrant.create(TestData.nextId(), own.id(), robot.id(), p2.id(), List.of("writer"),
                    NOW.plusSeconds(1));
            grants.insert(g1);
            grants.insert(g2);

            assertThat(grants.search(own.id(), List.of(), new PageRequest(0, 10, true)).items())
                    .containsExactly(g1, g2);
            assertThat(grants.search(own.id(), List.of(new UserGrantFilter.ProjectId(p2.id())), PageRequest.ALL)
                    .items()).containsExactly(g2);
            assertThat(grants.search(own.id(), List.of(new UserGrantFilter.RoleKey("read", TextMatch.STARTS_WITH)),
                    PageRequest.ALL).items()).containsExactly(g1);
            assertThat(grants.search(own.id(), List.of(new UserGrantFilter.ProjectName("two", TextMatch.ENDS_WITH)),
                    PageRequest.ALL).items()).containsExactly(g2);
            assertThat(grants.search(own.id(), List.of(new UserGrantFilter.UserName(robot.userName(),
                    TextMatch.EQUALS), new UserGrantFilter.UserId(robot.id())), PageRequest.ALL).total()).isEqualTo(2);
            assertThat(grants.search(own.id(), List.of(new UserGrantFilter.Nothing()), PageRequest.ALL).items())
                    .isEmpty();
            assertThat(grants.search(org.id(), List.of(new UserGrantFilter.UserId(robot.id())), PageRequest.ALL)
                    .items()).isEmpty();
        }

        @Test
        void bulkRemovalIsAllOrNothing() {
            Project project = newProject("bulk");
            ServiceUser other = newUser(org);
            UserGrant g1 = UserGrant.create(TestData.nextId(), org.id(), user.id(), project.id(), List.of(), NOW);
            UserGrant g2 = UserGrant.create(TestData.nextId(), org.id(), other.id(), project.id(), List.of(), NOW);
            grants.insert(g1);
            grants.insert(g2);

            assertThat(grants.removeAll(List.of(g1.id(), TestData.nextId()))).isEqualTo(1);
            assertThat(grants.findById(g1.id())).isPresent();
            assertThat(grants.removeAll(List.of(g1.id(), g2.id()))).isEqualTo(2);
            assertThat(grants.findById(g1.id())).isEmpty();
            assertThat(grants.findById(g2.id())).isEmpty();
        }

        @Test
        void removingAProjectCascadesToRolesAppsKeysAndGrants() {
            Project project = newProject("cascade");
            roles.insertAll(List.of(role(project, "reader")));
            ApiApp app = newJwtApp(project);
            AppKey key = AppKey.create(TestData.nextId(), app, publicKey(), null, NOW);
            keys.insert(key);
            UserGrant grant = UserGrant.create(TestData.nextId(), org.id(), user.id(), project.id(), List.of("reader"),
                    NOW);
            grants.insert(grant);

            assertThat(projects.remove(project.id())).isTrue();

            assertThat(projects.findById(project.id())).isEmpty();
            assertThat(roles.find(project.id(), "reader")).isEmpty();
            assertThat(apps.findById(app.id())).isEmpty();
            assertThat(keys.findById(key.id())).isEmpty();
            assertThat(grants.findById(grant.id())).isEmpty();
            assertThat(testDatabase().countWhere("user_grant_roles", "grant_id = " + grant.id())).isZero();
            assertThat(changes()).contains(new Entry(ChangeKind.CLIENT_CHANGED, 0),
                    new Entry(ChangeKind.GRANTS_CHANGED, 0));
            assertThat(projects.insert(Project.create(TestData.nextId(), org.id(), settings("cascade"), NOW))).isTrue();
        }

        @Test
        void removingAUserOrAnOrganizationTakesTheirGrantsAndProjects() {
            Organization own = newOrg();
            ServiceUser robot = newUser(own);
            Project project = newProjectIn(own, "owned");
            ApiApp app = newJwtApp(project);
            UserGrant grantOfRobot = UserGrant.create(TestData.nextId(), org.id(), robot.id(),
                    newProject("granted-across").id(), List.of(), NOW);
            grants.insert(grantOfRobot);

            users.remove(robot.id());
            assertThat(grants.findById(grantOfRobot.id())).isEmpty();

            organizations.remove(own.id());
            assertThat(projects.findById(project.id())).isEmpty();
            assertThat(apps.findById(app.id())).isEmpty();
        }

        @Test
        void directoryFindsClientsActiveOnlyWithAppProjectAndOrgActive() {
            Organization own = newOrg();
            Project project = newProjectIn(own, "dir");
            ApiApp app = ApiApp.create(TestData.nextId(), project.id(), own.id(), "rs", TestData.nextId(),
                    ApiAuthMethod.BASIC, TestData.HASH, NOW);
            apps.insert(app);
            AppKey key = AppKey.create(TestData.nextId(), app, publicKey(), Instant.parse("2030-01-01T00:00:00Z"), NOW);
            keys.insert(key);

            ApiClient client = directory.findByClientId(app.clientId()).orElseThrow();
            assertThat(client.active()).isTrue();
            assertThat(client.appId()).isEqualTo(app.id());
            assertThat(client.projectId()).isEqualTo(project.id());
            assertThat(client.orgId()).isEqualTo(own.id());
            assertThat(client.secret()).contains(TestData.HASH);
            assertThat(client.keys()).singleElement().satisfies(k -> {
                assertThat(k.keyId()).isEqualTo(key.id());
                assertThat(k.publicKeyPem()).isEqualTo(key.publicKeyPem());
                assertThat(k.expiresAt()).isEqualTo(key.expiresAt());
            });
            assertThat(directory.findByClientId("no-such-client")).isEmpty();

            projects.update(project.withState(ProjectState.INACTIVE, NOW));
            assertThat(directory.findByClientId(app.clientId()).orElseThrow().active()).isFalse();
            projects.update(project.withState(ProjectState.INACTIVE, NOW).withState(ProjectState.ACTIVE, NOW));
            assertThat(directory.findByClientId(app.clientId()).orElseThrow().active()).isTrue();
            organizations.update(own.withState(OrgState.INACTIVE, NOW));
            assertThat(directory.findByClientId(app.clientId()).orElseThrow().active()).isFalse();
            apps.update(app.withState(AppState.INACTIVE, NOW));
            assertThat(directory.findByClientId(app.clientId()).orElseThrow().active()).isFalse();
        }

        @Test
        void directoryReplacesOnlyTheExpectedSecretHashWithoutANewSequenceOrAChange() {
            Project project = newProject("rehash");
            ApiApp app = ApiApp.create(TestData.nextId(), project.id(), org.id(), "rehashed", TestData.nextId(),
                    ApiAuthMethod.BASIC, TestData.HASH, NOW);
            apps.insert(app);
            SecretHash fresh = new SecretHash("$hmac-sha256$v=1$k=AbCdEfGh$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2g");
            SecretHash otherCase = new SecretHash(TestData.HASH.phc().replace("c29tZXNhbHRz", "C29TZXNHBHRZ"));
            long changesBefore = changesAboutApp(app.id());

            assertThat(directory.updateSecretHash(app.id(), fresh, fresh)).isFalse();
            assertThat(directory.updateSecretHash(app.id(), otherCase, fresh)).isFalse();
            assertThat(directory.updateSecretHash(TestData.nextId(), TestData.HASH, fresh)).isFalse();
            assertThat(directory.findByClientId(app.clientId()).orElseThrow().secret()).contains(TestData.HASH);

            assertThat(directory.updateSecretHash(app.id(), TestData.HASH, fresh)).isTrue();

            assertThat(directory.findByClientId(app.clientId()).orElseThrow().secret()).contains(fresh);
            assertThat(apps.findById(app.id())).contains(new ApiApp(app.id(), app.projectId(), app.orgId(), app.name(),
                    app.clientId(), app.authMethod(), app.state(), Optional.of(fresh), app.sequence(), app.createdAt(),
                    app.changedAt()));
            assertThat(changesAboutApp(app.id())).as("no change-feed entry").isEqualTo(changesBefore);
            assertThat(directory.updateSecretHash(app.id(), TestData.HASH, fresh)).as("the old hash is gone").isFalse();
        }

        @Test
        void roleGrantsComeFromActiveGrantsOnlyWithTheGrantingOrgsDomain() {
            Project project = newProject("claims");
            roles.insertAll(List.of(role(project, "reader"), role(project, "writer")));
            UserGrant grant = UserGrant.create(TestData.nextId(), org.id(), user.id(), project.id(),
                    List.of("reader", "writer"), NOW);
            grants.insert(grant);

            assertThat(roleGrants.activeRoles(user.id(), project.id())).containsExactly(
                    new RoleGrant("reader", org.id(), org.primaryDomain()),
                    new RoleGrant("writer", org.id(), org.primaryDomain()));
            assertThat(roleGrants.activeRoles(user.id(), TestData.nextId())).isEmpty();

            grants.update(grant.withState(UserGrantState.INACTIVE, NOW));
            assertThat(roleGrants.activeRoles(user.id(), project.id())).isEmpty();
        }

        private long changesAboutApp(long appId) {
            return feed.since(feedMark.minusMillis(1)).stream().filter(c -> c.subjectId() == appId).count();
        }

        private record Entry(ChangeKind kind, long subject) {
        }

        private Set<Entry> changes() {
            return Set.copyOf(feed.since(feedMark.minusMillis(1)).stream()
                    .map((Change c) -> new Entry(c.kind(), c.subjectId())).toList());
        }

        private static ProjectSettings settings(String name) {
            return new ProjectSettings(name, false, false, false, PrivateLabelingSetting.UNSPECIFIED);
        }

        private Project newProject(String name) {
            return newProjectIn(org, name);
        }

        private Project newProjectIn(Organization owner, String name) {
            Project project = Project.create(TestData.nextId(), owner.id(), settings(name), NOW);
            assertThat(projects.insert(project)).isTrue();
            return project;
        }

        private ProjectRole role(Project project, String key) {
            return ProjectRole.create(project.id(), project.orgId(), key, key.toUpperCase(), "", NOW);
        }

        private ApiApp newJwtApp(Project project) {
            ApiApp app = ApiApp.create(TestData.nextId(), project.id(), project.orgId(), "jwt-" + project.id(),
                    TestData.nextId(), ApiAuthMethod.PRIVATE_KEY_JWT, null, NOW);
            assertThat(apps.insert(app)).isTrue();
            return app;
        }

        private static RSAPublicKey publicKey() {
            return (RSAPublicKey) FakeRsaKeyGenerator.pair(0).getPublic();
        }

        private Organization newOrg() {
            Organization created = TestData.org();
            organizations.insert(db().execute(), created);
            return created;
        }

        private ServiceUser newUser(Organization owner) {
            ServiceUser created = TestData.user(owner.id());
            users.insert(created);
            return created;
        }
    }
}
