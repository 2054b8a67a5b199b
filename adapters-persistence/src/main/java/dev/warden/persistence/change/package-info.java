/** The change feed: written in the transactions of the changes, read by every node to invalidate its caches. */
package dev.warden.persistence.change;
