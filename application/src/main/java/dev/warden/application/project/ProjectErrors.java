package dev.warden.application.project;

import dev.warden.application.error.AlreadyExistsException;
import dev.warden.application.error.NotFoundException;
import dev.warden.application.error.PreconditionFailedException;

/** ZITADEL's ids and texts of the projects feature (contract extension §2–§6). */
public final class ProjectErrors {

    /** Every unique-constraint violation (internal/eventstore/v3/unique_constraints.go). */
    public static final String UNIQUE = "V3-DKcYh";

    private ProjectErrors() {
    }

    public static NotFoundException projectNotFound(String id) {
        return new NotFoundException(id, "Project not found");
    }

    /** A project that must exist for a command (roles, apps): a precondition, 400. */
    public static PreconditionFailedException projectMissing(String id) {
        return new PreconditionFailedException(id, "Project not found");
    }

    public static AlreadyExistsException projectNameTaken() {
        return new AlreadyExistsException(UNIQUE, "Project already exists on organization");
    }

    public static NotFoundException appNotExisting(String id) {
        return new NotFoundException(id, "Application doesn't exist");
    }

    public static AlreadyExistsException appNameTaken() {
        return new AlreadyExistsException(UNIQUE, "Application already exists");
    }

    public static AlreadyExistsException roleTaken() {
        return new AlreadyExistsException(UNIQUE, "Role already exists");
    }

    public static PreconditionFailedException roleNotFound() {
        return new PreconditionFailedException("COMMAND-mm9F4", "Errors.Project.Role.NotFound");
    }

    public static NotFoundException grantNotFound(String id) {
        return new NotFoundException(id, "User grant not found");
    }
}
