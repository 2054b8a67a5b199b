/** Stored service users. */
package dev.warden.persistence.serviceuser;
