/**
 * The OAuth 2.0 endpoints' shared HTTP plumbing: strict form parsing, client authentication
 * parsing (RFC 6749 §2.3, RFC 7523) and OAuth-shaped error and success responses (RFC 6749 §5).
 */
package dev.warden.http.oauth;
