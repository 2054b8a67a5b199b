/** Instance administration routes ({@code /admin/v1}): all organizations and instance (IAM) members. */
package dev.warden.http.admin;
