/** The instance: the one-time set-up and the scope of IAM memberships. */
package dev.warden.domain.instance;
