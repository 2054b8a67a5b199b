/** Warden's own token signing keys, as the administration API describes them (never key material). */
package dev.warden.domain.signing;
