/** Driven adapters of the projects feature: projects, roles, API apps, app keys, user grants, and the introspection read models. */
package dev.warden.persistence.project;
