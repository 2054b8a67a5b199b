package dev.warden.application.fakes;

import dev.warden.application.auth.VerifierContext;
import dev.warden.application.oauth.OAuthSettings;
import dev.warden.application.authz.AccessControl;
import dev.warden.domain.id.IdGenerator;
import dev.warden.domain.id.TimeOrderedIdGenerator;
import dev.warden.domain.instance.Instance;
import dev.warden.domain.member.Membership;
import dev.warden.domain.org.Organization;
import dev.warden.domain.policy.MemberScope;
import dev.warden.domain.policy.Role;
import dev.warden.domain.serviceuser.ServiceUser;
import dev.warden.domain.token.OpaqueToken;
import dev.warden.domain.token.PersonalAccessToken;
import dev.warden.domain.token.TokenKind;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** One wired set of the in-memory fakes sharing a clock, with shortcuts to build a test's world. */
public final class FakePorts {

    public static final String INSTANCE_DOMAIN = "localhost";
    public static final String ISSUER = "http://localhost:8080";

    public final MutableClock clock;
    public final IdGenerator ids;
    /** The tables the repositories below share, so that their cascades reach each other. */
    public final InMemoryDatabase database;
    public final InMemoryOrganizationRepository organizations;
    public final InMemoryServiceUserRepository users;
    public final InMemoryPersonalAccessTokenRepository tokens;
    public final InMemoryMembershipRepository memberships;
    public final InMemoryMachineKeyRepository machineKeys;
    public final InMemoryMachineSecretRepository secrets;
    public final InMemoryInstanceRepository instances;
    public final InMemoryAccessTokenRepository accessTokens;
    public final InMemoryAssertionReplayGuard replayGuard;
    public final FakeJwtAssertions assertions = new FakeJwtAssertions();
    public final FakeSigningKeys signingKeys = new FakeSigningKeys();
    /** The issuer and lifetimes of the OAuth use cases and verifiers: 12 h tokens, 1 h id tokens and assertions, 5 s skew. */
    public final OAuthSettings oauth = new OAuthSettings(ISSUER, Duration.ofHours(12), Duration.ofHours(1),
            Duration.ofHours(1), Duration.ofSeconds(5));
    public final InMemoryProjectRepository projects;
    public final InMemoryProjectRoleRepository projectRoles;
    public final InMemoryApiAppRepository apiApps;
    public final InMemoryAppKeyRepository appKeys;
    public final InMemoryUserGrantRepository userGrants;
    public final InMemoryApiClientDirectory apiClients;
    public final InMemoryProjectRoleGrants roleGrants;
    /** What the repositories wrote to the change feed. */
    public final InMemoryChangeFeed changes;
    public final FakeSecretHasher hasher = new FakeSecretHasher();
    public final InMemoryVerifiedCredentialCache cache;
    public final RecordingTokenUsageRecorder usage = new RecordingTokenUsageRecorder();
    public final FakeRsaKeyGenerator keyGenerator = new FakeRsaKeyGenerator();

    public FakePorts() {
        this(MutableClock.DEFAULT_START);
    }

    public FakePorts(Instant start) {
        this.clock = new MutableClock(start);
        this.ids = new TimeOrderedIdGenerator(clock, 1);
        this.database = new InMemoryDatabase(clock);
        this.organizations = new InMemoryOrganizationRepository(database);
        this.users = new InMemoryServiceUserRepository(database);
        this.tokens = new InMemoryPersonalAccessTokenRepository(database);
        this.memberships = new InMemoryMembershipRepository(database);
        this.machineKeys = new InMemoryMachineKeyRepository(database);
        this.secrets = new InMemoryMachineSecretRepository(database);
        this.changes = database.changes();
        this.projects = new InMemoryProjectRepository(database);
        this.projectRoles = new InMemoryProjectRoleRepository(database);
        this.apiApps = new InMemoryApiAppRepository(database);
        this.appKeys = new InMemoryAppKeyRepository(database);
        this.userGrants = new InMemoryUserGrantRepository(database);
        this.apiClients = new InMemoryApiClientDirectory(database);
        this.roleGrants = new InMemoryProjectRoleGrants(database);
        this.instances = new InMemoryInstanceRepository(organizations, users, memberships, tokens);
        this.cache = new InMemoryVerifiedCredentialCache(clock);
        this.accessTokens = new InMemoryAccessTokenRepository(database);
        this.replayGuard = new InMemoryAssertionReplayGuard(clock);
    }

    /** The context a {@link dev.warden.application.auth.CredentialVerifierProvider} is created with. */
    public final InMemoryVerifiedClientCache clientCache = new InMemoryVerifiedClientCache();

    public VerifierContext verifierContext() {
        return verifierContext(Map.of());
    }

    public VerifierContext verifierContext(Map<String, String> settings) {
        return new VerifierContext(clock, organizations, users, tokens, hasher, cache, usage, settings, accessTokens,
                secrets, machineKeys, assertions, replayGuard, signingKeys, oauth.issuer(), oauth.assertionRules(),
                apiClients, clientCache);
    }

    /** The access control of management use cases, over these repositories. */
    public AccessControl accessControl() {
        return new AccessControl(organizations, memberships, instances);
    }

    /** Stores a new active organization with a fresh id. */
    public Organization organization(String name) {
        return organizations.save(Organization.create(ids.nextId(), name, INSTANCE_DOMAIN, clock.instant()));
    }

    /** Stores the instance, with {@code defaultOrg} as its first organization. */
    public Instance instance(Organization defaultOrg) {
        return instances.save(new Instance(ids.nextId(), defaultOrg.id(), clock.instant()));
    }

    /** Stores a new active service user in {@code org}. */
    public ServiceUser serviceUser(Organization org, String userName) {
        return users.save(ServiceUser.create(ids.nextId(), org.id(), userName, userName, clock.instant()));
    }

    /** Stores a membership of {@code user} with these roles on an organization or the instance. */
    public Membership grant(ServiceUser user, MemberScope scope, long scopeId, Role... roles) {
        return memberships.save(Membership.grant(user.id(), scope, scopeId, Set.of(roles), clock.instant()));
    }

    /** Stores a PAT for {@code user} (null expiration: none) and returns the token string, as issued. */
    public IssuedToken issuePersonalAccessToken(ServiceUser user, Instant expiresAtOrNull) {
        OpaqueToken token = OpaqueToken.generate(TokenKind.PERSONAL_ACCESS_TOKEN, ids.nextId());
        PersonalAccessToken stored = tokens.save(PersonalAccessToken.create(token.id(), user.id(), user.orgId(),
                hasher.hash(token.secret()), expiresAtOrNull, clock.instant()));
        return new IssuedToken(stored, token.encode());
    }

    /** A stored PAT and the string the client received. */
    public record IssuedToken(PersonalAccessToken stored, String token) {
        @Override
        public String toString() {
            return "IssuedToken[" + stored.id() + ", token=redacted]";
        }
    }
}
