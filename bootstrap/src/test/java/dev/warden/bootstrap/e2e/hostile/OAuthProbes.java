package dev.warden.bootstrap.e2e.hostile;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.warden.domain.key.RsaKeys;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Abuse of the OAuth endpoints: the token endpoint, introspection, revocation and userinfo with
 * missing, duplicated or malformed parameters, wrong content types, several client
 * authentications at once, unknown grants, and forged JWT-profile assertions (security decision
 * 4: {@code alg=none}, HMAC keyed with the public key, expired, issued in the future, for another
 * audience, replayed, oversized, with {@code jwk}/{@code jku}/{@code x5u}/{@code crit} headers).
 * No token is issued to any of them.
 */
final class OAuthProbes {

    static final String FAMILY = "OAuth endpoints";
    private static final String TOKEN = "/oauth/v2/token";
    private static final String INTROSPECT = "/oauth/v2/introspect";
    private static final String REVOKE = "/oauth/v2/revoke";
    private static final String USERINFO = "/oidc/v1/userinfo";
    private static final String CLIENT_CREDENTIALS = "grant_type=client_credentials&scope=openid";
    private static final String JWT_BEARER = "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer"
            + "&scope=openid&assertion=";

    private final HostileServer server;
    private final String basicUser;
    private final String basicApp;

    private OAuthProbes(HostileServer server) {
        this.server = server;
        this.basicUser = basic(server.userName, server.userSecret);
        this.basicApp = basic(server.appClientId, server.appSecret);
    }

    static List<Probe> probes(HostileServer server) throws Exception {
        return new OAuthProbes(server).all();
    }

    private List<Probe> all() throws Exception {
        List<Probe> probes = new ArrayList<>();
        probes.addAll(tokenEndpoint());
        probes.addAll(assertions());
        probes.addAll(introspection());
        probes.addAll(revocationAndUserInfo());
        return probes;
    }

    private List<Probe> tokenEndpoint() {
        String post = "grant_type=client_credentials&client_id=" + server.userName + "&client_secret=" + server.userSecret;
        return List.of(
                refused("no content type", RawHttp.Request.of("POST", TOKEN).body(bytes(CLIENT_CREDENTIALS))
                        .header("Authorization", basicUser), 400),
                refused("JSON instead of a form", RawHttp.Request.of("POST", TOKEN).header("Authorization", basicUser)
                        .json("{\"grant_type\":\"client_credentials\"}"), 400),
                refused("text/plain", RawHttp.Request.of("POST", TOKEN).header("Authorization", basicUser)
                        .header("Content-Type", "text/plain").body(bytes(CLIENT_CREDENTIALS)), 400),
                refused("multipart", RawHttp.Request.of("POST", TOKEN).header("Authorization", basicUser)
                        .header("Content-Type", "multipart/form-data; boundary=x").body(bytes(CLIENT_CREDENTIALS)), 400),
                refused("empty body", form(TOKEN, "").header("Authorization", basicUser), 400),
                refused("grant_type password", form(TOKEN, "grant_type=password&username=a&password=b")
                        .header("Authorization", basicUser), 400),
                refused("grant_type authorization_code", form(TOKEN, "grant_type=authorization_code&code=x")
                        .header("Authorization", basicUser), 400),
                refused("grant_type refresh_token", form(TOKEN, "grant_type=refresh_token&refresh_token=x")
                        .header("Authorization", basicUser), 400),
                refused("grant_type with a control character", form(TOKEN, "grant_type=%01%7f")
                        .header("Authorization", basicUser), 400),
                refused("grant_type sent twice", form(TOKEN, CLIENT_CREDENTIALS + "&grant_type=client_credentials")
                        .header("Authorization", basicUser), 400),
                refused("scope sent twice", form(TOKEN, CLIENT_CREDENTIALS + "&scope=profile")
                        .header("Authorization", basicUser), 400),
                refused("client_id sent twice", form(TOKEN, post + "&client_id=" + server.userName), 400),
                refused("client_secret sent twice", form(TOKEN, post + "&client_secret=x"), 400),
                refused("Basic and client_secret", form(TOKEN, CLIENT_CREDENTIALS + "&client_secret="
                        + server.userSecret).header("Authorization", basicUser), 401),
                refused("Basic and client_assertion", form(TOKEN, CLIENT_CREDENTIALS + "&client_assertion=a.b.c"
                        + "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer")
                        .header("Authorization", basicUser), 401),
                refused("client_secret and client_assertion", form(TOKEN, post + "&client_assertion=a.b.c"
                        + "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"), 400),
                refused("client_assertion of another type", form(TOKEN, CLIENT_CREDENTIALS + "&client_assertion=a.b.c"
                        + "&client_assertion_type=password"), 400),
                refused("client_assertion_type alone", form(TOKEN, CLIENT_CREDENTIALS
                        + "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"), 400),
                refused("Basic not base64", form(TOKEN, CLIENT_CREDENTIALS).header("Authorization", "Basic !!!"), 401),
                refused("Basic without a colon", form(TOKEN, CLIENT_CREDENTIALS).header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(server.userName.getBytes(StandardCharsets.UTF_8))), 401),
                refused("Basic of invalid UTF-8", form(TOKEN, CLIENT_CREDENTIALS).header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xC3, 0x28, ':', 'x'})), 401),
                refused("two Authorization headers", form(TOKEN, CLIENT_CREDENTIALS).header("Authorization", basicUser)
                        .header("Authorization", basicUser), 401),
                refused("Bearer instead of Basic", form(TOKEN, CLIENT_CREDENTIALS).bearer(server.admin), 401),
                refused("client_id differing from Basic", form(TOKEN, CLIENT_CREDENTIALS + "&client_id=someone-else")
                        .header("Authorization", basicUser), 401),
                refused("wrong secret", form(TOKEN, CLIENT_CREDENTIALS)
                        .header("Authorization", basic(server.userName, "wrong")), 401),
                refused("unknown client", form(TOKEN, CLIENT_CREDENTIALS)
                        .header("Authorization", basic("nobody-" + UUID.randomUUID(), "x")), 401),
                refused("SQL in the client id", form(TOKEN, CLIENT_CREDENTIALS)
                        .header("Authorization", basic("x' OR '1'='1", "x' OR '1'='1")), 401),
                refused("client_secret without client_id", form(TOKEN, CLIENT_CREDENTIALS + "&client_secret=x"), 400),
                refused("no client authentication", form(TOKEN, CLIENT_CREDENTIALS), 400, 401),
                refused("invalid percent-encoding", form(TOKEN, "grant_type=client%zzcredentials")
                        .header("Authorization", basicUser), 400),
                refused("truncated percent-encoding", form(TOKEN, "grant_type=client_credentials%2")
                        .header("Authorization", basicUser), 400),
                refused("invalid UTF-8 in the form", RawHttp.Request.of("POST", TOKEN).header("Authorization", basicUser)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .body(new byte[] {'g', 'r', 'a', 'n', 't', '_', 't', 'y', 'p', 'e', '=', (byte) 0xFF}), 400),
                refused("percent-encoded invalid UTF-8", form(TOKEN, "grant_type=%C3%28").header("Authorization",
                        basicUser), 400),
                refused("a body over the limit", form(TOKEN, CLIENT_CREDENTIALS + "&x="
                        + "a".repeat(BodyProbes.LIMIT)).header("Authorization", basicUser), 413),
                refused("a 10 MB body, chunked", form(TOKEN, CLIENT_CREDENTIALS + "&x=" + "a".repeat(10_000_000))
                        .inChunks().header("Authorization", basicUser), 413),
                Probe.oauth(FAMILY, "token: valid client credentials", form(TOKEN, CLIENT_CREDENTIALS)
                        .header("Authorization", basicUser), 200)
                        .and(answer -> assertThat(HostileServer.json(answer).at("/access_token").asText())
                                .startsWith("wdn_at_")));
    }

    private List<Probe> assertions() throws Exception {
        Instant now = Instant.now();
        String user = server.ids.get("user");
        RSAKey attacker = new RSAKeyGenerator(2048).keyID(server.userKeyId).generate();
        RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                new RSAPublicKeySpec(server.userKey.getModulus(), server.userKey.getPublicExponent()));
        JWTClaimsSet valid = claims(user, now, now.plusSeconds(300)).build();

        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(server.userKeyId).build(), valid);
        hmac.sign(new MACSigner(RsaKeys.publicKeyPem(publicKey).getBytes(StandardCharsets.US_ASCII)));
        SignedJWT hmacDer = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(server.userKeyId).build(),
                valid);
        hmacDer.sign(new MACSigner(publicKey.getEncoded()));
        String once = sign(header().build(), claims(user, now, now.plusSeconds(300)).build());

        List<Probe> probes = new ArrayList<>();
        probes.add(grant("no assertion", JWT_BEARER.replace("&assertion=", ""), 400));
        probes.add(grant("assertion sent twice", JWT_BEARER + once + "&assertion=" + once, 400));
        probes.add(grant("not a JWT", JWT_BEARER + "not-a-jwt", 400));
        probes.add(grant("five parts (JWE-shaped)", JWT_BEARER + "a.b.c.d.e", 400));
        probes.add(grant("empty parts", JWT_BEARER + "..", 400));
        probes.add(grant("alg none", JWT_BEARER + new PlainJWT(valid).serialize(), 400));
        probes.add(grant("alg none with a signature", JWT_BEARER + withHeader(once,
                "{\"alg\":\"none\",\"kid\":\"" + server.userKeyId + "\"}"), 400));
        probes.add(grant("alg NONE", JWT_BEARER + withHeader(once, "{\"alg\":\"NONE\"}"), 400));
        probes.add(grant("HS256 keyed with the public key PEM", JWT_BEARER + hmac.serialize(), 400));
        probes.add(grant("HS256 keyed with the public key DER", JWT_BEARER + hmacDer.serialize(), 400));
        probes.add(grant("RS256 header over a PS256 signature", JWT_BEARER + withHeader(once,
                "{\"alg\":\"PS256\",\"kid\":\"" + server.userKeyId + "\"}"), 400));
        probes.add(grant("expired", JWT_BEARER + sign(header().build(),
                claims(user, now.minusSeconds(900), now.minusSeconds(600)).build()), 400));
        probes.add(grant("iat in the future", JWT_BEARER + sign(header().build(),
                claims(user, now.plusSeconds(600), now.plusSeconds(900)).build()), 400));
        probes.add(grant("lifetime over the maximum", JWT_BEARER + sign(header().build(),
                claims(user, now, now.plusSeconds(7200)).build()), 400));
        probes.add(grant("no exp", JWT_BEARER + sign(header().build(),
                new JWTClaimsSet.Builder(valid).expirationTime(null).build()), 400));
        probes.add(grant("wrong aud", JWT_BEARER + sign(header().build(),
                new JWTClaimsSet.Builder(valid).audience("https://elsewhere.example").jwtID(jti()).build()), 400));
        probes.add(grant("no aud", JWT_BEARER + sign(header().build(),
                new JWTClaimsSet.Builder(valid).audience((String) null).jwtID(jti()).build()), 400));
        probes.add(grant("iss of another user", JWT_BEARER + sign(header().build(),
                new JWTClaimsSet.Builder(valid).issuer("1").subject("1").jwtID(jti()).build()), 400));
        probes.add(grant("unknown kid", JWT_BEARER + sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("1").build(),
                claims(user, now, now.plusSeconds(300)).build()), 400));
        probes.add(grant("signed by another key under the right kid", JWT_BEARER + sign(attacker,
                header().build(), claims(user, now, now.plusSeconds(300)).build()), 400));
        probes.add(grant("jwk header naming the signer's own key", JWT_BEARER + sign(attacker,
                header().jwk(attacker.toPublicJWK()).build(), claims(user, now, now.plusSeconds(300)).build()), 400));
        probes.add(grant("jku header", JWT_BEARER + sign(attacker, header().jwkURL(URI.create("http://127.0.0.1:9/jwks"))
                .build(), claims(user, now, now.plusSeconds(300)).build()), 400));
        probes.add(grant("x5u header", JWT_BEARER + sign(attacker, header().x509CertURL(URI.create(
                "http://127.0.0.1:9/cert")).build(), claims(user, now, now.plusSeconds(300)).build()), 400));
        probes.add(grant("unknown crit header", JWT_BEARER + sign(header().criticalParams(Set.of("x-unknown"))
                .customParam("x-unknown", true).build(), claims(user, now, now.plusSeconds(300)).build()), 400));
        probes.add(grant("an assertion of 200 KB", JWT_BEARER + sign(header().build(),
                new JWTClaimsSet.Builder(claims(user, now, now.plusSeconds(300)).build())
                        .claim("pad", "x".repeat(200_000)).build()), 400));
        probes.add(grant("16 KB of base64 garbage", JWT_BEARER + "QUFB".repeat(4096) + ".e30.e30", 400));
        probes.add(grant("an assertion over the body limit", JWT_BEARER + "a".repeat(BodyProbes.LIMIT), 413));
        probes.add(grant("the valid assertion", JWT_BEARER + once, 200));
        probes.add(grant("the same assertion replayed", JWT_BEARER + once, 400));
        // private_key_jwt client authentication with a forged client assertion.
        probes.add(refused("client assertion with alg none", form(TOKEN, CLIENT_CREDENTIALS + "&client_assertion="
                + new PlainJWT(valid).serialize()
                + "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"), 400, 401));
        probes.add(refused("client assertion keyed with the public key", form(TOKEN, CLIENT_CREDENTIALS
                + "&client_assertion=" + hmac.serialize()
                + "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"), 400, 401));
        return probes;
    }

    /** What introspection and revocation share: the client must authenticate, and send one token. */
    private List<Probe> clientAuthenticated(String endpoint, String client, String clientId) {
        return List.of(
                refused(endpoint, "no client authentication", form(endpoint, "token=x"), 401),
                refused(endpoint, "JSON instead of a form", RawHttp.Request.of("POST", endpoint)
                        .header("Authorization", client).json("{\"token\":\"x\"}"), 400),
                refused(endpoint, "no token", form(endpoint, "").header("Authorization", client), 400),
                refused(endpoint, "token sent twice", form(endpoint, "token=a&token=b").header("Authorization", client),
                        400),
                refused(endpoint, "wrong secret", form(endpoint, "token=x")
                        .header("Authorization", basic(clientId, "wrong")), 401),
                refused(endpoint, "Bearer instead of client authentication", form(endpoint, "token=x")
                        .bearer(server.admin), 401),
                refused(endpoint, "a body over the limit", form(endpoint, "token=" + "a".repeat(BodyProbes.LIMIT))
                        .header("Authorization", client), 413));
    }

    private List<Probe> introspection() {
        List<Probe> probes = new ArrayList<>(clientAuthenticated(INTROSPECT, basicApp, server.appClientId));
        probes.addAll(List.of(
                refused(INTROSPECT, "Basic and client_secret", form(INTROSPECT, "token=x&client_secret="
                        + server.appSecret).header("Authorization", basicApp), 401),
                refused(INTROSPECT, "a service user instead of an API app", form(INTROSPECT, "token=x")
                        .header("Authorization", basicUser), 401),
                inactive("a garbage token", "token=garbage"),
                inactive("a 16 KB token", "token=" + "A".repeat(16384)),
                inactive("a token with NUL", "token=wdn_at_%00"),
                inactive("a PAT with one character changed", "token=" + mutated(server.admin)),
                inactive("SQL in the token", "token=" + URLEncoder.encode("x' OR '1'='1", StandardCharsets.UTF_8)),
                inactive("a refresh token hint", "token=garbage&token_type_hint=refresh_token")));
        return probes;
    }

    private List<Probe> revocationAndUserInfo() {
        List<Probe> probes = new ArrayList<>(clientAuthenticated(REVOKE, basicUser, server.userName));
        probes.addAll(List.of(
                Probe.oauth(FAMILY, "revoke: a garbage token (RFC 7009: 200)", form(REVOKE, "token=garbage")
                        .header("Authorization", basicUser), 200),
                refused(USERINFO, "token in the query", RawHttp.Request.of("GET", USERINFO + "?access_token=x"), 400),
                refused(USERINFO, "token in the form", form(USERINFO, "access_token=x"), 400),
                refused(USERINFO, "a garbage token", RawHttp.Request.of("GET", USERINFO).bearer("garbage"), 401),
                refused(USERINFO, "a JSON body and a garbage token", RawHttp.Request.of("POST", USERINFO)
                        .bearer("garbage").json("{}"), 401),
                refused(USERINFO, "a form body over the limit", form(USERINFO, "x=" + "a".repeat(BodyProbes.LIMIT))
                        .bearer("garbage"), 401, 413)));
        return probes;
    }

    // ---- building requests ----

    private static RawHttp.Request form(String path, String body) {
        return RawHttp.Request.of("POST", path).form(body);
    }

    private static Probe refused(String name, RawHttp.Request request, Integer... statuses) {
        return refused(TOKEN, name, request, statuses);
    }

    private static Probe refused(String endpoint, String name, RawHttp.Request request, Integer... statuses) {
        Probe probe = Probe.oauth(FAMILY, endpoint.substring(endpoint.lastIndexOf('/') + 1) + ": " + name, request,
                statuses);
        return probe.and(answer -> {
            if (answer.status() == 401 && !endpoint.equals(USERINFO)) {
                assertThat(HostileServer.json(answer).at("/error").asText()).as(name).isEqualTo("invalid_client");
            }
            assertThat(answer.text()).as("no token issued to %s", name).doesNotContain("\"access_token\":");
        });
    }

    private Probe grant(String name, String body, Integer... statuses) {
        Probe probe = Probe.oauth(FAMILY, "token, JWT profile: " + name, form(TOKEN, body), statuses);
        if (statuses.length == 1 && statuses[0] == 400) {
            return probe.and(answer -> assertThat(HostileServer.json(answer).at("/error").asText()).as(name)
                    .isIn("invalid_grant", "invalid_request"));
        }
        return probe;
    }

    private Probe inactive(String name, String body) {
        return Probe.oauth(FAMILY, "introspect: " + name + " is inactive", form(INTROSPECT, body)
                .header("Authorization", basicApp), 200)
                .and(answer -> assertThat(answer.text()).isEqualTo("{\"active\":false}"));
    }

    private JWTClaimsSet.Builder claims(String user, Instant iat, Instant exp) {
        return new JWTClaimsSet.Builder().issuer(user).subject(user).audience(HostileServer.ISSUER)
                .issueTime(Date.from(iat)).expirationTime(Date.from(exp)).jwtID(jti());
    }

    private JWSHeader.Builder header() {
        return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(server.userKeyId);
    }

    private String sign(JWSHeader header, JWTClaimsSet claims) throws JOSEException {
        return sign(new RSASSASigner(server.userKey), header, claims);
    }

    private static String sign(RSAKey key, JWSHeader header, JWTClaimsSet claims) throws JOSEException {
        return sign(new RSASSASigner(key), header, claims);
    }

    private static String sign(RSASSASigner signer, JWSHeader header, JWTClaimsSet claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    /** The JWT with its header replaced and its signature kept. */
    private static String withHeader(String jwt, String headerJson) {
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(headerJson.getBytes(StandardCharsets.UTF_8));
        return encoded + jwt.substring(jwt.indexOf('.'));
    }

    private static String jti() {
        return UUID.randomUUID().toString();
    }

    private static String mutated(String token) {
        int middle = token.length() / 2;
        return token.substring(0, middle) + (token.charAt(middle) == 'A' ? 'B' : 'A') + token.substring(middle + 1);
    }

    private static String basic(String id, String secret) {
        String pair = URLEncoder.encode(id, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
