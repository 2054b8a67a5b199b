package dev.warden.application.port.in;

/** Driving port: issue a PAT for a service user; the token is returned only here. */
public interface AddPersonalAccessTokenUseCase {
    AddedPersonalAccessTokenResult addPersonalAccessToken(AddPersonalAccessTokenCommand command);
}
