/** Service (machine) users and their lifecycle. */
package dev.warden.domain.serviceuser;
