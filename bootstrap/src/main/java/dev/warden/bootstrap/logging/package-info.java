/** Logging set-up: the redaction safety net every log line passes through before it is written. */
package dev.warden.bootstrap.logging;
