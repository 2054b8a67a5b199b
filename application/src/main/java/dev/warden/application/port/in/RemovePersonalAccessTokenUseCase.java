package dev.warden.application.port.in;

/** Driving port: revoke a PAT; the next request with it is refused. */
public interface RemovePersonalAccessTokenUseCase {
    DetailsResult removePersonalAccessToken(RemovePersonalAccessTokenCommand command);
}
