/**
 * In-memory fakes of the driven ports, shared with other modules' tests through the application
 * test-jar. The repositories share one {@link dev.warden.application.fakes.InMemoryDatabase}, so
 * removals cascade and uniqueness holds as in the real schema, and they write the change feed as the
 * real repositories do; {@code save(...)} bypasses every rule for test set-up. Also: a call-counting
 * hasher, a cache that honours expiry, a recording token-usage recorder and a settable clock, all
 * wired together by {@link dev.warden.application.fakes.FakePorts}.
 */
package dev.warden.application.fakes;
