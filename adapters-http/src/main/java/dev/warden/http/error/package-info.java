/** Error mapping: application exceptions and transport errors to the contract's error bodies. */
package dev.warden.http.error;
