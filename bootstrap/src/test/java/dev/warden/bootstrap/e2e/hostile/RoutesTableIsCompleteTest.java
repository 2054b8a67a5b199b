package dev.warden.bootstrap.e2e.hostile;

import dev.warden.bootstrap.Wiring;
import dev.warden.bootstrap.config.ConfigLoader;
import dev.warden.http.RegisteredRoutes;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile-input suite probes every management and admin route: its table ({@link Routes})
 * must hold exactly the routes the real server registers there, so a new route cannot go unprobed.
 * The unauthenticated {@code healthz} is left out (no credentials, no body, nothing to attack).
 */
class RoutesTableIsCompleteTest {

    @TempDir
    Path dataDir;

    @Test
    void theTableHoldsEveryManagementAndAdminRoute() {
        Set<String> registered;
        try (Wiring warden = Wiring.start(ConfigLoader.load(Config.just(ConfigSources.create(Map.of(
                "warden.http.port", "0", "warden.http.host", "127.0.0.1", "warden.data.dir", dataDir.toString(),
                "warden.db.url", "")))))) {
            registered = warden.routes().routes().stream()
                    .filter(r -> !r.method().equals(RegisteredRoutes.ANY))
                    .filter(r -> r.path().startsWith(Routes.M + "/") || r.path().startsWith(Routes.A + "/"))
                    .filter(r -> !r.path().endsWith("/healthz"))
                    .map(r -> r.method() + " " + normalize(r.path()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> table = Routes.ALL.stream().map(r -> r.method() + " " + normalize(r.template()))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(registered).as("management and admin routes").hasSizeGreaterThan(50);
        assertThat(table).as("the hostile table against the registered routes").isEqualTo(registered);
    }

    /** Placeholder names differ ({@code {user}} here, {@code {userId}} in the endpoints, {@code {+roleKey}}). */
    private static String normalize(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }
}
