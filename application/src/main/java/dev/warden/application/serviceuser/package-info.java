/** Shared rules of the user and token use cases: finding a user or token in the current organization, user field validation. */
package dev.warden.application.serviceuser;
