/** Memberships: a user's management roles on an organization or on the instance. */
package dev.warden.domain.member;
