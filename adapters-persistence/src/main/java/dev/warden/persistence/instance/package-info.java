/** The instance record and its one-time, all-or-nothing set-up. */
package dev.warden.persistence.instance;
