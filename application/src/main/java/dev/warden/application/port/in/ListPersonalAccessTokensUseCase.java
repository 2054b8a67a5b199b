package dev.warden.application.port.in;

/** Driving port: a user's PATs' metadata. */
public interface ListPersonalAccessTokensUseCase {
    PersonalAccessTokenListResult listPersonalAccessTokens(ListPersonalAccessTokensQuery query);
}
