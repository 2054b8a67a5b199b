package dev.warden.bootstrap;

import dev.warden.application.audit.AuditTrail;
import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.VerifierContext;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.FirstInstanceResult;
import dev.warden.application.port.in.SetUpFirstInstanceCommand;
import dev.warden.application.cluster.ChangeFollower;
import dev.warden.application.service.AddMachineKeyService;
import dev.warden.application.service.AddMachineUserService;
import dev.warden.application.service.AddMemberService;
import dev.warden.application.service.AddOrgService;
import dev.warden.application.service.AddPersonalAccessTokenService;
import dev.warden.application.service.AuthenticateService;
import dev.warden.application.service.LimitFailedAuthenticationService;
import dev.warden.application.port.in.AuthenticateUseCase;
import dev.warden.application.port.out.FailedAuthenticationListener;
import dev.warden.persistence.limiter.CaffeineFailedAuthenticationLimiter;
import dev.warden.http.auth.ClientAddresses;
import dev.warden.application.service.ChangeOrgStateService;
import dev.warden.application.service.ChangeUserStateService;
import dev.warden.application.service.GenerateMachineSecretService;
import dev.warden.application.service.GetMachineKeyService;
import dev.warden.application.service.GetMyOrgService;
import dev.warden.application.service.GetOrgByIdService;
import dev.warden.application.service.GetPersonalAccessTokenService;
import dev.warden.application.service.GetUserService;
import dev.warden.application.service.ListMachineKeysService;
import dev.warden.application.service.ListMemberRolesService;
import dev.warden.application.service.ListMembersService;
import dev.warden.application.service.ListOrgsService;
import dev.warden.application.service.ListPersonalAccessTokensService;
import dev.warden.application.service.ListUsersService;
import dev.warden.application.service.RemoveMachineKeyService;
import dev.warden.application.service.RemoveMachineSecretService;
import dev.warden.application.service.RemoveMemberService;
import dev.warden.application.service.RemoveOrgService;
import dev.warden.application.service.RemovePersonalAccessTokenService;
import dev.warden.application.service.RemoveUserService;
import dev.warden.application.service.SetUpFirstInstanceService;
import dev.warden.application.service.UpdateMachineUserService;
import dev.warden.application.service.UpdateMemberService;
import dev.warden.application.service.UpdateOrgService;
import dev.warden.application.service.UpdateUserNameService;
import dev.warden.application.oauth.AccessTokenIssuer;
import dev.warden.application.oauth.OAuthSettings;
import dev.warden.application.project.LocalCaches;
import dev.warden.application.project.UserGrantViews;
import dev.warden.application.service.AddApiAppService;
import dev.warden.application.service.AddAppKeyService;
import dev.warden.application.service.AddProjectRoleService;
import dev.warden.application.service.AddProjectService;
import dev.warden.application.service.AddUserGrantService;
import dev.warden.application.service.AuthenticateManagementCallService;
import dev.warden.application.service.BulkAddProjectRolesService;
import dev.warden.application.service.BulkRemoveUserGrantsService;
import dev.warden.application.service.ChangeAppStateService;
import dev.warden.application.service.ChangeProjectStateService;
import dev.warden.application.service.ChangeUserGrantStateService;
import dev.warden.application.service.GetAppKeyService;
import dev.warden.application.service.GetAppService;
import dev.warden.application.service.GetJwksService;
import dev.warden.application.service.GetOpenIdConfigurationService;
import dev.warden.application.service.GetUserInfoService;
import dev.warden.application.service.GetProjectService;
import dev.warden.application.service.GetUserGrantService;
import dev.warden.application.service.IssueClientCredentialsTokenService;
import dev.warden.application.service.IssueJwtProfileTokenService;
import dev.warden.application.service.ListAppKeysService;
import dev.warden.application.service.ListAppsService;
import dev.warden.application.service.ListProjectRolesService;
import dev.warden.application.service.ListProjectsService;
import dev.warden.application.service.ListSigningKeysService;
import dev.warden.application.service.ListUserGrantsService;
import dev.warden.application.service.RegenerateApiClientSecretService;
import dev.warden.application.service.RemoveAppKeyService;
import dev.warden.application.service.RemoveAppService;
import dev.warden.application.service.RemoveProjectRoleService;
import dev.warden.application.service.RemoveProjectService;
import dev.warden.application.service.RemoveUserGrantService;
import dev.warden.application.service.RevokeTokenService;
import dev.warden.application.service.RecordAuthenticationFailureService;
import dev.warden.application.service.RotateSigningKeyService;
import dev.warden.application.service.SearchAuditEventsService;
import dev.warden.application.service.UpdateApiAppConfigService;
import dev.warden.application.service.UpdateAppService;
import dev.warden.application.service.UpdateProjectRoleService;
import dev.warden.application.service.UpdateProjectService;
import dev.warden.application.service.UpdateUserGrantService;
import dev.warden.http.oauth.OAuthUseCases;
import dev.warden.http.project.ProjectUseCases;
import dev.warden.http.signing.SigningKeyUseCases;
import dev.warden.persistence.audit.MariaDbAuditEventRepository;
import dev.warden.persistence.cache.CachingApiClientDirectory;
import dev.warden.persistence.cache.CachingServiceUserReader;
import dev.warden.persistence.cache.CaffeineVerifiedClientCache;
import dev.warden.application.service.IntrospectTokenService;
import dev.warden.persistence.cache.CachingProjectRoleGrants;
import dev.warden.persistence.oauth.MariaDbAccessTokenRepository;
import dev.warden.persistence.oauth.MariaDbAssertionReplayGuard;
import dev.warden.persistence.oauth.NimbusJwtAssertions;
import dev.warden.persistence.project.MariaDbApiAppRepository;
import dev.warden.persistence.project.MariaDbApiClientDirectory;
import dev.warden.persistence.project.MariaDbAppKeyRepository;
import dev.warden.persistence.project.MariaDbProjectRepository;
import dev.warden.persistence.project.MariaDbProjectRoleGrants;
import dev.warden.persistence.project.MariaDbProjectRoleRepository;
import dev.warden.persistence.project.MariaDbUserGrantRepository;
import dev.warden.persistence.signing.MasterKey;
import dev.warden.persistence.signing.SigningAlgorithm;
import dev.warden.persistence.signing.SigningKeyStore;
import dev.warden.persistence.signing.StoredSigningKeys;
import dev.warden.bootstrap.config.WardenConfig;
import dev.warden.bootstrap.observe.WardenMetrics;
import dev.warden.application.service.MeasureAuthenticationService;
import dev.warden.http.observe.RequestObservation;
import dev.warden.domain.id.IdGenerator;
import dev.warden.domain.id.TimeOrderedIdGenerator;
import dev.warden.http.HttpAdapter;
import dev.warden.http.key.MachineKeyUseCases;
import dev.warden.http.secret.MachineSecretUseCases;
import dev.warden.http.member.MemberUseCases;
import dev.warden.http.org.OrgUseCases;
import dev.warden.http.user.UserUseCases;
import dev.warden.http.RegisteredRoutes;
import dev.warden.http.WardenRouting;
import dev.warden.http.transport.ServerLimits;
import dev.warden.http.transport.TransportErrors;
import dev.warden.persistence.cache.CachingInstanceRepository;
import dev.warden.persistence.cache.CachingMembershipRepository;
import dev.warden.persistence.cache.CachingOrganizationRepository;
import dev.warden.persistence.cache.CaffeineVerifiedCredentialCache;
import dev.warden.persistence.change.MariaDbChangeFeed;
import dev.warden.persistence.crypto.Argon2SecretHasher;
import dev.warden.persistence.crypto.ConfiguredSecretHasher;
import dev.warden.persistence.crypto.HmacSecretHasher;
import dev.warden.persistence.crypto.JdkRsaKeyGenerator;
import dev.warden.persistence.key.MariaDbMachineKeyRepository;
import dev.warden.persistence.db.Database;
import dev.warden.persistence.db.DatabaseSettings;
import dev.warden.persistence.instance.MariaDbInstanceRepository;
import dev.warden.persistence.member.MariaDbMembershipRepository;
import dev.warden.persistence.org.MariaDbOrganizationRepository;
import dev.warden.persistence.serviceuser.MariaDbMachineSecretRepository;
import dev.warden.persistence.serviceuser.MariaDbServiceUserRepository;
import dev.warden.persistence.token.BatchingTokenUsageRecorder;
import dev.warden.persistence.token.MariaDbPersonalAccessTokenRepository;
import io.helidon.dbclient.DbClient;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.health.HealthObserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The composition root: configuration → database → repositories → hasher, cache, clock, ids →
 * verifiers (through the extension point) → services → routes → server, and the change follower
 * that keeps the caches true to other nodes' changes. Nothing else constructs
 * services or adapters.
 */
public final class Wiring implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Wiring.class.getName());

    private final Database database;
    private final List<AutoCloseable> opened;
    private final WebServer server;
    private final FirstInstanceResult firstInstance;
    private final RegisteredRoutes routes;

    private Wiring(Database database, List<AutoCloseable> opened, WebServer server, FirstInstanceResult firstInstance,
                   RegisteredRoutes routes) {
        this.database = database;
        this.opened = opened;
        this.server = server;
        this.firstInstance = firstInstance;
        this.routes = routes;
    }

    /** Builds everything and starts the server; on failure, closes what was opened. */
    public static Wiring start(WardenConfig config) {
        // Microseconds: what DATETIME(6) stores, so a write's answer equals what a later read shows.
        Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
        IdGenerator ids = config.nodeId()
                .<IdGenerator>map(node -> new TimeOrderedIdGenerator(clock, node))
                .orElseGet(() -> TimeOrderedIdGenerator.withRandomNode(clock));

        Database database = Database.open(databaseSettings(config), config.faults().dbCheckInterval());
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            DbClient db = database.dbClient();
            // Observability (issue 8): this node's meters, served at /observe/metrics.
            WardenMetrics metrics = WardenMetrics.create();
            opened.add(metrics);
            // Authorizing a request reads these three: cached, each write forgets what it touched, and
            // the change follower below makes the caches forget what other nodes changed.
            var memberships = new CachingMembershipRepository(new MariaDbMembershipRepository(db, clock));
            var organizations = new CachingOrganizationRepository(new MariaDbOrganizationRepository(db, clock),
                    memberships::invalidateUser);
            var users = new MariaDbServiceUserRepository(db, clock);
            var tokens = new MariaDbPersonalAccessTokenRepository(db, clock);
            var instances = new CachingInstanceRepository(new MariaDbInstanceRepository(db));
            var feed = new MariaDbChangeFeed(db);
            var secrets = new MariaDbMachineSecretRepository(db, clock);
            var machineKeys = new MariaDbMachineKeyRepository(db, clock);
            // The master key also keys the HMAC hashing of secrets: read it before the hasher.
            MasterKey masterKey = masterKey(config);
            var argon2 = new Argon2SecretHasher(config.argon2MemoryKib(), config.argon2Iterations(),
                    config.argon2Parallelism(), config.hashThreads(), config.hashQueue());
            var hasher = new ConfiguredSecretHasher(config.hashAlgorithm(), argon2,
                    HmacSecretHasher.fromMasterKey(masterKey), config.tokenCacheMaxSize());
            opened.add(hasher);
            var keyGenerator = JdkRsaKeyGenerator.withDefaults();
            opened.add(keyGenerator);
            var usage = new BatchingTokenUsageRecorder(tokens, config.tokenUsageFlushInterval());
            opened.add(usage);
            var cache = new CaffeineVerifiedCredentialCache(config.tokenCacheMaxSize(), config.tokenCacheTtl(), clock);

            // --- Signing keys (JWKS, discovery, rotation) -------------------------------------------
            // Before the first-instance set-up: a wrong master key stops the start before anything is created.
            OAuthSettings oauth = oauthSettings(config);
            var signingKeys = new StoredSigningKeys(new SigningKeyStore(db, masterKey), ids, clock,
                    oauth.accessTokenLifetime(), config.signingAlgorithm());
            startSigningKeys(signingKeys);
            // --- end of signing keys ----------------------------------------------------------------

            FirstInstanceResult firstInstance = setUpFirstInstance(config, instances.find().isEmpty(),
                    new SetUpFirstInstanceService(instances, hasher, ids, clock));

            // --- OAuth (issue 4): access tokens, client secrets, JWT profile, revocation -------------------
            var accessTokens = new MariaDbAccessTokenRepository(db, clock);
            var replayGuard = new MariaDbAssertionReplayGuard(db, clock);
            // Introspection and userinfo read these on every call: cached, forgotten through the change
            // follower below (and, for writes on this node, at once through the projects feature's LocalCaches).
            var apiClients = new CachingApiClientDirectory(new MariaDbApiClientDirectory(db));
            var roleGrants = new CachingProjectRoleGrants(new MariaDbProjectRoleGrants(db));
            var clientCache = new CaffeineVerifiedClientCache(config.tokenCacheMaxSize(), config.tokenCacheTtl());
            var userReader = new CachingServiceUserReader(users, config.tokenCacheMaxSize(), config.tokenCacheTtl());
            // --- end OAuth ---------------------------------------------------------------------------------

            // --- Audit log (issue 6): security events, failed authentications coalesced per key and window ----
            var auditEvents = new MariaDbAuditEventRepository(db);
            var audit = new AuditTrail(auditEvents, ids, clock);
            var authFailures = new RecordAuthenticationFailureService(audit, clock, config.auditFailureWindow(),
                    AUTH_FAILURE_KEYS);
            // --- end of the audit log ----------------------------------------------------------------------

            VerifierContext verifierContext = new VerifierContext(clock, organizations, users, tokens, hasher, cache,
                    usage, Map.of(), accessTokens, secrets, machineKeys, new NimbusJwtAssertions(), replayGuard,
                    signingKeys, oauth.issuer(), oauth.assertionRules(), apiClients, clientCache);
            List<CredentialVerifier> verifiers = AuthenticationMethods.load(config.authMethods(), verifierContext,
                    config.authSettings());
            AuthenticateUseCase authenticationMethods = new MeasureAuthenticationService(failureLimited(config,
                    new AuthenticateService(verifiers, authFailures), clock), metrics);
            // The user is read fresh (one row): a change of its token type or name counts at once.
            var tokenIssuer = new AccessTokenIssuer(accessTokens, users, organizations, instances, signingKeys,
                    roleGrants, ids, clock, oauth);
            AccessControl access = new AccessControl(organizations, memberships, instances);
            String domain = config.instanceDomain();

            // --- Projects feature: projects, roles, API apps, app keys, user grants ---------------
            var projects = new MariaDbProjectRepository(db, clock);
            var projectRoles = new MariaDbProjectRoleRepository(db, clock);
            var apiApps = new MariaDbApiAppRepository(db, clock);
            var appKeys = new MariaDbAppKeyRepository(db, clock);
            var userGrants = new MariaDbUserGrantRepository(db, clock);
            var grantViews = new UserGrantViews(users, organizations, projects);
            // This node forgets at once; the others when their follower reads the change feed.
            var localCaches = new LocalCaches(change -> {
                apiClients.changed(change);
                roleGrants.changed(change);
                clientCache.changed(change);
            });
            var projectUseCases = new ProjectUseCases(
                    new AddProjectService(access, projects, ids, clock),
                    new GetProjectService(access, projects),
                    new ListProjectsService(access, projects, clock),
                    new UpdateProjectService(access, projects, clock, localCaches),
                    new ChangeProjectStateService(access, projects, clock, localCaches),
                    new RemoveProjectService(access, projects, clock, localCaches),
                    new AddProjectRoleService(access, projects, projectRoles, clock),
                    new BulkAddProjectRolesService(access, projects, projectRoles, clock),
                    new ListProjectRolesService(access, projects, projectRoles, clock),
                    new UpdateProjectRoleService(access, projects, projectRoles, clock),
                    new RemoveProjectRoleService(access, projects, projectRoles, clock, localCaches),
                    new AddApiAppService(access, projects, apiApps, hasher, ids, clock, localCaches),
                    new GetAppService(access, apiApps),
                    new ListAppsService(access, projects, apiApps, clock),
                    new UpdateAppService(access, apiApps, clock),
                    new UpdateApiAppConfigService(access, apiApps, clock, localCaches),
                    new RegenerateApiClientSecretService(access, apiApps, hasher, clock, localCaches, audit),
                    new ChangeAppStateService(access, apiApps, clock, localCaches),
                    new RemoveAppService(access, apiApps, clock, localCaches),
                    new AddAppKeyService(access, apiApps, appKeys, keyGenerator, ids, clock, localCaches, audit),
                    new GetAppKeyService(access, apiApps, appKeys),
                    new ListAppKeysService(access, apiApps, appKeys, clock),
                    new RemoveAppKeyService(access, apiApps, appKeys, clock, localCaches, audit),
                    new AddUserGrantService(access, users, projects, projectRoles, userGrants, ids, clock, localCaches,
                            audit),
                    new GetUserGrantService(access, userGrants, grantViews),
                    new ListUserGrantsService(access, userGrants, grantViews, clock),
                    new UpdateUserGrantService(access, projectRoles, userGrants, clock, localCaches, audit),
                    new ChangeUserGrantStateService(access, userGrants, clock, localCaches, audit),
                    new RemoveUserGrantService(access, userGrants, clock, localCaches, audit),
                    new BulkRemoveUserGrantsService(access, userGrants, clock, localCaches, audit));
            // --- end of the projects feature ---------------------------------------------------------

            var adapter = new HttpAdapter(
                    // The management and admin APIs accept only credentials meant for them (their audience).
                    new AuthenticateManagementCallService(authenticationMethods, instances),
                    new OrgUseCases(
                            new GetMyOrgService(access),
                            new AddOrgService(access, organizations, ids, clock, domain),
                            new UpdateOrgService(access, organizations, clock, domain),
                            new ChangeOrgStateService(access, organizations, cache, clock),
                            new RemoveOrgService(access, organizations, instances, cache, clock),
                            new GetOrgByIdService(access, organizations),
                            new ListOrgsService(access, organizations, clock)),
                    new UserUseCases(
                            new AddMachineUserService(access, users, ids, clock),
                            new GetUserService(access, users, secrets),
                            new UpdateMachineUserService(access, users, clock),
                            new UpdateUserNameService(access, users, clock),
                            new ListUsersService(access, users, secrets, clock),
                            new ChangeUserStateService(access, users, cache, clock, audit),
                            new RemoveUserService(access, users, cache, clock, audit),
                            new AddPersonalAccessTokenService(access, users, tokens, hasher, ids, clock, audit),
                            new GetPersonalAccessTokenService(access, tokens),
                            new ListPersonalAccessTokensService(access, users, tokens, clock),
                            new RemovePersonalAccessTokenService(access, tokens, cache, clock, audit)),
                    new MemberUseCases(
                            new ListMemberRolesService(access, instances),
                            new ListMembersService(access, memberships, instances, clock),
                            new AddMemberService(access, memberships, users, instances, clock, audit),
                            new UpdateMemberService(access, memberships, instances, clock, audit),
                            new RemoveMemberService(access, memberships, instances, clock, audit)),
                    new MachineSecretUseCases(
                            new GenerateMachineSecretService(access, users, secrets, hasher, cache, clock, audit),
                            new RemoveMachineSecretService(access, users, secrets, cache, clock, audit)),
                    new MachineKeyUseCases(
                            new AddMachineKeyService(access, users, machineKeys, keyGenerator, ids, clock, audit),
                            new GetMachineKeyService(access, machineKeys),
                            new ListMachineKeysService(access, users, machineKeys, clock),
                            new RemoveMachineKeyService(access, machineKeys, cache, clock, audit)),
                    new OAuthUseCases(
                            new IssueClientCredentialsTokenService(authenticationMethods, tokenIssuer),
                            new IssueJwtProfileTokenService(authenticationMethods, tokenIssuer),
                            new RevokeTokenService(authenticationMethods, accessTokens, signingKeys, cache, audit),
                            new IntrospectTokenService(authenticationMethods, userReader, organizations, roleGrants,
                                    oauth.issuer()),
                            // The whole chain, not the management API's audience rule: any audience will do.
                            new GetUserInfoService(authenticationMethods, userReader, organizations, roleGrants)),
                    new SigningKeyUseCases(
                            new GetJwksService(signingKeys),
                            new GetOpenIdConfigurationService(oauth, tokenSigningAlgorithms(config)),
                            new RotateSigningKeyService(access, signingKeys),
                            new ListSigningKeysService(access, signingKeys, clock)),
                    projectUseCases,
                    new SearchAuditEventsService(access, auditEvents, clock));

            var follower = new ChangeFollower(feed, cache, List.of(organizations, memberships, signingKeys,
                    apiClients, roleGrants, clientCache, userReader), clock,
                    config.changeFeedOverlap(), config.changeFeedRecheck(), config.changeFeedRetention(),
                    config.faults().cacheStaleAfter());
            // Two threads: a poll stuck on a lost database must not hold up the staleness check.
            ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2,
                    Thread.ofPlatform().name("warden-change-follower-", 0).daemon().factory());
            opened.add(scheduler::shutdownNow);
            long pollMillis = config.clusterPollInterval().toMillis();
            scheduler.scheduleWithFixedDelay(new BackgroundJob("Following the change feed", follower::poll), 0,
                    pollMillis, TimeUnit.MILLISECONDS);
            scheduler.scheduleWithFixedDelay(new BackgroundJob("Checking the change feed is fresh",
                    follower::forgetCredentialsIfStale), pollMillis, pollMillis, TimeUnit.MILLISECONDS);
            // OAuth: expired access tokens and used assertions are kept no longer than needed.
            scheduler.scheduleWithFixedDelay(new BackgroundJob("Purging expired access tokens and assertions", () -> {
                accessTokens.purgeExpired(clock.instant());
                replayGuard.purgeExpired(clock.instant());
            }), 1, 10, TimeUnit.MINUTES);
            scheduleAudit(scheduler, opened, authFailures, auditEvents, clock, config);
            metrics.tokenCache("credentials", cache::statistics);
            metrics.argon2(argon2);
            metrics.databasePool(database);
            metrics.changeFeed(follower);

            // Recorded as registered, observe endpoints included: the OpenAPI test compares them with the document.
            RegisteredRoutes routes = new RegisteredRoutes();
            HttpRouting.Builder routing = routes.recording(HttpRouting.builder());
            // First of all filters: request id, timing and the access log see every answer.
            routing.addFilter(new RequestObservation(metrics.registry(), ClientAddresses::of).filter());
            WardenRouting.routing(routing, adapter, config.maxPayloadBytes(),
                    ClientAddresses.trusting(config.trustedProxies()));
            WebServer server = WebServer.builder()
                    .host(config.httpHost())
                    .port(config.httpPort())
                    // The API answers bodies over the limit with a JSON 413; the server itself cuts off
                    // only far larger ones (with a JSON 413 from TransportErrors) so that no read is unbounded.
                    .maxPayloadSize(Math.max(config.maxPayloadBytes() * 16, 16L << 20))
                    .update(listener -> config.httpTls().ifPresent(tls -> listener.tls(HttpTls.of(tls))))
                    // Framing limits and JSON answers (with the security headers) for what Helidon refuses itself.
                    .addProtocol(ServerLimits.http1())
                    .directHandlers(TransportErrors.directHandlers())
                    // On stop, requests in flight may finish within the grace period; Main's shutdown hook
                    // stops the server before the last token uses are written and the pool closes, so
                    // Helidon's own hook, which would race it, is off.
                    .shutdownGracePeriod(config.faults().shutdownGrace())
                    .shutdownHook(false)
                    .routing(routing)
                    .addFeature(ObserveFeature.just(health(database), metrics.observer()))
                    .build()
                    .start();
            if (!server.isRunning() || server.port() <= 0) {
                // Helidon logs a bind failure and returns a server that is not running; say it plainly.
                server.stop();
                throw new IllegalStateException("Cannot listen on " + config.httpHost() + ":" + config.httpPort()
                        + " (port in use or not permitted); set WARDEN_HTTP_PORT to another port");
            }
            LOG.info("Warden is ready on port " + server.port() + (config.httpTls().isPresent() ? " with TLS" : "")
                    + " (external URL " + config.externalUrl()
                    + ", secrets hashed with " + config.hashAlgorithm().configName()
                    + ", database " + (config.embeddedDatabase() ? "embedded H2 in " + config.dataDir().toAbsolutePath().normalize()
                    : databaseSettings(config).redactedUrl()) + ")");
            return new Wiring(database, opened, server, firstInstance, routes);
        } catch (RuntimeException e) {
            closeAll(opened);
            database.close();
            throw e;
        }
    }

    /** Failed authentications coalesced into audit events this many keys at most between flushes. */
    private static final int AUTH_FAILURE_KEYS = 10_000;

    /**
     * The failed-authentication limiter in front of every authentication (security decision 6);
     * when it is switched off, the methods as they are.
     */
    private static AuthenticateUseCase failureLimited(WardenConfig config, AuthenticateUseCase methods, Clock clock) {
        WardenConfig.FailureLimits limits = config.failureLimits();
        if (!limits.enabled()) {
            return methods;
        }
        var limiter = new CaffeineFailedAuthenticationLimiter(
                new CaffeineFailedAuthenticationLimiter.Rule(limits.addressFailures(), limits.window()),
                new CaffeineFailedAuthenticationLimiter.Rule(limits.credentialFailures(), limits.window()),
                limits.maxKeys(), clock);
        // The audit log's hook: for now the burst is logged (never the credential, only its kind and id).
        FailedAuthenticationListener listener = (key, scheme) -> LOG.warning("Failed-authentication limit reached for "
                + key.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + key.value() + " (" + scheme + ")");
        return new LimitFailedAuthenticationService(methods, limiter, listener, limits.refusalDelay());
    }

    /**
     * The audit log's jobs: failed-authentication windows written as they end (and all at shutdown),
     * events older than the retention purged hourly.
     */
    private static void scheduleAudit(ScheduledExecutorService scheduler, List<AutoCloseable> opened,
                                      RecordAuthenticationFailureService failures,
                                      MariaDbAuditEventRepository events, Clock clock, WardenConfig config) {
        long flushMillis = Math.min(config.auditFailureWindow().toMillis(), 10_000);
        scheduler.scheduleWithFixedDelay(new BackgroundJob("Writing failed-authentication audit events",
                failures::flush), flushMillis, flushMillis, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(new BackgroundJob("Purging old audit events",
                () -> events.purge(clock.instant().minus(config.auditRetention()))), 0, 1, TimeUnit.HOURS);
        opened.add(failures::flushAll);
    }

    private static void closeAll(List<AutoCloseable> opened) {
        for (AutoCloseable closeable : opened.reversed()) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Failed to close " + closeable, e);
            }
        }
    }

    private static DatabaseSettings databaseSettings(WardenConfig config) {
        if (config.embeddedDatabase()) {
            try {
                Files.createDirectories(config.dataDir());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create the data directory " + config.dataDir(), e);
            }
            return new DatabaseSettings(Database.embeddedH2Url(config.dataDir()), "", "", config.dbPoolSize(),
                    config.faults().dbConnectionTimeout(), config.faults().dbNetworkTimeout());
        }
        return new DatabaseSettings(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dbPoolSize(),
                config.faults().dbConnectionTimeout(), config.faults().dbNetworkTimeout());
    }

    private static FirstInstanceResult setUpFirstInstance(WardenConfig config, boolean empty,
                                                          SetUpFirstInstanceService service) {
        FirstInstancePatFile patFile = new FirstInstancePatFile(config.firstInstancePatFile());
        if (empty) {
            // Fail before creating a token that could not be written anywhere.
            patFile.checkWritable();
        }
        FirstInstanceResult result = service.setUpFirstInstance(new SetUpFirstInstanceCommand(
                config.firstInstanceOrgName(), config.instanceDomain(), config.firstInstanceUserName(),
                config.firstInstanceUserDisplayName(), config.firstInstancePatExpiration().orElse(null)));
        if (result.created()) {
            patFile.write(result.adminToken().orElseThrow());
            LOG.info("First start: created organization '" + config.firstInstanceOrgName() + "' (" + result.orgId()
                    + ") and service user '" + config.firstInstanceUserName() + "' (" + result.adminUserId()
                    + ") with IAM_OWNER and ORG_OWNER; its personal access token was written to " + patFile.path());
        }
        return result;
    }

    /**
     * The OAuth settings: the issuer is the external URL. The lifetimes are the contract's defaults
     * (12 h access tokens) until the token endpoint's configuration provides them.
     */
    private static OAuthSettings oauthSettings(WardenConfig config) {
        return new OAuthSettings(config.externalUrl().toString(), config.accessTokenLifetime(),
                config.idTokenLifetime(), config.assertionMaxLifetime(), config.clockSkew());
    }

    /** The master key from WARDEN_MASTERKEY, else from its file (created on the first start; never logged). */
    private static MasterKey masterKey(WardenConfig config) {
        if (config.masterKey().isPresent()) {
            return MasterKey.fromBase64(config.masterKey().get());
        }
        MasterKey.Loaded loaded = MasterKey.loadOrCreate(config.masterKeyFile());
        if (loaded.created()) {
            LOG.info("First start: created the master key file " + config.masterKeyFile().toAbsolutePath().normalize()
                    + " (mode 0600); it seals the token signing keys and keys HMAC secret hashing. Back it up; every "
                    + "node of a cluster needs "
                    + "the same master key (WARDEN_MASTERKEY or warden.masterkey.file)");
        }
        return loaded.key();
    }

    /** Discovery's id-token algorithms: the configured one first; RS256 keys may still be published. */
    private static List<String> tokenSigningAlgorithms(WardenConfig config) {
        return config.signingAlgorithm() == SigningAlgorithm.RS256 ? List.of("RS256") : List.of("ES256", "RS256");
    }

    private static void startSigningKeys(StoredSigningKeys signingKeys) {
        try {
            if (signingKeys.start()) {
                LOG.info("First start: created the token signing key " + signingKeys);
            }
        } catch (MasterKey.SealedKeyException e) {
            throw new IllegalStateException("The master key does not decrypt the stored signing keys: "
                    + e.getMessage() + ". Every node needs the master key the keys were created with "
                    + "(WARDEN_MASTERKEY or the file warden.masterkey.file)", e);
        }
    }

    private static HealthObserver health(Database database) {
        return HealthObserver.builder()
                .details(true)
                .addCheck(() -> HealthCheckResponse.builder().status(database.ping()).build(),
                        HealthCheckType.READINESS, "database")
                .build();
    }

    /** The port the server listens on (useful with port 0). */
    public int port() {
        return server.port();
    }

    /** Every route the server registered, as it registered them. */
    public RegisteredRoutes routes() {
        return routes;
    }

    FirstInstanceResult firstInstance() {
        return firstInstance;
    }

    @Override
    public void close() {
        server.stop();
        // Reverse order: the scheduler stops, the usage recorder flushes, then the pool goes.
        closeAll(opened);
        database.close();
    }
}
