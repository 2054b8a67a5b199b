package dev.warden.application.port.in;

/**
 * Driving port: the OpenID Connect userinfo of the user an access token or PAT names (OIDC Core
 * §5.3, contract §7.4). An invalid token is an answer, not an exception.
 */
public interface GetUserInfoUseCase {

    UserInfoResult getUserInfo(GetUserInfoQuery query);
}
