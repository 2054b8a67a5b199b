/** The web console: its static files, served from the jar at /ui/ with a CSP of their own. */
package dev.warden.http.console;
