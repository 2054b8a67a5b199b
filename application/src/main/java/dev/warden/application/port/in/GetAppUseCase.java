package dev.warden.application.port.in;

/** Driving port: Reads an application of a project. */
public interface GetAppUseCase {
    ApiAppResult getApp(GetAppQuery query);
}
