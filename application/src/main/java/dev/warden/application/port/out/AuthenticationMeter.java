package dev.warden.application.port.out;

/**
 * Driven port: counts authentications for the operators' metrics. Every argument is one of a small
 * fixed set of values (method ids, schemes of enabled methods, outcomes): never a credential or an id.
 */
public interface AuthenticationMeter {

    /**
     * @param scheme  the credential's scheme, lower case ({@code bearer}, {@code client_secret}, …)
     * @param method  the method that verified it, or {@code none}
     * @param outcome {@code verified}, {@code rejected}, {@code unrecognized}, {@code limited},
     *                {@code unavailable} or {@code error}
     */
    void authenticated(String scheme, String method, String outcome);
}
