package dev.warden.http.auth;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.ServerRequest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address of the client behind a request, as the failed-authentication limiter counts it:
 * the TCP peer, unless the peer is one of the configured trusted proxies; then {@code
 * X-Forwarded-For} is read from the right, past further trusted proxies, and the first address
 * that is not a trusted proxy is the client. A request from any other peer cannot choose its
 * address by sending the header. Addresses are IP literals only: nothing here ever asks DNS.
 */
public final class ClientAddresses {

    static final HeaderName X_FORWARDED_FOR = HeaderNames.create("X-Forwarded-For");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final List<Network> trustedProxies;

    private ClientAddresses(List<Network> trustedProxies) {
        this.trustedProxies = List.copyOf(trustedProxies);
    }

    /** No trusted proxy: the client is always the TCP peer. */
    public static ClientAddresses direct() {
        return new ClientAddresses(List.of());
    }

    /**
     * Trusts the given proxies: IP addresses or networks in CIDR notation ({@code 10.0.0.0/8},
     * {@code 2001:db8::/32}). Throws {@link IllegalArgumentException} naming an entry that is
     * neither.
     */
    public static ClientAddresses trusting(List<String> proxies) {
        List<Network> networks = new ArrayList<>();
        for (String entry : proxies) {
            networks.add(Network.parse(entry.strip())
                    .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR network: " + entry)));
        }
        return new ClientAddresses(networks);
    }

    /** Puts the client address on every request's context, for {@link #of(ServerRequest)}. */
    public Filter filter() {
        return (chain, request, response) -> {
            request.context().register(ClientAddress.class, new ClientAddress(resolve(request)));
            chain.proceed();
        };
    }

    /** The client address the filter found (the TCP peer where no filter ran); empty if unknown. */
    public static String of(ServerRequest request) {
        return request.context().get(ClientAddress.class, ClientAddress.class).map(ClientAddress::text)
                .orElseGet(() -> peer(request).map(InetAddress::getHostAddress).orElse(""));
    }

    String resolve(ServerRequest request) {
        Optional<InetAddress> peer = peer(request);
        if (peer.isEmpty()) {
            return "";
        }
        List<String> forwarded = trustedProxies.isEmpty() ? List.of()
                : request.headers().find(X_FORWARDED_FOR).map(h -> h.allValues()).orElse(List.of());
        return resolve(peer.get(), forwarded).getHostAddress();
    }

    /** Walks {@code X-Forwarded-For} from the peer leftwards while the hop it stands on is trusted. */
    InetAddress resolve(InetAddress peer, List<String> forwardedHeaders) {
        List<String> hops = new ArrayList<>();
        forwardedHeaders.forEach(line -> hops.addAll(Arrays.asList(line.split(","))));
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0 && isTrusted(client); i--) {
            Optional<InetAddress> hop = literal(hops.get(i).strip());
            if (hop.isEmpty()) {
                // Garbage left of a trusted proxy: that proxy is the last hop known for sure.
                break;
            }
            client = hop.get();
        }
        return client;
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(network -> network.contains(address));
    }

    private static Optional<InetAddress> peer(ServerRequest request) {
        SocketAddress address = request.remotePeer().address();
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return Optional.of(inet.getAddress());
        }
        return Optional.empty();
    }

    /** An IP literal (IPv6 possibly in brackets); never a host name, so no DNS lookup can happen. */
    static Optional<InetAddress> literal(String text) {
        String address = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        var v4 = IPV4.matcher(address);
        if (v4.matches()) {
            for (int group = 1; group <= 4; group++) {
                if (Integer.parseInt(v4.group(group)) > 255) {
                    return Optional.empty();
                }
            }
        } else if (address.indexOf(':') < 0 || !IPV6.matcher(address).matches()) {
            return Optional.empty();
        }
        try {
            // A literal is only parsed (an invalid IPv6 literal is refused, not looked up).
            return Optional.of(InetAddress.getByName(address));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** What the filter found, in the request context. */
    private record ClientAddress(String text) {
    }

    /** An address with a prefix length: a trusted proxy or a network of them. */
    private record Network(byte[] address, int prefix) {

        static Optional<Network> parse(String text) {
            int slash = text.indexOf('/');
            Optional<InetAddress> address = literal(slash < 0 ? text : text.substring(0, slash));
            if (address.isEmpty()) {
                return Optional.empty();
            }
            byte[] bytes = address.get().getAddress();
            int prefix = bytes.length * 8;
            if (slash >= 0) {
                String length = text.substring(slash + 1);
                if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > prefix) {
                    return Optional.empty();
                }
                prefix = Integer.parseInt(length);
            }
            return Optional.of(new Network(bytes, prefix));
        }

        boolean contains(InetAddress candidate) {
            byte[] other = candidate.getAddress();
            if (other.length != address.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (other[i] != address[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xFF << (8 - rest) & 0xFF;
            return (other[full] & mask) == (address[full] & mask);
        }
    }
}
