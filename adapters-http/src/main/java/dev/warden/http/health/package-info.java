/** The management API's own liveness route; full health checks are served by the observe feature. */
package dev.warden.http.health;
