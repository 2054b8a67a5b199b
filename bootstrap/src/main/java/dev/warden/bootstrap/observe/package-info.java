/**
 * The operators' view of a running node: the meter registry served as Prometheus text at
 * {@code /observe/metrics}, and the gauges that read the adapters' own counts (caches, hashing
 * pool, connection pool, change feed).
 */
package dev.warden.bootstrap.observe;
