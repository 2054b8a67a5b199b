package dev.warden.application.port.in;

/** Driving port: Searches a project's applications. */
public interface ListAppsUseCase {
    ApiAppListResult listApps(ListAppsQuery query);
}
