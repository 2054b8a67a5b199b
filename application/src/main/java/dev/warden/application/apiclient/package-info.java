/**
 * Authentication of API applications (resource servers that call introspection): client
 * secret and {@code private_key_jwt}, as methods behind the authentication extension point.
 */
package dev.warden.application.apiclient;
