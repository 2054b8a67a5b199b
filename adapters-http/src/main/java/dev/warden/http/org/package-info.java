/** Organization routes of the management API. */
package dev.warden.http.org;
