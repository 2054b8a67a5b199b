/** The audit log of security events in the {@code audit_events} table. */
package dev.warden.persistence.audit;
