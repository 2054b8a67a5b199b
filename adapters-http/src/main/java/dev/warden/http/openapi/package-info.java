/** The OpenAPI description of every route Warden serves, at /openapi. */
package dev.warden.http.openapi;
