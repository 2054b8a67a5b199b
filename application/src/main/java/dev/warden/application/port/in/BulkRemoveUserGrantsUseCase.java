package dev.warden.application.port.in;

/** Driving port: Removes several grants, all or none. */
public interface BulkRemoveUserGrantsUseCase {
    DetailsResult bulkRemoveUserGrants(BulkRemoveUserGrantsCommand command);
}
