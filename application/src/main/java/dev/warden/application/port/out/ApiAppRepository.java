package dev.warden.application.port.out;

import dev.warden.domain.app.ApiApp;
import dev.warden.domain.app.AppFilter;
import dev.warden.domain.query.Page;
import dev.warden.domain.query.PageRequest;

import java.util.List;
import java.util.Optional;

/**
 * Driven port: API applications with their secret hashes, names unique per project, client ids
 * unique. Every change writes {@code CLIENT_CHANGED} with the app id in the same transaction.
 */
public interface ApiAppRepository {

    Optional<ApiApp> findById(long id);

    /** Stores a new app; false, having stored nothing, when the project has an app of that name. */
    boolean insert(ApiApp app);

    /** Stores a changed app (name, method, state, secret) if the stored one has sequence {@code app.sequence() - 1}. */
    UpdateResult update(ApiApp app);

    /** Removes the app with its keys; false when unknown. */
    boolean remove(long appId);

    /** The project's apps matching every filter, ordered by name. */
    Page<ApiApp> search(long projectId, List<AppFilter> filters, PageRequest page);
}
