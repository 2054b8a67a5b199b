/** The sealed hierarchy of expected application failures. */
package dev.warden.application.error;
