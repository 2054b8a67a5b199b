/** Driving adapter: {@code GET|POST /oidc/v1/userinfo} (OpenID Connect Core §5.3) for the bearer of a token. */
package dev.warden.http.userinfo;
