/** OAuth 2.0 orchestration shared by the token, introspection and revocation use cases and the OAuth verifiers. */
package dev.warden.application.oauth;
