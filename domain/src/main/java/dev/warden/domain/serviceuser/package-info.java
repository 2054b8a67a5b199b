/** Service (machine) users, their lifecycle and their client secrets. */
package dev.warden.domain.serviceuser;
