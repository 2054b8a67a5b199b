/** Organizations: the resource owners of users, tokens and memberships. */
package dev.warden.domain.org;
