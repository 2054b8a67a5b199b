/**
 * In-memory fakes of the driven ports, shared with other modules' tests through the application
 * test-jar: repositories with {@code save(...)} for set-up, a call-counting hasher, a cache that
 * honours expiry, and a settable clock.
 */
package dev.warden.application.fakes;
