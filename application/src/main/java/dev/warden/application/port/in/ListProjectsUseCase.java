package dev.warden.application.port.in;

/** Driving port: Searches the current organization's projects. */
public interface ListProjectsUseCase {
    ProjectListResult listProjects(ListProjectsQuery query);
}
