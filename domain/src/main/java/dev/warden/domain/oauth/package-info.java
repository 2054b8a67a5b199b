/** OAuth rules that need no I/O: assertion claims and the checks RFC 7523 and Warden's security bar ask of them. */
package dev.warden.domain.oauth;
