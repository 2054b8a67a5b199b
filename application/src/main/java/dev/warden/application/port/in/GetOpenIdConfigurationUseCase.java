package dev.warden.application.port.in;

/** Driving port: the OpenID Provider metadata (discovery document) of this issuer. */
public interface GetOpenIdConfigurationUseCase {
    OpenIdConfigurationResult getOpenIdConfiguration();
}
