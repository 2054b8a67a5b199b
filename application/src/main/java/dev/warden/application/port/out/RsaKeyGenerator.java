package dev.warden.application.port.out;

import java.security.KeyPair;

/**
 * Driven port: fresh RSA key pairs for machine keys, 2048 bits (ZITADEL's {@code MachineKeySize}),
 * the private key an {@link java.security.interfaces.RSAPrivateCrtKey}. Generating one costs tens
 * to hundreds of milliseconds of CPU, so implementations keep it off the request threads, bound
 * it, and throw {@link dev.warden.application.error.UnavailableException} when they shed load.
 */
public interface RsaKeyGenerator {

    /** The key size of every generated pair. */
    int KEY_BITS = 2048;

    KeyPair generate();
}
