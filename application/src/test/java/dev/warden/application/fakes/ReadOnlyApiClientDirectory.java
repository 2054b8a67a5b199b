package dev.warden.application.fakes;

import dev.warden.application.port.out.ApiClientDirectory;
import dev.warden.domain.token.SecretHash;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Test double of {@link ApiClientDirectory} that answers look-ups from a function (a map of apps,
 * say) and refuses writes: for tests whose hasher never asks for a rehash.
 */
public final class ReadOnlyApiClientDirectory implements ApiClientDirectory {

    private final Function<String, Optional<ApiClient>> lookup;

    public ReadOnlyApiClientDirectory(Function<String, Optional<ApiClient>> lookup) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
    }

    @Override
    public Optional<ApiClient> findByClientId(String clientId) {
        return lookup.apply(clientId);
    }

    @Override
    public boolean updateSecretHash(long appId, SecretHash expected, SecretHash replacement) {
        throw new UnsupportedOperationException("this test's directory is read-only");
    }
}
