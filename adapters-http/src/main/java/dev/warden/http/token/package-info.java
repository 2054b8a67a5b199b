/**
 * Personal access token routes of the management API. The token string leaves Warden exactly
 * once, in the answer to its creation; no other wire record here can carry it.
 */
package dev.warden.http.token;
