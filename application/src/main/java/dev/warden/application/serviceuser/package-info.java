/**
 * Shared rules of the user, token and client-secret use cases: finding a user or token in the
 * current organization, user field validation, the client-secret commands' errors.
 */
package dev.warden.application.serviceuser;
