/** Stored memberships: the roles of users on organizations and on the instance. */
package dev.warden.persistence.member;
