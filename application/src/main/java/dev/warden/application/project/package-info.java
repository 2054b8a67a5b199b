/** Shared rules of the project, app, key and grant use cases: look-ups in the current organization, ZITADEL's answers. */
package dev.warden.application.project;
