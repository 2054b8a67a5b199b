package dev.warden.http.auth;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientAddressesTest {

    private final ClientAddresses behindProxies = ClientAddresses.trusting(List.of("10.0.0.0/8", "192.0.2.1", "fd00::/8"));

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertThat(ClientAddresses.direct().resolve(ip("203.0.113.9"), List.of("198.51.100.1")))
                .isEqualTo(ip("203.0.113.9"));
    }

    @Test
    void anUntrustedPeerCannotChooseItsAddress() {
        assertThat(behindProxies.resolve(ip("203.0.113.9"), List.of("10.1.1.1, 198.51.100.1")))
                .isEqualTo(ip("203.0.113.9"));
    }

    @Test
    void aTrustedProxyNamesTheClient() {
        assertThat(behindProxies.resolve(ip("10.0.0.5"), List.of("198.51.100.1"))).isEqualTo(ip("198.51.100.1"));
    }

    @Test
    void theHeaderIsReadFromTheRightPastTrustedProxiesOnly() {
        // The client sent a forged first entry; the first untrusted hop from the right is the real client.
        assertThat(behindProxies.resolve(ip("10.0.0.5"), List.of("1.2.3.4, 198.51.100.1", "192.0.2.1")))
                .isEqualTo(ip("198.51.100.1"));
    }

    @Test
    void aChainOfOnlyTrustedProxiesEndsAtItsLeftmostAddress() {
        assertThat(behindProxies.resolve(ip("10.0.0.5"), List.of("10.9.9.9, 10.0.0.7"))).isEqualTo(ip("10.9.9.9"));
    }

    @Test
    void garbageOrHostNamesStopTheWalkAtTheLastTrustedHop() {
        assertThat(behindProxies.resolve(ip("10.0.0.5"), List.of("198.51.100.1, example.com")))
                .isEqualTo(ip("10.0.0.5"));
        assertThat(behindProxies.resolve(ip("10.0.0.5"), List.of("300.1.1.1"))).isEqualTo(ip("10.0.0.5"));
        assertThat(behindProxies.resolve(ip("10.0.0.5"), List.of(""))).isEqualTo(ip("10.0.0.5"));
    }

    @Test
    void ipv6HopsInBracketsOrPlainAreUnderstood() {
        assertThat(behindProxies.resolve(ip("fd00::1"), List.of("[2001:db8::1]"))).isEqualTo(ip("2001:db8::1"));
        assertThat(behindProxies.resolve(ip("fd00::1"), List.of("2001:db8::2"))).isEqualTo(ip("2001:db8::2"));
    }

    @Test
    void literalsNeverResolveHostNames() {
        assertThat(ClientAddresses.literal("localhost")).isEmpty();
        assertThat(ClientAddresses.literal("256.0.0.1")).isEmpty();
        assertThat(ClientAddresses.literal("1.2.3")).isEmpty();
        assertThat(ClientAddresses.literal("fe80::1%eth0")).isEmpty();
        assertThat(ClientAddresses.literal("::g")).isEmpty();
        assertThat(ClientAddresses.literal("127.0.0.1")).contains(ip("127.0.0.1"));
    }

    @Test
    void invalidTrustedProxiesAreRefused() {
        for (String entry : List.of("proxy.example.com", "10.0.0.0/33", "::1/129", "10.0.0.0/x", "")) {
            assertThatThrownBy(() -> ClientAddresses.trusting(List.of(entry))).as(entry)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static InetAddress ip(String literal) {
        return ClientAddresses.literal(literal).orElseThrow();
    }
}
