package dev.warden.persistence.signing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import dev.warden.application.fakes.MutableClock;
import dev.warden.domain.change.Change;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.signing.SigningKeyInfo;
import dev.warden.persistence.db.DatabaseContract;
import dev.warden.persistence.db.Engine;
import dev.warden.persistence.db.Race;
import dev.warden.persistence.db.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredSigningKeysTest {

    private static final Duration LIFETIME = Duration.ofHours(12);

    @Nested
    class OnMariaDb extends Contract {
        OnMariaDb() {
            super(Engine.MARIADB);
        }
    }

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(Engine.H2);
        }
    }

    static KeyPair newPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    abstract static class Contract extends DatabaseContract {
        private final MasterKey masterKey = MasterKey.generate();
        private MutableClock clock;

        Contract(Engine engine) {
            super(engine);
        }

        @BeforeEach
        void emptyTable() {
            testDatabase().sql("DELETE FROM signing_keys", "DELETE FROM change_feed");
            clock = new MutableClock(Instant.parse("2026-03-29T02:30:00.123456Z"));
        }

        private StoredSigningKeys node(MasterKey key) {
            return new StoredSigningKeys(new SigningKeyStore(db(), key), TestData::nextId, clock, LIFETIME,
                    StoredSigningKeysTest::newPair);
        }

        private StoredSigningKeys started() {
            StoredSigningKeys keys = node(masterKey);
            keys.start();
            return keys;
        }

        private static String kid(String compact) throws Exception {
            return JWSObject.parse(compact).getHeader().getKeyID();
        }

        private String activeKid(StoredSigningKeys keys) {
            return keys.findPublished().stream().filter(SigningKeyInfo::active).findFirst().orElseThrow().kid();
        }

        private List<String> column(String sql) {
            return testDatabase().strings(sql);
        }

        @Test
        void firstStartCreatesOneActiveKeyWhosePrivateKeyIsStoredOnlySealed() {
            KeyPair pair = newPair();
            StoredSigningKeys keys = new StoredSigningKeys(new SigningKeyStore(db(), masterKey), TestData::nextId,
                    clock, LIFETIME, () -> pair);

            assertThat(keys.start()).isTrue();

            assertThat(testDatabase().count("signing_keys")).isOne();
            String stored = column("SELECT private_key FROM signing_keys").getFirst();
            String pkcs8 = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
            assertThat(stored).doesNotContain(pkcs8.substring(40, 80)).doesNotContain("PRIVATE");
            byte[] sealedBytes = Base64.getDecoder().decode(stored);
            assertThat(new String(sealedBytes, StandardCharsets.ISO_8859_1))
                    .doesNotContain(new String(pair.getPrivate().getEncoded(), StandardCharsets.ISO_8859_1)
                            .substring(40, 80));
            assertThat(keys.publishedKeys()).singleElement().satisfies(jwk ->
                    assertThat(jwk.get("n")).isEqualTo(Base64URL.encode(
                            ((RSAPublicKey) pair.getPublic()).getModulus().toByteArray()[0] == 0
                                    ? java.util.Arrays.copyOfRange(((RSAPublicKey) pair.getPublic()).getModulus()
                                    .toByteArray(), 1, 257) : ((RSAPublicKey) pair.getPublic()).getModulus()
                                    .toByteArray()).toString()));
        }

        @Test
        void es256KeysSignVerifyAndArePublishedAsP256JwksMembers() throws Exception {
            StoredSigningKeys keys = new StoredSigningKeys(new SigningKeyStore(db(), masterKey), TestData::nextId,
                    clock, LIFETIME, SigningAlgorithm.ES256);
            keys.start();

            String token = keys.sign(Map.of("sub", "42"));

            JWSHeader header = JWSObject.parse(token).getHeader();
            assertThat(header.getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
            assertThat(keys.verify(token)).hasValueSatisfying(claims -> assertThat(claims).containsEntry("sub", "42"));
            assertThat(column("SELECT algorithm FROM signing_keys")).containsExactly("ES256");
            assertThat(keys.publishedKeys()).singleElement().satisfies(jwk -> {
                assertThat(jwk).containsEntry("kty", "EC").containsEntry("crv", "P-256").containsEntry("alg", "ES256")
                        .containsEntry("use", "sig").containsKeys("x", "y", "kid").doesNotContainKey("d");
            });
            assertThat(keys.publishedAlgorithms()).containsExactly("ES256");
            StoredSigningKeys other = node(masterKey);
            other.start();
            assertThat(other.verify(token)).as("another node loads the EC key from the table").isPresent();
        }

        @Test
        void switchingToEs256KeepsTheRs256TokensValidUntilTheirKeyRetires() throws Exception {
            StoredSigningKeys rsa = started();
            String rsaToken = rsa.sign(Map.of("sub", "1"));
            StoredSigningKeys ec = new StoredSigningKeys(new SigningKeyStore(db(), masterKey), TestData::nextId,
                    clock, LIFETIME, SigningAlgorithm.ES256);
            ec.start();
            assertThat(ec.sign(Map.of("sub", "2"))).as("a start keeps the active key, whatever is configured")
                    .satisfies(t -> assertThat(JWSObject.parse(t).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256));

            ec.rotate();
            String ecToken = ec.sign(Map.of("sub", "2"));

            assertThat(JWSObject.parse(ecToken).getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
            assertThat(ec.verify(rsaToken)).isPresent();
            assertThat(ec.verify(ecToken)).isPresent();
            assertThat(ec.publishedAlgorithms()).containsExactly("ES256", "RS256");
            rsa.reload();
            assertThat(rsa.verify(ecToken)).as("a node configured for RS256 verifies the other node's ES256 tokens").isPresent();
        }

        @Test
        void aTokenIsVerifiedOnlyWithTheAlgorithmOfTheKeyItsKidNames() throws Exception {
            StoredSigningKeys ec = new StoredSigningKeys(new SigningKeyStore(db(), masterKey), TestData::nextId,
                    clock, LIFETIME, SigningAlgorithm.ES256);
            ec.start();
            String kid = activeKid(ec);
            KeyPair attacker = newPair();
            JWSObject rs256WithEcKid = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                    new Payload(Map.of("sub", "1")));
            rs256WithEcKid.sign(new RSASSASigner(attacker.getPrivate()));
            String ecToken = ec.sign(Map.of("sub", "1"));
            String[] parts = ecToken.split("\\.");
            String es384Header = Base64URL.encode(
                    ("{\"alg\":\"ES384\",\"kid\":\"" + kid + "\"}").getBytes(StandardCharsets.UTF_8)).toString();

            assertThat(ec.verify(rs256WithEcKid.serialize())).isEmpty();
            assertThat(ec.verify(es384Header + "." + parts[1] + "." + parts[2])).isEmpty();
            assertThat(ec.verify(ecToken)).isPresent();
        }

        @Test
        void aLaterStartLoadsTheStoredKeyInsteadOfCreatingOne() {
            StoredSigningKeys first = started();
            StoredSigningKeys second = node(masterKey);

            assertThat(second.start()).isFalse();

            assertThat(testDatabase().count("signing_keys")).isOne();
            assertThat(activeKid(second)).isEqualTo(activeKid(first));
            assertThat(second.verify(first.sign(Map.of("sub", "1")))).isPresent();
        }

        @Test
        void nodesStartingTogetherEndWithOneActiveKeyAndAllSignWithIt() throws Exception {
            List<StoredSigningKeys> nodes = List.of(node(masterKey), node(masterKey), node(masterKey),
                    node(masterKey));
            List<Supplier<Boolean>> starts = new ArrayList<>();
            nodes.forEach(n -> starts.add(n::start));

            List<Boolean> created = Race.run(starts);

            assertThat(created).containsOnlyOnce(true);
            assertThat(testDatabase().count("signing_keys")).isOne();
            Set<String> kids = new HashSet<>();
            for (StoredSigningKeys n : nodes) {
                kids.add(kid(n.sign(Map.of("sub", "1"))));
            }
            assertThat(kids).hasSize(1);
        }

        @Test
        void anotherMasterKeyStopsTheStartWithAClearError() {
            started();

            assertThatThrownBy(() -> node(MasterKey.generate()).start())
                    .isInstanceOf(MasterKey.SealedKeyException.class).hasMessageContaining("master key");
        }

        @Test
        void aTamperedSealedKeyStopsTheStart() {
            started();
            String stored = column("SELECT private_key FROM signing_keys").getFirst();
            byte[] bytes = Base64.getDecoder().decode(stored);
            bytes[bytes.length - 5] ^= 1;
            testDatabase().sql("UPDATE signing_keys SET private_key = '" + Base64.getEncoder().encodeToString(bytes)
                    + "'");

            assertThatThrownBy(() -> node(masterKey).start()).isInstanceOf(MasterKey.SealedKeyException.class);
        }

        @Test
        void theJwksHasPublicMembersOnly() {
            StoredSigningKeys keys = started();
            keys.rotate();

            assertThat(keys.publishedKeys()).hasSize(2).allSatisfy(jwk -> {
                assertThat(jwk).containsOnlyKeys("kty", "use", "kid", "alg", "n", "e");
                assertThat(jwk).containsEntry("kty", "RSA").containsEntry("use", "sig").containsEntry("alg", "RS256")
                        .doesNotContainKeys("d", "p", "q", "dp", "dq", "qi");
            });
        }

        @Test
        void signedClaimsVerifyWithTheirTypesAndTheHeaderNamesTheKey() throws Exception {
            StoredSigningKeys keys = started();
            Map<String, Object> claims = Map.of("iss", "https://warden.example", "exp", 1_900_000_000L,
                    "active", true, "aud", List.of("a", "b"), "nested", Map.of("k", "v"));

            String compact = keys.sign(claims);

            JWSHeader header = JWSObject.parse(compact).getHeader();
            assertThat(header.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
            assertThat(header.getType()).isEqualTo(JOSEObjectType.JWT);
            assertThat(header.getKeyID()).isEqualTo(activeKid(keys));
            assertThat(keys.verify(compact)).contains(claims);
        }

        @Test
        void forgedOrMalformedTokensAreRefusedWithoutThrowing() throws Exception {
            StoredSigningKeys keys = started();
            String kid = activeKid(keys);
            String good = keys.sign(Map.of("sub", "1"));
            String[] parts = good.split("\\.");
            String claimsOfAdmin = Base64URL.encode("{\"sub\":\"admin\"}").toString();
            RSAPublicKey publicKey = (RSAPublicKey) RSAKey.parse(keys.publishedKeys().getFirst()).toPublicKey();

            String none = Base64URL.encode("{\"alg\":\"none\",\"kid\":\"" + kid + "\"}") + "." + claimsOfAdmin + ".";
            JWSObject hs256 = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(kid).build(),
                    new Payload("{\"sub\":\"admin\"}"));
            hs256.sign(new MACSigner(publicKey.getEncoded()));
            KeyPair attacker = newPair();
            RSAKey attackerJwk = new RSAKey.Builder((RSAPublicKey) attacker.getPublic()).keyID(kid).build();
            JWSObject embedded = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).jwk(attackerJwk)
                    .build(), new Payload("{\"sub\":\"admin\"}"));
            embedded.sign(new RSASSASigner(attacker.getPrivate()));
            JWSObject unknownKid = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("4711").build(),
                    new Payload("{\"sub\":\"admin\"}"));
            unknownKid.sign(new RSASSASigner(attacker.getPrivate()));

            assertThat(keys.verify(good)).isPresent();
            assertThat(keys.verify(none)).as("alg none").isEmpty();
            assertThat(keys.verify(hs256.serialize())).as("HS256 keyed with the public key").isEmpty();
            assertThat(keys.verify(embedded.serialize())).as("jwk header").isEmpty();
            assertThat(keys.verify(unknownKid.serialize())).as("unknown kid").isEmpty();
            assertThat(keys.verify(parts[0] + "." + claimsOfAdmin + "." + parts[2])).as("tampered payload").isEmpty();
            assertThat(keys.verify(parts[0] + "." + parts[1] + "." + parts[2].substring(1))).isEmpty();
            for (String garbage : new String[] {null, "", ".", "..", "a.b.c", "a.b", "€.€.€", parts[0] + "..",
                    "x".repeat(StoredSigningKeys.MAX_COMPACT_LENGTH + 1)}) {
                assertThat(keys.verify(garbage)).as("garbage %s", garbage).isEmpty();
            }
        }

        @Test
        void ourOwnKeyIsRefusedWithCriticalOrKeyByReferenceHeaders() throws Exception {
            StoredSigningKeys keys = started();
            String kid = activeKid(keys);
            // Signed with the real key, so only the header rule can refuse them.
            RSASSASigner ourSigner = signerOf(keys);
            for (JWSHeader header : List.of(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).criticalParams(Set.of("exp")).build(),
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).jwkURL(java.net.URI.create("https://evil"))
                            .build(),
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).x509CertURL(java.net.URI.create("https://e"))
                            .build(),
                    new JWSHeader.Builder(JWSAlgorithm.RS256).build())) {
                JWSObject jws = new JWSObject(header, new Payload("{\"sub\":\"1\"}"));
                jws.sign(ourSigner);
                assertThat(keys.verify(jws.serialize())).as(header.toString()).isEmpty();
            }
            JWSObject plain = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(),
                    new Payload("{\"sub\":\"1\"}"));
            plain.sign(ourSigner);
            assertThat(keys.verify(plain.serialize())).as("the control: same key, clean header").isPresent();
        }

        /** A signer with the active key, taken through a node that shares the table (tests only). */
        private RSASSASigner signerOf(StoredSigningKeys keys) {
            var store = new SigningKeyStore(db(), masterKey);
            return new RSASSASigner(store.loadPublished(clock.instant()).stream()
                    .filter(k -> k.privateKey().isPresent()).findFirst().orElseThrow().privateKey().orElseThrow());
        }

        @Test
        void afterARotationNewTokensUseTheNewKeyAndOldOnesStillVerifyUntilTheyCannotBeAlive() throws Exception {
            StoredSigningKeys keys = started();
            String oldKid = activeKid(keys);
            String oldToken = keys.sign(Map.of("sub", "old"));

            SigningKeyInfo rotated = keys.rotate();

            String newToken = keys.sign(Map.of("sub", "new"));
            assertThat(kid(newToken)).isEqualTo(rotated.kid()).isNotEqualTo(oldKid);
            assertThat(keys.verify(oldToken)).isPresent();
            assertThat(keys.verify(newToken)).isPresent();
            assertThat(keys.findPublished()).extracting(SigningKeyInfo::kid).containsExactly(rotated.kid(), oldKid);
            assertThat(keys.findPublished().get(1).publishedUntil())
                    .contains(clock.instant().plus(LIFETIME).plus(StoredSigningKeys.PUBLICATION_MARGIN));
            assertThat(testDatabase().changesAbout(Long.parseLong(rotated.kid())))
                    .containsExactly(ChangeKind.SIGNING_KEYS_CHANGED.name());
            assertThat(column("SELECT private_key FROM signing_keys WHERE id = " + oldKid))
                    .as("a retired key's private key is erased").containsExactly((String) null);

            clock.advance(LIFETIME);
            assertThat(keys.verify(oldToken)).as("within the margin").isPresent();
            clock.advance(StoredSigningKeys.PUBLICATION_MARGIN);
            assertThat(keys.verify(oldToken)).isEmpty();
            assertThat(keys.publishedKeys()).extracting(k -> k.get("kid")).containsExactly(rotated.kid());
            assertThat(keys.findPublished()).extracting(SigningKeyInfo::kid).containsExactly(rotated.kid());

            keys.rotate();
            assertThat(column("SELECT id FROM signing_keys")).as("a later rotation deletes unpublished keys")
                    .hasSize(2).doesNotContain(oldKid);
        }

        @Test
        void anotherNodeLearnsTheRotationFromTheChangeFeedOrFromAnUnknownKid() {
            StoredSigningKeys one = started();
            StoredSigningKeys two = started();
            StoredSigningKeys three = started();

            SigningKeyInfo rotated = one.rotate();
            String token = one.sign(Map.of("sub", "1"));

            assertThat(two.publishedKeys()).as("not yet told").hasSize(1);
            two.changed(new Change(1, ChangeKind.SIGNING_KEYS_CHANGED, Long.parseLong(rotated.kid()), clock.instant()));
            assertThat(two.publishedKeys()).extracting(k -> k.get("kid")).first().isEqualTo(rotated.kid());
            assertThat(two.verify(token)).isPresent();
            assertThat(three.verify(token)).as("an unknown kid makes it reload").isPresent();
        }

        @Test
        void otherChangesDoNotReloadTheKeys() {
            StoredSigningKeys one = started();
            StoredSigningKeys two = started();
            one.rotate();

            two.changed(new Change(1, ChangeKind.USER_CHANGED, 1, clock.instant()));

            assertThat(two.publishedKeys()).hasSize(1);
        }
    }
}
