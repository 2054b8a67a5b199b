/** Driving adapter: the projects, project roles, API apps, app keys and user grants routes of the management API. */
package dev.warden.http.project;
