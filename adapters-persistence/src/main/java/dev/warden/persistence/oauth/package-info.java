/** OAuth persistence: issued access tokens, the assertion replay guard, and reading client assertions (Nimbus JOSE). */
package dev.warden.persistence.oauth;
