import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.warden.domain.key.RsaKeys;
import dev.warden.domain.token.OpaqueToken;
import dev.warden.domain.token.TokenKind;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * The benchmark's helper, run from source with the server's jars on the class path
 * ({@code java -cp 'bootstrap/target/libs/*' bench/BenchTool.java …}); see bench/run.
 *
 * <ul>
 *   <li>{@code assertions <keyFileBase64> <audience> <count> <outFile>}: writes {@code count}
 *       RS256 client assertions (one per line, each with its own {@code jti}: the server accepts
 *       each once) signed with the private key of a key file as Warden hands it out — a service
 *       user's machine key ({@code iss} = {@code sub} = the user id) or an API app's key
 *       ({@code iss} = {@code sub} = the client id). Lifetime 50 minutes (the server's default
 *       maximum is one hour).</li>
 *   <li>{@code wrong-secret <token>}: a well-formed opaque token of the same kind and id with a
 *       different random secret and a matching CRC-32, i.e. one that passes the format check and
 *       fails only on the secret.</li>
 *   <li>{@code wrong-secrets <token> <count> <outFile>}: {@code count} such tokens, one per line.</li>
 *   <li>{@code create-pats <baseUrl> <adminPat> <userId> <count> <concurrency> <outFile>}: creates
 *       {@code count} PATs of that user through the management API and writes them, one per line.</li>
 * </ul>
 */
public final class BenchTool {

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "assertions" -> assertions(args[1], args[2], Integer.parseInt(args[3]), Path.of(args[4]));
            case "wrong-secret" -> System.out.println(wrongSecret(args[1]));
            case "wrong-secrets" -> wrongSecrets(args[1], Integer.parseInt(args[2]), Path.of(args[3]));
            case "create-pats" -> createPats(args[1], args[2], args[3], Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Path.of(args[6]));
            default -> {
                System.err.println("usage: BenchTool assertions <keyFileBase64> <audience> <count> <outFile>"
                        + " | wrong-secret <token> | wrong-secrets <token> <count> <outFile>"
                        + " | create-pats <baseUrl> <adminPat> <userId> <count> <concurrency> <outFile>");
                System.exit(2);
            }
        }
    }

    private static void wrongSecrets(String token, int count, Path out) throws Exception {
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.US_ASCII)) {
            for (int i = 0; i < count; i++) {
                writer.write(wrongSecret(token));
                writer.newLine();
            }
        }
    }

    private static final Pattern TOKEN_FIELD = Pattern.compile("\"token\"\\s*:\\s*\"(wdn_pat_[^\"]+)\"");

    /** Creates PATs through the API, {@code concurrency} requests at a time, and writes them out. */
    private static void createPats(String baseUrl, String adminPat, String userId, int count, int concurrency,
                                   Path out) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        URI uri = URI.create(baseUrl + "/management/v1/users/" + userId + "/pats");
        List<String> created = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger left = new AtomicInteger(count);
        AtomicInteger failures = new AtomicInteger();
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < concurrency; c++) {
                pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        HttpRequest request = HttpRequest.newBuilder(uri)
                                .header("Authorization", "Bearer " + adminPat)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{\"expirationDate\":\"2099-01-01T00:00:00Z\"}"))
                                .build();
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            Matcher m = TOKEN_FIELD.matcher(response.body());
                            if (response.statusCode() == 200 && m.find()) {
                                created.add(m.group(1));
                                continue;
                            }
                        } catch (Exception e) {
                            // counted below
                        }
                        if (failures.incrementAndGet() > 10) {
                            throw new IllegalStateException("PAT creation keeps failing");
                        }
                        left.incrementAndGet();
                    }
                    return null;
                });
            }
        }
        if (created.size() != count) {
            throw new IllegalStateException("created " + created.size() + " of " + count + " PATs");
        }
        Files.write(out, created, StandardCharsets.US_ASCII);
        System.err.printf("created %d PATs in %.1f s%n", count, (System.nanoTime() - t0) / 1e9);
    }

    private static String wrongSecret(String token) {
        for (TokenKind kind : TokenKind.values()) {
            var parsed = OpaqueToken.parse(kind, token);
            if (parsed.isPresent()) {
                String other;
                do {
                    other = OpaqueToken.generate(kind, parsed.get().id()).encode();
                } while (other.equals(token));
                return other;
            }
        }
        throw new IllegalArgumentException("not a Warden opaque token");
    }

    private static void assertions(String keyFileBase64, String audience, int count, Path out) throws Exception {
        Map<String, Object> keyFile = JSONObjectUtils.parse(
                new String(Base64.getDecoder().decode(keyFileBase64), StandardCharsets.UTF_8));
        String keyId = (String) keyFile.get("keyId");
        String subject = keyFile.containsKey("clientId") ? (String) keyFile.get("clientId") : (String) keyFile.get("userId");
        RSAPrivateCrtKey key = RsaKeys.parsePrivateKeyPkcs1Pem((String) keyFile.get("key"))
                .orElseThrow(() -> new IllegalArgumentException("no RSA private key in the key file"));
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(keyId).type(JOSEObjectType.JWT).build();
        Instant now = Instant.now();
        String[] lines = new String[count];
        AtomicInteger failures = new AtomicInteger();
        IntStream.range(0, count).parallel().forEach(i -> {
            try {
                JWTClaimsSet claims = new JWTClaimsSet.Builder()
                        .issuer(subject).subject(subject).audience(audience)
                        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(50 * 60)))
                        .jwtID(UUID.randomUUID().toString())
                        .build();
                SignedJWT jwt = new SignedJWT(header, claims);
                jwt.sign(new RSASSASigner(key));
                lines[i] = jwt.serialize();
            } catch (Exception e) {
                failures.incrementAndGet();
            }
        });
        if (failures.get() > 0) {
            throw new IllegalStateException(failures.get() + " assertions could not be signed");
        }
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.US_ASCII)) {
            for (String line : lines) {
                writer.write(line);
                writer.newLine();
            }
        }
    }
}
