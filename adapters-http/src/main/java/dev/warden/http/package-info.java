/**
 * Driving adapter: Helidon WebServer routes for the management API, plugged onto the in-ports.
 * {@link dev.warden.http.WardenRouting#routing} is the one routing function for production and tests.
 */
package dev.warden.http;
