/** Stored service users and their client secrets. */
package dev.warden.persistence.serviceuser;
