package dev.warden.application.port.in;

/** Driving port: Lists an application's keys. */
public interface ListAppKeysUseCase {
    AppKeyListResult listAppKeys(ListAppKeysQuery query);
}
