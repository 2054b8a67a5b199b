/**
 * Machine keys: the RSA public keys with which service users sign JWT-profile assertions, the key
 * file handed out when Warden generates the pair, and the PEM/DER conversions between the JDK's
 * encodings and the ones ZITADEL's clients expect (PKIX public keys, PKCS#1 private keys).
 */
package dev.warden.domain.key;
