package dev.warden.domain.key;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import static dev.warden.domain.key.TestKeys.PAIR;
import static dev.warden.domain.key.TestKeys.openSsl;
import static dev.warden.domain.key.TestKeys.privateKey;
import static dev.warden.domain.key.TestKeys.publicKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RsaKeysTest {

    // --- public keys ----------------------------------------------------------------------------

    @Test
    void publicKeyPemIsPkixIn64CharacterLinesAndParsesBack() {
        String pem = RsaKeys.publicKeyPem(publicKey(PAIR));

        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("\n-----END PUBLIC KEY-----\n");
        assertThat(pem.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
        assertThat(RsaKeys.parsePublicKeyPem(pem)).contains(publicKey(PAIR));
        assertThat(RsaKeys.parsePublicKeyPem(pem.getBytes(StandardCharsets.US_ASCII))).contains(publicKey(PAIR));
    }

    @Test
    void openSslPublicKeyIsReadAndWrittenBackByteForByte() {
        String pem = openSsl("pub.pem");

        RSAPublicKey key = RsaKeys.parsePublicKeyPem(pem).orElseThrow();

        assertThat(key.getModulus().bitLength()).isEqualTo(2048);
        assertThat(RsaKeys.publicKeyPem(key)).isEqualTo(pem);
    }

    @Test
    void pkixContentUnderZitadelsRsaPublicKeyLabelIsAccepted() {
        String der = Base64.getEncoder().encodeToString(publicKey(PAIR).getEncoded());

        assertThat(RsaKeys.parsePublicKeyPem("-----BEGIN RSA PUBLIC KEY-----\n" + der + "\n-----END RSA PUBLIC KEY-----\n"))
                .contains(publicKey(PAIR));
    }

    @Test
    void lineBreaksSurroundingWhitespaceAndOneLineBodiesAreAccepted() {
        String der = Base64.getEncoder().encodeToString(publicKey(PAIR).getEncoded());
        String crlf = RsaKeys.publicKeyPem(publicKey(PAIR)).replace("\n", "\r\n");

        assertThat(RsaKeys.parsePublicKeyPem("\n  " + crlf + "\n\n")).contains(publicKey(PAIR));
        assertThat(RsaKeys.parsePublicKeyPem("-----BEGIN PUBLIC KEY-----" + der + "-----END PUBLIC KEY-----"))
                .contains(publicKey(PAIR));
    }

    @Test
    void pkcs1PublicKeyIsNotPkixAndIsRefused() {
        assertThat(RsaKeys.parsePublicKeyPem(openSsl("pub_pkcs1.pem"))).isEmpty();
    }

    @Test
    void nonRsaKeysAreRefused() throws Exception {
        assertThat(RsaKeys.parsePublicKeyPem(openSsl("ec_pub.pem"))).isEmpty();

        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        String ecPem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getEncoder().encodeToString(ec.generateKeyPair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        assertThat(RsaKeys.parsePublicKeyPem(ecPem)).isEmpty();
    }

    @Test
    void privateKeysAndCertificatesAreNotPublicKeys() {
        assertThat(RsaKeys.parsePublicKeyPem(openSsl("pkcs1.pem"))).isEmpty();
        assertThat(RsaKeys.parsePublicKeyPem(openSsl("pkcs8.pem"))).isEmpty();
        String relabelled = RsaKeys.publicKeyPem(publicKey(PAIR)).replace("PUBLIC KEY", "CERTIFICATE");
        assertThat(RsaKeys.parsePublicKeyPem(relabelled)).isEmpty();
    }

    @Test
    void garbageIsEmptyNeverAnException() {
        String pem = RsaKeys.publicKeyPem(publicKey(PAIR));
        String body = pem.substring(pem.indexOf('\n') + 1, pem.indexOf("-----END"));
        String[] garbage = {
                null, "", "   ", "hello", "-----BEGIN PUBLIC KEY-----", "-----BEGIN PUBLIC KEY----------END PUBLIC KEY-----",
                "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n",
                pem.replace("-----END PUBLIC KEY-----", "-----END RSA PUBLIC KEY-----"),
                pem.substring(0, pem.length() / 2) + "\n-----END PUBLIC KEY-----\n",
                pem.replace(body, body.replace('A', '*')),
                pem.replace("-----\n", "-----\nProc-Type: 4,ENCRYPTED\n\n"),
                pem + pem,
                "junk before\n" + pem,
                pem.replace(body, body.substring(0, body.length() - 10) + "\n"),
                pem.replace(body, Base64.getMimeEncoder().encodeToString(new byte[] {0x30, 0x00}) + "\n"),
                pem.replace(body, body.replace("\n", "") + "AAAA\n"),
                "-----BEGIN PUBLIC KEY-----\n" + "A".repeat(RsaKeys.MAX_PEM_BYTES) + "\n-----END PUBLIC KEY-----\n",
        };
        for (String text : garbage) {
            assertThat(RsaKeys.parsePublicKeyPem(text)).as(String.valueOf(text)).isEmpty();
        }
        assertThat(RsaKeys.parsePublicKeyPem((byte[]) null)).isEmpty();
        assertThat(RsaKeys.parsePublicKeyPem(pem.replace("PUBLIC", "PÜBLIC").getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(RsaKeys.parsePublicKeyPem(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00})).isEmpty();
    }

    @Test
    void trailingBytesAfterTheKeyAreRefused() {
        byte[] der = publicKey(PAIR).getEncoded();
        byte[] longer = java.util.Arrays.copyOf(der, der.length + 2);

        assertThat(RsaKeys.parsePublicKeyPem(pem("PUBLIC KEY", longer))).isEmpty();
    }

    @Test
    void nonCanonicalDerIsRefused() {
        byte[] der = publicKey(PAIR).getEncoded();
        // The outer SEQUENCE's length 0x82 0x01 0x22 as 0x83 0x00 0x01 0x22: valid BER, not DER.
        assertThat(der[1]).isEqualTo((byte) 0x82);
        byte[] ber = new byte[der.length + 1];
        ber[0] = der[0];
        ber[1] = (byte) 0x83;
        ber[2] = 0;
        System.arraycopy(der, 2, ber, 3, der.length - 2);

        assertThat(RsaKeys.parsePublicKeyPem(pem("PUBLIC KEY", ber))).isEmpty();
    }

    @Test
    void acceptableSizesAre2048To16384Bits() {
        RSAPublicKey small = RsaKeys.parsePublicKeyPem(openSsl("small_pub.pem")).orElseThrow();

        assertThat(small.getModulus().bitLength()).isEqualTo(1024);
        assertThat(RsaKeys.hasAcceptableSize(small)).isFalse();
        assertThat(RsaKeys.hasAcceptableSize(publicKey(PAIR))).isTrue();
        assertThat(RsaKeys.hasAcceptableSize(publicKey(TestKeys.generate(3072)))).isTrue();
    }

    // --- private keys ---------------------------------------------------------------------------

    @Test
    void privateKeyPemIsPkcs1AndParsesBackToTheSameKey() {
        String pem = RsaKeys.privateKeyPkcs1Pem(privateKey(PAIR));

        assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----\n").endsWith("\n-----END RSA PRIVATE KEY-----\n");
        assertThat(pem.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(64));
        RSAPrivateCrtKey parsed = RsaKeys.parsePrivateKeyPkcs1Pem(pem).orElseThrow();
        assertThat(parsed.getEncoded()).isEqualTo(privateKey(PAIR).getEncoded());
        assertThat(parsed.getModulus()).isEqualTo(publicKey(PAIR).getModulus());
    }

    @Test
    void conversionsMatchOpenSslInBothDirections() {
        byte[] pkcs1 = body(openSsl("pkcs1.pem"));
        byte[] pkcs8 = body(openSsl("pkcs8.pem"));

        assertThat(RsaKeys.pkcs1FromPkcs8(pkcs8)).isEqualTo(pkcs1);
        assertThat(RsaKeys.pkcs8FromPkcs1(pkcs1)).isEqualTo(pkcs8);
        RSAPrivateCrtKey key = RsaKeys.parsePrivateKeyPkcs1Pem(openSsl("pkcs1.pem")).orElseThrow();
        assertThat(RsaKeys.privateKeyPkcs1Pem(key)).isEqualTo(openSsl("pkcs1.pem"));
        assertThat(key.getModulus()).isEqualTo(RsaKeys.parsePublicKeyPem(openSsl("pub.pem")).orElseThrow().getModulus());
    }

    @Test
    void pkcs1PrivateKeyHoldsVersionZeroAndTheEightValuesOfTheKey() {
        RSAPrivateCrtKey key = privateKey(PAIR);
        Der.Reader outer = new Der.Reader(RsaKeys.pkcs1FromPkcs8(key.getEncoded()));
        Der.Reader values = outer.nested(Der.SEQUENCE);

        assertThat(new java.math.BigInteger(values.next(Der.INTEGER))).isZero();
        assertThat(new java.math.BigInteger(values.next(Der.INTEGER))).isEqualTo(key.getModulus());
        assertThat(new java.math.BigInteger(values.next(Der.INTEGER))).isEqualTo(key.getPublicExponent());
        assertThat(new java.math.BigInteger(values.next(Der.INTEGER))).isEqualTo(key.getPrivateExponent());
        assertThat(new java.math.BigInteger(values.next(Der.INTEGER))).isEqualTo(key.getPrimeP());
        assertThat(new java.math.BigInteger(values.next(Der.INTEGER))).isEqualTo(key.getPrimeQ());
        assertThat(new java.math.BigInteger(values.next(Der.INTEGER))).isEqualTo(key.getPrimeExponentP());
        assertThat(new java.math.BigInteger(values.next(Der.INTEGER))).isEqualTo(key.getPrimeExponentQ());
        assertThat(new java.math.BigInteger(values.next(Der.INTEGER))).isEqualTo(key.getCrtCoefficient());
        assertThat(values.atEnd()).isTrue();
        assertThat(outer.atEnd()).isTrue();
    }

    @Test
    void keyReadFromItsPkcs1PemSignsWhatThePublicKeyVerifies() throws Exception {
        RSAPrivateCrtKey parsed = RsaKeys.parsePrivateKeyPkcs1Pem(RsaKeys.privateKeyPkcs1Pem(privateKey(PAIR)))
                .orElseThrow();
        byte[] message = "header.payload".getBytes(StandardCharsets.US_ASCII);

        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(parsed);
        signer.update(message);
        byte[] signature = signer.sign();

        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(RsaKeys.parsePublicKeyPem(RsaKeys.publicKeyPem(publicKey(PAIR))).orElseThrow());
        verifier.update(message);
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void malformedPrivateKeysAreEmptyOrRefused() {
        String pem = RsaKeys.privateKeyPkcs1Pem(privateKey(PAIR));

        assertThat(RsaKeys.parsePrivateKeyPkcs1Pem(null)).isEmpty();
        assertThat(RsaKeys.parsePrivateKeyPkcs1Pem(openSsl("pkcs8.pem"))).isEmpty();
        assertThat(RsaKeys.parsePrivateKeyPkcs1Pem(pem.replace("RSA PRIVATE KEY", "PRIVATE KEY"))).isEmpty();
        assertThat(RsaKeys.parsePrivateKeyPkcs1Pem(pem("RSA PRIVATE KEY", publicKey(PAIR).getEncoded()))).isEmpty();
        assertThat(RsaKeys.parsePrivateKeyPkcs1Pem(pem("RSA PRIVATE KEY", new byte[] {0x30, 0x03, 0x02, 0x01, 0x00})))
                .isEmpty();

        byte[] pkcs8 = privateKey(PAIR).getEncoded();
        assertThatThrownBy(() -> RsaKeys.pkcs1FromPkcs8(java.util.Arrays.copyOf(pkcs8, pkcs8.length + 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RsaKeys.pkcs1FromPkcs8(java.util.Arrays.copyOf(pkcs8, pkcs8.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RsaKeys.pkcs1FromPkcs8(publicKey(PAIR).getEncoded()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RsaKeys.pkcs1FromPkcs8(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void derLengthsUseTheShortestForm() {
        assertThat(Der.length(0)).containsExactly(0x00);
        assertThat(Der.length(127)).containsExactly(0x7f);
        assertThat(Der.length(128)).containsExactly(0x81, 0x80);
        assertThat(Der.length(255)).containsExactly(0x81, 0xff);
        assertThat(Der.length(256)).containsExactly(0x82, 0x01, 0x00);
        assertThat(Der.length(70_000)).containsExactly(0x83, 0x01, 0x11, 0x70);
        for (int length : new int[] {0, 1, 127, 128, 255, 256, 1190, 65_535, 65_536}) {
            byte[] element = Der.element(Der.OCTET_STRING, new byte[length]);
            Der.Reader reader = new Der.Reader(element);
            assertThat(reader.next(Der.OCTET_STRING)).hasSize(length);
            assertThat(reader.atEnd()).isTrue();
        }
    }

    @Test
    void derReaderRefusesIndefiniteOverlongAndPaddedLengths() {
        byte[][] refused = {
                {0x04, (byte) 0x80, 0x00, 0x00},       // indefinite length (BER)
                {0x04, (byte) 0x81, 0x05, 1, 2, 3, 4, 5}, // long form for a short length
                {0x04, (byte) 0x82, 0x00, (byte) 0x80}, // leading zero byte
                {0x04, 0x05, 1, 2},                     // longer than the input
                {0x04},                                 // no length
                {0x02, 0x01, 0x00},                     // another tag
        };
        for (byte[] der : refused) {
            assertThatThrownBy(() -> new Der.Reader(der).next(Der.OCTET_STRING))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] body(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(base64);
    }
}
