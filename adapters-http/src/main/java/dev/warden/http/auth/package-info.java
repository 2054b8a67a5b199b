/** Request authentication: the strict Authorization header parser and the authentication handler. */
package dev.warden.http.auth;
