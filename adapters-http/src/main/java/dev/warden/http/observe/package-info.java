/**
 * What every request leaves behind for operators: its request id (in the {@code X-Request-Id}
 * answer header, the access log and every error log line), its per-route metrics and its access
 * log line. Labels and log fields hold route templates, never raw ids or credentials.
 */
package dev.warden.http.observe;
