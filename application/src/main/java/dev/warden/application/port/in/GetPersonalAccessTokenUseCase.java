package dev.warden.application.port.in;

/** Driving port: one PAT's metadata. */
public interface GetPersonalAccessTokenUseCase {
    PersonalAccessTokenResult getPersonalAccessToken(GetPersonalAccessTokenQuery query);
}
