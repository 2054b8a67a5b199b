package dev.warden.http.introspection;

import dev.warden.application.port.in.IntrospectionResult;

import java.util.Map;

/**
 * Reaches the package-private {@link IntrospectionClaims} from the benchmarks, so that they measure
 * the server's own claims map rather than a copy. Benchmark-only: this class lives in the benchmarks
 * module, which shares the package name (a split package, harmless on the class path).
 */
public final class IntrospectionClaimsAccess {

    private IntrospectionClaimsAccess() {
    }

    public static Map<String, Object> of(IntrospectionResult.ActiveTokenResult active) {
        return IntrospectionClaims.of(active);
    }

    public static Map<String, Object> inactive() {
        return IntrospectionClaims.INACTIVE;
    }
}
