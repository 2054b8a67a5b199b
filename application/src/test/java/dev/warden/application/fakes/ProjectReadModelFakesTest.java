package dev.warden.application.fakes;

import dev.warden.application.port.out.ProjectRoleGrants.RoleGrant;
import dev.warden.domain.app.ApiApp;
import dev.warden.domain.app.ApiAuthMethod;
import dev.warden.domain.app.AppKey;
import dev.warden.domain.app.AppState;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.grant.UserGrant;
import dev.warden.domain.grant.UserGrantState;
import dev.warden.domain.org.OrgState;
import dev.warden.domain.org.Organization;
import dev.warden.domain.project.PrivateLabelingSetting;
import dev.warden.domain.project.Project;
import dev.warden.domain.project.ProjectRole;
import dev.warden.domain.project.ProjectSettings;
import dev.warden.domain.project.ProjectState;
import dev.warden.domain.serviceuser.ServiceUser;
import org.junit.jupiter.api.Test;

import java.security.interfaces.RSAPublicKey;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-memory introspection read models and cascades answer as the MariaDB ones do (their contract test). */
class ProjectReadModelFakesTest {

    private final FakePorts ports = new FakePorts();
    private final Organization org = ports.organization("acme");
    private final ServiceUser robot = ports.serviceUser(org, "robot");
    private final Project project = Project.create(ports.ids.nextId(), org.id(),
            new ProjectSettings("api", false, false, false, PrivateLabelingSetting.UNSPECIFIED), ports.clock.instant());

    @Test
    void directoryIsActiveOnlyWithAppProjectAndOrgActive() {
        ports.projects.insert(project);
        ApiApp app = ApiApp.create(ports.ids.nextId(), project.id(), org.id(), "rs", ports.ids.nextId(),
                ApiAuthMethod.BASIC, ports.hasher.hash(new byte[] {1}), ports.clock.instant());
        ports.apiApps.insert(app);
        AppKey key = AppKey.create(ports.ids.nextId(), app, (RSAPublicKey) FakeRsaKeyGenerator.pair(0).getPublic(),
                null, ports.clock.instant());
        ports.appKeys.insert(key);

        var client = ports.apiClients.findByClientId(app.clientId()).orElseThrow();
        assertThat(client.active()).isTrue();
        assertThat(client.secret()).isEqualTo(app.secret());
        assertThat(client.keys()).singleElement().satisfies(k -> assertThat(k.keyId()).isEqualTo(key.id()));
        assertThat(ports.apiClients.findByClientId("unknown")).isEmpty();

        ports.projects.update(project.withState(ProjectState.INACTIVE, ports.clock.instant()));
        assertThat(ports.apiClients.findByClientId(app.clientId()).orElseThrow().active()).isFalse();
        ports.organizations.save(org.withState(OrgState.INACTIVE, ports.clock.instant()));
        ports.apiApps.update(app.withState(AppState.INACTIVE, ports.clock.instant()));
        assertThat(ports.apiClients.findByClientId(app.clientId()).orElseThrow().active()).isFalse();
        assertThat(ports.changes.entries()).extracting(e -> e.kind()).contains(ChangeKind.CLIENT_CHANGED);
    }

    @Test
    void roleGrantsComeFromActiveGrantsAndGoWithRolesUsersAndProjects() {
        ports.projects.insert(project);
        ports.projectRoles.insertAll(List.of(role("reader"), role("writer")));
        UserGrant grant = UserGrant.create(ports.ids.nextId(), org.id(), robot.id(), project.id(),
                List.of("reader", "writer"), ports.clock.instant());
        ports.userGrants.insert(grant);

        assertThat(ports.roleGrants.activeRoles(robot.id(), project.id())).containsExactly(
                new RoleGrant("reader", org.id(), org.primaryDomain()),
                new RoleGrant("writer", org.id(), org.primaryDomain()));

        ports.projectRoles.remove(project.id(), "writer");
        assertThat(ports.roleGrants.activeRoles(robot.id(), project.id())).extracting(RoleGrant::roleKey)
                .containsExactly("reader");
        ports.userGrants.update(ports.userGrants.findById(grant.id()).orElseThrow()
                .withState(UserGrantState.INACTIVE, ports.clock.instant()));
        assertThat(ports.roleGrants.activeRoles(robot.id(), project.id())).isEmpty();

        ports.users.remove(robot.id());
        assertThat(ports.userGrants.findById(grant.id())).isEmpty();
        ports.projects.remove(project.id());
        assertThat(ports.projectRoles.find(project.id(), "reader")).isEmpty();
    }

    @Test
    void anOrganizationsRemovalTakesItsProjects() {
        ports.projects.insert(project);
        ports.organizations.remove(org.id());
        assertThat(ports.projects.findById(project.id())).isEmpty();
    }

    private ProjectRole role(String key) {
        return ProjectRole.create(project.id(), org.id(), key, key, "", ports.clock.instant());
    }
}
