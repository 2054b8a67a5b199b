/** Optimistic concurrency of the use cases that change stored records: one re-try on a conflict. */
package dev.warden.application.concurrency;
