/**
 * What every answer of the HTTP listener carries and what Helidon answers by itself: the security
 * headers, JSON answers for transport errors (malformed request line or headers, limits exceeded)
 * and the listener's size limits.
 */
package dev.warden.http.transport;
