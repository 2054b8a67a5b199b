/** User grants (ZITADEL's authorizations): which project roles a user holds through an organization. */
package dev.warden.domain.grant;
