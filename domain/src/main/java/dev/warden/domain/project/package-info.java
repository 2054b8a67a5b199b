/** Projects and their roles: what API applications belong to and what user grants hand out. */
package dev.warden.domain.project;
