/**
 * The published extension point for authentication methods: {@link
 * dev.warden.application.auth.CredentialVerifierProvider} creates a {@link
 * dev.warden.application.auth.CredentialVerifier}; the composition root loads providers with
 * ServiceLoader and enables them by configuration.
 */
package dev.warden.application.auth;
