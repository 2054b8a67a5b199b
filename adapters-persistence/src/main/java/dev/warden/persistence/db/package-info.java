/**
 * The database itself: connection pool, Flyway migrations, the Helidon {@code DbClient}, and what
 * every repository shares (row reading, transactions, list conditions and paging, translation of
 * failures into application errors).
 */
package dev.warden.persistence.db;
