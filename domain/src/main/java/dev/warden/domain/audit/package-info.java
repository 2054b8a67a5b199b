/** The audit log of security events: what happened to which credential, user or role, by whom, from where. */
package dev.warden.domain.audit;
