package dev.warden.application.port.in;

/** Driving port: Removes a project with its roles, apps, keys and grants. */
public interface RemoveProjectUseCase {
    DetailsResult removeProject(RemoveProjectCommand command);
}
