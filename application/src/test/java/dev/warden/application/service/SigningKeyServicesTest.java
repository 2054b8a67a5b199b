package dev.warden.application.service;

import dev.warden.application.authz.Caller;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PermissionDeniedException;
import dev.warden.application.fakes.FakePorts;
import dev.warden.application.oauth.OAuthSettings;
import dev.warden.application.port.in.ListSigningKeysQuery;
import dev.warden.application.port.in.OpenIdConfigurationResult;
import dev.warden.application.port.in.RotateSigningKeyCommand;
import dev.warden.application.port.out.SigningKeyRepository;
import dev.warden.domain.instance.Instance;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.principal.Principal;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.signing.SigningKeyInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyServicesTest {

    private FakePorts ports;
    private Instance instance;
    private Organization home;
    private ServiceUser caller;
    private final List<String> rotations = new ArrayList<>();
    private final SigningKeyRepository keys = new SigningKeyRepository() {
        @Override
        public List<SigningKeyInfo> findPublished() {
            return List.of(SigningKeyInfo.active("2", Instant.EPOCH.plusSeconds(60)));
        }

        @Override
        public SigningKeyInfo rotate() {
            rotations.add("rotated");
            return SigningKeyInfo.active("3", Instant.EPOCH.plusSeconds(120));
        }
    };

    @BeforeEach
    void setUp() {
        ports = new FakePorts();
        home = ports.organization("Home");
        instance = ports.instance(home);
        caller = ports.serviceUser(home, "caller");
    }

    private Caller caller() {
        return new Caller(new Principal(caller.id(), caller.orgId(), "1", "pat", Instant.parse("2030-01-01T00:00:00Z")),
                null);
    }

    @Test
    void instanceOwnersRotateAndList() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER);

        var rotated = new RotateSigningKeyService(ports.accessControl(), keys)
                .rotateSigningKey(new RotateSigningKeyCommand(caller()));
        var list = new ListSigningKeysService(ports.accessControl(), keys, ports.clock)
                .listSigningKeys(new ListSigningKeysQuery(caller()));

        assertThat(rotated.key().kid()).isEqualTo("3");
        assertThat(rotations).hasSize(1);
        assertThat(list.keys()).extracting(SigningKeyInfo::kid).containsExactly("2");
        assertThat(list.processedAt()).isEqualTo(ports.clock.instant());
    }

    @Test
    void orgOwnersMayNeitherRotateNorListAndNothingRotates() {
        ports.grant(caller, MemberScope.ORG, home.id(), Role.ORG_OWNER);

        assertThatThrownBy(() -> new RotateSigningKeyService(ports.accessControl(), keys)
                .rotateSigningKey(new RotateSigningKeyCommand(caller()))).isInstanceOf(PermissionDeniedException.class);
        assertThatThrownBy(() -> new ListSigningKeysService(ports.accessControl(), keys, ports.clock)
                .listSigningKeys(new ListSigningKeysQuery(caller()))).isInstanceOf(PermissionDeniedException.class);
        assertThat(rotations).isEmpty();
    }

    @Test
    void anInstanceViewerListsButCannotRotate() {
        ports.grant(caller, MemberScope.IAM, instance.id(), Role.IAM_OWNER_VIEWER);

        assertThat(new ListSigningKeysService(ports.accessControl(), keys, ports.clock)
                .listSigningKeys(new ListSigningKeysQuery(caller())).keys()).hasSize(1);
        assertThatThrownBy(() -> new RotateSigningKeyService(ports.accessControl(), keys)
                .rotateSigningKey(new RotateSigningKeyCommand(caller()))).isInstanceOf(PermissionDeniedException.class);
        assertThat(rotations).isEmpty();
    }

    @Test
    void callersWithoutMembershipGetMembershipNotFound() {
        assertThatThrownBy(() -> new RotateSigningKeyService(ports.accessControl(), keys)
                .rotateSigningKey(new RotateSigningKeyCommand(caller()))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theDiscoveryDocumentIsBuiltFromTheIssuerOnly() {
        OpenIdConfigurationResult doc = new GetOpenIdConfigurationService(new OAuthSettings("https://id.example",
                Duration.ofHours(12), Duration.ofHours(12), Duration.ofHours(1), Duration.ofSeconds(5)))
                .getOpenIdConfiguration();

        assertThat(doc.issuer()).isEqualTo("https://id.example");
        assertThat(doc.jwksUri()).isEqualTo("https://id.example/oauth/v2/keys");
        assertThat(doc.grantTypesSupported()).containsExactly("client_credentials",
                "urn:ietf:params:oauth:grant-type:jwt-bearer");
        assertThat(doc.responseTypesSupported()).containsExactly("none");
        assertThat(doc.userinfoEndpoint()).isEqualTo("https://id.example/oidc/v1/userinfo");
        assertThat(doc.claimsSupported()).contains("sub", "name", "preferred_username", "updated_at",
                "urn:zitadel:iam:user:resourceowner:id", "urn:zitadel:iam:user:resourceowner:name",
                "urn:zitadel:iam:user:resourceowner:primary_domain");
    }
}
