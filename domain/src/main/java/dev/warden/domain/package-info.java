/**
 * Warden's domain model: pure Java value types and policies with no dependency beyond the JDK.
 * Sub-packages group the model by feature.
 */
package dev.warden.domain;
