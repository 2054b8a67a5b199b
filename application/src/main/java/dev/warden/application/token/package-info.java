/** Personal access tokens: the built-in verifier, registered through the authentication extension point. */
package dev.warden.application.token;
