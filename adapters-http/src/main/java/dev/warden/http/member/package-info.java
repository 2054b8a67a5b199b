/** Member routes: organization and instance (IAM) memberships, and the roles that can be granted. */
package dev.warden.http.member;
