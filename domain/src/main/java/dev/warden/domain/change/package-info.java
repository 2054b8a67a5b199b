/** The change feed: what nodes tell each other so that revocations and state changes reach every cache. */
package dev.warden.domain.change;
