/**
 * Client-secret routes of the management API ({@code /users/{userId}/secret}). The secret leaves
 * Warden exactly once, in the answer to its generation; no other wire record here can carry it.
 */
package dev.warden.http.secret;
