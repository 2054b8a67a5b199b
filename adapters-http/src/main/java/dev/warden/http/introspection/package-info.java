/** Driving adapter: {@code POST /oauth/v2/introspect} (RFC 7662) for API applications. */
package dev.warden.http.introspection;
