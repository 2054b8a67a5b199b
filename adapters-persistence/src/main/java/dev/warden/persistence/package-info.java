/**
 * Driven adapters: MariaDB (or embedded H2) repositories behind the application's out-ports, the
 * change feed they write, the batching recorder of token use, the argon2id secret hasher and the
 * verified-credential cache. Grouped by feature; {@code db} holds what all repositories share.
 */
package dev.warden.persistence;
