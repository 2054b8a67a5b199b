package dev.warden.application.port.in;

/** Driving port: the public keys that verify Warden's tokens (the JWKS, public and unauthenticated). */
public interface GetJwksUseCase {
    JwksResult getJwks();
}
