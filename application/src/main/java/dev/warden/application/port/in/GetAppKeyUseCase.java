package dev.warden.application.port.in;

/** Driving port: Reads an application key's metadata. */
public interface GetAppKeyUseCase {
    AppKeyResult getAppKey(GetAppKeyQuery query);
}
