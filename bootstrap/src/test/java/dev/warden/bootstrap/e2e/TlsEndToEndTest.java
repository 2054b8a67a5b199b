package dev.warden.bootstrap.e2e;

import dev.warden.bootstrap.Wiring;
import dev.warden.bootstrap.config.ConfigLoader;
import dev.warden.bootstrap.config.ConfigurationException;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The HTTP listener with TLS: from PEM files and from a PKCS#12 keystore, both made here from a
 * self-signed certificate by the JDK's keytool; the API answers over HTTPS, and plain HTTP on the
 * same port gets no HTTP answer.
 */
class TlsEndToEndTest {

    private static final String STORE_PASSWORD = "keystore-pass-4711";

    @TempDir
    static Path keys;
    static Path keystore;
    static Path certificatePem;
    static Path privateKeyPem;
    static SSLContext trusting;

    @TempDir
    Path dataDir;

    @BeforeAll
    static void selfSignedCertificate() throws Exception {
        keystore = keys.resolve("warden.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "warden", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();

        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        Certificate certificate = store.getCertificate("warden");
        certificatePem = keys.resolve("chain.pem");
        privateKeyPem = keys.resolve("key.pem");
        Files.writeString(certificatePem, pem("CERTIFICATE", certificate.getEncoded()));
        Files.writeString(privateKeyPem, pem("PRIVATE KEY", privateKeyDer()));

        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("warden", certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, factory.getTrustManagers(), null);
    }

    @Test
    void pemCertificateAndKeyServeTheApiOverHttpsAndRefusePlainHttp() throws Exception {
        try (Wiring warden = start(Map.of("warden.http.tls.certificate.file", certificatePem.toString(),
                "warden.http.tls.private.key.file", privateKeyPem.toString()))) {
            String pat = Files.readString(dataDir.resolve("admin.pat")).strip();

            HttpResponse<String> me = https(warden, "/management/v1/orgs/me", pat);

            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("\"name\":\"Warden\"");
            assertThat(me.sslSession()).hasValueSatisfying(s -> assertThat(s.getProtocol()).startsWith("TLSv1."));
            assertThat(plainHttp(warden)).as("what a plain-HTTP request got back").doesNotStartWith("HTTP/");
            assertThat(https(warden, "/oauth/v2/keys", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anEncryptedPemKeyIsReadWithItsPasswordAndRefusedWithAnother() throws Exception {
        String password = "pem-key-pass-2718";
        Path encrypted = keys.resolve("encrypted-key.pem");
        Files.writeString(encrypted, pem("ENCRYPTED PRIVATE KEY", encrypt(privateKeyDer(), password)));

        try (Wiring warden = start(Map.of("warden.http.tls.certificate.file", certificatePem.toString(),
                "warden.http.tls.private.key.file", encrypted.toString(),
                "warden.http.tls.private.key.password", password))) {
            assertThat(https(warden, "/oauth/v2/keys", null).statusCode()).isEqualTo(200);
        }
        assertThatThrownBy(() -> start(Map.of("warden.http.tls.certificate.file", certificatePem.toString(),
                "warden.http.tls.private.key.file", encrypted.toString(),
                "warden.http.tls.private.key.password", "wrong-pem-pass-1414")).close())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining(encrypted.toString())
                .hasMessageNotContaining("wrong-pem-pass-1414");
    }

    @Test
    void aPkcs12KeystoreServesHttpsAndTheDefaultExternalUrlIsHttps() throws Exception {
        try (Wiring warden = start(Map.of("warden.http.tls.keystore.file", keystore.toString(),
                "warden.http.tls.keystore.password", STORE_PASSWORD))) {
            HttpResponse<String> discovery = https(warden, "/.well-known/openid-configuration", null);

            assertThat(discovery.statusCode()).isEqualTo(200);
            assertThat(discovery.body()).contains("\"issuer\":\"https://localhost:");
            assertThat(plainHttp(warden)).doesNotStartWith("HTTP/");
        }
    }

    @Test
    void aWrongKeystorePasswordStopsTheStartWithoutShowingThePassword() {
        String wrong = "not-the-password-0815";
        assertThatThrownBy(() -> start(Map.of("warden.http.tls.keystore.file", keystore.toString(),
                "warden.http.tls.keystore.password", wrong)).close())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining(keystore.toString())
                .hasMessageNotContaining(wrong);
    }

    @Test
    void pemFilesAndAKeystoreTogetherOrAMissingFileAreConfigurationErrors() {
        assertThatThrownBy(() -> config(Map.of("warden.http.tls.certificate.file", certificatePem.toString(),
                "warden.http.tls.private.key.file", privateKeyPem.toString(),
                "warden.http.tls.keystore.file", keystore.toString())))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> config(Map.of("warden.http.tls.certificate.file", certificatePem.toString())))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("WARDEN_HTTP_TLS_PRIVATE_KEY_FILE");
        assertThatThrownBy(() -> config(Map.of("warden.http.tls.keystore.file", keys.resolve("missing.p12")
                .toString()))).isInstanceOf(ConfigurationException.class).hasMessageContaining("a readable file");
    }

    @Test
    void aKeyFileThatIsNoKeyStopsTheStart() throws IOException {
        Path notAKey = keys.resolve("not-a-key.pem");
        Files.writeString(notAKey, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> start(Map.of("warden.http.tls.certificate.file", certificatePem.toString(),
                "warden.http.tls.private.key.file", notAKey.toString())).close())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining(notAKey.toString());
    }

    private Wiring start(Map<String, String> tls) {
        return Wiring.start(config(tls));
    }

    private dev.warden.bootstrap.config.WardenConfig config(Map<String, String> tls) {
        Map<String, String> settings = new HashMap<>(tls);
        settings.put("warden.http.port", "0");
        settings.put("warden.data.dir", dataDir.toString());
        settings.put("warden.db.url", "");
        return ConfigLoader.load(Config.just(ConfigSources.create(settings)));
    }

    private static HttpResponse<String> https(Wiring warden, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + warden.port() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try (HttpClient client = HttpClient.newBuilder().sslContext(trusting).build()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** What the server sends back to a plain-HTTP request on its TLS port, until it closes (at most 2 KiB). */
    private static String plainHttp(Wiring warden) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", warden.port()), 10_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /management/v1/healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try {
                return new String(socket.getInputStream().readNBytes(2048), StandardCharsets.ISO_8859_1);
            } catch (IOException reset) {
                return "(connection reset: " + reset.getMessage() + ")";
            }
        }
    }

    private static byte[] privateKeyDer() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, STORE_PASSWORD.toCharArray());
        }
        return store.getKey("warden", STORE_PASSWORD.toCharArray()).getEncoded();
    }

    /** PKCS#8 encrypted as openssl pkcs8 -topk8 -v2 aes-256-cbc does (PBES2, PBKDF2 with HMAC-SHA256, AES-256). */
    private static byte[] encrypt(byte[] pkcs8, String password) throws Exception {
        String algorithm = "PBEWithHmacSHA256AndAES_256";
        byte[] salt = new byte[16];
        byte[] iv = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        new java.security.SecureRandom().nextBytes(iv);
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance(algorithm);
        cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, javax.crypto.SecretKeyFactory.getInstance(algorithm)
                .generateSecret(new javax.crypto.spec.PBEKeySpec(password.toCharArray())),
                new javax.crypto.spec.PBEParameterSpec(salt, 10_000, new javax.crypto.spec.IvParameterSpec(iv)));
        byte[] encrypted = cipher.doFinal(pkcs8);
        // The same parameters under the name whose OID the encoding knows (PBES2).
        java.security.AlgorithmParameters pbes2 = java.security.AlgorithmParameters.getInstance("PBES2");
        pbes2.init(cipher.getParameters().getEncoded());
        return new javax.crypto.EncryptedPrivateKeyInfo(pbes2, encrypted).getEncoded();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
