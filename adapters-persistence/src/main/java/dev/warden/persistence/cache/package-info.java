/** In-process caches that spare the request hot path a slow hash or a database round trip. */
package dev.warden.persistence.cache;
