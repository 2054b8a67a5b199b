package dev.warden.application.port.in;

/** Driving port: Reads a project of the current organization. */
public interface GetProjectUseCase {
    ProjectResult getProject(GetProjectQuery query);
}
