/** API applications of projects (the OAuth clients that call introspection) and their keys. */
package dev.warden.domain.app;
