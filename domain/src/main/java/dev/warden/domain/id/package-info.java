/** Resource ids: 64-bit, time-ordered, unique across nodes, rendered as decimal strings. */
package dev.warden.domain.id;
