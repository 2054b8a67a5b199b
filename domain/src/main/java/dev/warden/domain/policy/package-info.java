/** Roles, permissions and the pure policy that maps one to the other and decides access. */
package dev.warden.domain.policy;
