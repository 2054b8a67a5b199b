package dev.warden.bootstrap;

import dev.warden.application.auth.CredentialVerifier;
import dev.warden.application.auth.VerifierContext;
import dev.warden.application.authz.AccessControl;
import dev.warden.application.port.in.FirstInstanceResult;
import dev.warden.application.port.in.SetUpFirstInstanceCommand;
import dev.warden.application.service.AuthenticateService;
import dev.warden.application.service.GetMyOrgService;
import dev.warden.application.service.SetUpFirstInstanceService;
import dev.warden.bootstrap.config.WardenConfig;
import dev.warden.domain.id.IdGenerator;
import dev.warden.domain.id.TimeOrderedIdGenerator;
import dev.warden.http.HttpAdapter;
import dev.warden.http.WardenRouting;
import dev.warden.persistence.cache.CaffeineVerifiedCredentialCache;
import dev.warden.persistence.crypto.Argon2SecretHasher;
import dev.warden.persistence.db.Database;
import dev.warden.persistence.db.DatabaseSettings;
import dev.warden.persistence.instance.MariaDbInstanceRepository;
import dev.warden.persistence.member.MariaDbMembershipRepository;
import dev.warden.persistence.org.MariaDbOrganizationRepository;
import dev.warden.persistence.serviceuser.MariaDbServiceUserRepository;
import dev.warden.persistence.token.MariaDbPersonalAccessTokenRepository;
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
import java.util.List;
import java.util.logging.Logger;

/**
 * The composition root: configuration → database → repositories → hasher, cache, clock, ids →
 * verifiers (through the extension point) → services → routes → server. Nothing else constructs
 * services or adapters.
 */
public final class Wiring implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Wiring.class.getName());

    private final Database database;
    private final Argon2SecretHasher hasher;
    private final WebServer server;
    private final FirstInstanceResult firstInstance;

    private Wiring(Database database, Argon2SecretHasher hasher, WebServer server, FirstInstanceResult firstInstance) {
        this.database = database;
        this.hasher = hasher;
        this.server = server;
        this.firstInstance = firstInstance;
    }

    /** Builds everything and starts the server; on failure, closes what was opened. */
    public static Wiring start(WardenConfig config) {
        Clock clock = Clock.systemUTC();
        IdGenerator ids = config.nodeId()
                .<IdGenerator>map(node -> new TimeOrderedIdGenerator(clock, node))
                .orElseGet(() -> TimeOrderedIdGenerator.withRandomNode(clock));

        Database database = Database.open(databaseSettings(config));
        Argon2SecretHasher hasher = null;
        try {
            var organizations = new MariaDbOrganizationRepository(database.dbClient());
            var users = new MariaDbServiceUserRepository(database.dbClient());
            var tokens = new MariaDbPersonalAccessTokenRepository(database.dbClient());
            var memberships = new MariaDbMembershipRepository(database.dbClient());
            var instances = new MariaDbInstanceRepository(database.dbClient());
            hasher = new Argon2SecretHasher(config.argon2MemoryKib(), config.argon2Iterations(),
                    config.argon2Parallelism(), config.hashThreads(), config.hashQueue());
            var cache = new CaffeineVerifiedCredentialCache(config.tokenCacheMaxSize(), config.tokenCacheTtl(), clock);

            FirstInstanceResult firstInstance = setUpFirstInstance(config, instances.find().isEmpty(),
                    new SetUpFirstInstanceService(instances, hasher, ids, clock));

            VerifierContext verifierContext = new VerifierContext(clock, users, tokens, hasher, cache,
                    java.util.Map.of());
            List<CredentialVerifier> verifiers = AuthenticationMethods.load(config.authMethods(), verifierContext,
                    config.authSettings());
            var adapter = new HttpAdapter(
                    new AuthenticateService(verifiers),
                    new GetMyOrgService(new AccessControl(organizations, memberships, instances)));

            HttpRouting.Builder routing = HttpRouting.builder();
            WardenRouting.routing(routing, adapter);
            WebServer server = WebServer.builder()
                    .host(config.httpHost())
                    .port(config.httpPort())
                    .maxPayloadSize(config.maxPayloadBytes())
                    .routing(routing)
                    .addFeature(ObserveFeature.just(health(database)))
                    .build()
                    .start();
            if (!server.isRunning() || server.port() <= 0) {
                // Helidon logs a bind failure and returns a server that is not running; say it plainly.
                server.stop();
                throw new IllegalStateException("Cannot listen on " + config.httpHost() + ":" + config.httpPort()
                        + " (port in use or not permitted); set WARDEN_HTTP_PORT to another port");
            }
            LOG.info("Warden is ready on port " + server.port() + " (external URL " + config.externalUrl()
                    + ", database " + (config.embeddedDatabase() ? "embedded H2 in " + config.dataDir().toAbsolutePath().normalize()
                    : databaseSettings(config).redactedUrl()) + ")");
            return new Wiring(database, hasher, server, firstInstance);
        } catch (RuntimeException e) {
            if (hasher != null) {
                hasher.close();
            }
            database.close();
            throw e;
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
                    DatabaseSettings.DEFAULT_CONNECTION_TIMEOUT);
        }
        return new DatabaseSettings(config.dbUrl(), config.dbUser(), config.dbPassword(), config.dbPoolSize(),
                DatabaseSettings.DEFAULT_CONNECTION_TIMEOUT);
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

    FirstInstanceResult firstInstance() {
        return firstInstance;
    }

    @Override
    public void close() {
        server.stop();
        hasher.close();
        database.close();
    }
}
