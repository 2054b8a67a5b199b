/** Authorization of management calls: current organization and role-policy permission checks. */
package dev.warden.application.authz;
