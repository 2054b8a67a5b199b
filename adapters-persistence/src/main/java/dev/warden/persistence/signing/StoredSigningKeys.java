package dev.warden.persistence.signing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import dev.warden.application.port.out.ChangeListener;
import dev.warden.application.port.out.SigningKeyRepository;
import dev.warden.application.port.out.SigningKeys;
import dev.warden.domain.change.Change;
import dev.warden.domain.change.ChangeKind;
import dev.warden.domain.id.IdGenerator;
import dev.warden.domain.signing.SigningKeyInfo;
import dev.warden.persistence.signing.SigningKeyStore.StoredKey;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Driven adapter: Warden's signing keys, held in memory so that signing and verifying read no
 * database. The table is read at start (creating the first key if there is none), after this
 * node's rotation, when the change feed reports another node's rotation, and — at most once per
 * second — when a token names a key id this node does not know.
 *
 * <p>Key material stays in this object: no method returns a private key, and {@link
 * #publishedKeys()} builds its members from public keys only.
 */
public final class StoredSigningKeys implements SigningKeys, SigningKeyRepository, ChangeListener {

    private static final Logger LOG = Logger.getLogger(StoredSigningKeys.class.getName());
    /** RSA modulus bits of new RS256 keys. */
    public static final int KEY_BITS = SigningAlgorithm.RSA_KEY_BITS;
    /** Added to the token lifetime: nodes learn a rotation within a poll interval, and clocks differ a little. */
    static final Duration PUBLICATION_MARGIN = Duration.ofMinutes(1);
    private static final long RELOAD_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();
    /** Longer values are not Warden's tokens; refused before any parsing work. */
    static final int MAX_COMPACT_LENGTH = 16 * 1024;

    private final SigningKeyStore store;
    private final IdGenerator ids;
    private final Clock clock;
    private final Duration longestTokenLifetime;
    private final Supplier<KeyPair> keyPairs;
    private final AtomicLong lastUnknownKidReload = new AtomicLong(System.nanoTime() - RELOAD_INTERVAL_NANOS);
    private volatile Keys keys;

    /**
     * @param longestTokenLifetime how long a token signed by a key may live: a retired key stays
     *                             published this long (plus a small margin) after the rotation
     */
    public StoredSigningKeys(SigningKeyStore store, IdGenerator ids, Clock clock, Duration longestTokenLifetime) {
        this(store, ids, clock, longestTokenLifetime, SigningAlgorithm.RS256);
    }

    /**
     * New keys (the first one, and every rotation) are made for {@code algorithm}; keys of another
     * algorithm stay published and verifiable until they retire, so the setting can change at any time.
     */
    public StoredSigningKeys(SigningKeyStore store, IdGenerator ids, Clock clock, Duration longestTokenLifetime,
                             SigningAlgorithm algorithm) {
        this(store, ids, clock, longestTokenLifetime, algorithm::generateKeyPair);
    }

    StoredSigningKeys(SigningKeyStore store, IdGenerator ids, Clock clock, Duration longestTokenLifetime,
                      Supplier<KeyPair> keyPairs) {
        this.store = Objects.requireNonNull(store, "store");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keyPairs = Objects.requireNonNull(keyPairs, "keyPairs");
        if (longestTokenLifetime.isNegative() || longestTokenLifetime.isZero()) {
            throw new IllegalArgumentException("the longest token lifetime must be positive");
        }
        this.longestTokenLifetime = longestTokenLifetime;
    }

    /**
     * Loads the keys, creating the first one if there is none; race-safe across nodes starting
     * together (one insert wins, the others load it). Fails with a {@link MasterKey.SealedKeyException}
     * when the master key cannot open the active key.
     *
     * @return whether this call created the first key
     */
    public boolean start() {
        List<StoredKey> stored = store.loadPublished(clock.instant());
        boolean created = false;
        if (stored.stream().noneMatch(k -> k.privateKey().isPresent())) {
            created = store.insertFirst(ids.nextId(), keyPairs.get(), clock.instant());
            stored = store.loadPublished(clock.instant());
        }
        keys = Keys.of(stored);
        return created;
    }

    /** Reads the table again; keys retired elsewhere and new active keys take effect here. */
    public void reload() {
        keys = Keys.of(store.loadPublished(clock.instant()));
    }

    @Override
    public void changed(Change change) {
        if (change.kind() == ChangeKind.SIGNING_KEYS_CHANGED) {
            reload();
        }
    }

    @Override
    public String sign(Map<String, Object> claims) {
        Objects.requireNonNull(claims, "claims");
        Keys current = current();
        JWSHeader header = new JWSHeader.Builder(current.activeAlgorithm().jwsAlgorithm()).type(JOSEObjectType.JWT)
                .keyID(current.activeKid()).build();
        JWSObject jws = new JWSObject(header, new Payload(claims));
        try {
            jws.sign(current.signer());
        } catch (JOSEException e) {
            throw new IllegalStateException("signing failed", e);
        }
        return jws.serialize();
    }

    @Override
    public Optional<Map<String, Object>> verify(String compact) {
        try {
            return verifyOrThrow(compact);
        } catch (RuntimeException garbage) {
            // Any parser surprise on hostile input is a "no", never an exception.
            return Optional.empty();
        }
    }

    private Optional<Map<String, Object>> verifyOrThrow(String compact) throws RuntimeException {
        if (compact == null || compact.isEmpty() || compact.length() > MAX_COMPACT_LENGTH) {
            return Optional.empty();
        }
        JWSObject jws;
        try {
            jws = JWSObject.parse(compact);
        } catch (java.text.ParseException e) {
            return Optional.empty();
        }
        JWSHeader header = jws.getHeader();
        if (header.getAlgorithm() == null || header.getKeyID() == null
                || (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty())
                || header.getJWK() != null || header.getJWKURL() != null
                || header.getX509CertURL() != null || header.getX509CertChain() != null
                || !header.isBase64URLEncodePayload()) {
            return Optional.empty();
        }
        Optional<Published> key = current().published(header.getKeyID(), clock.instant());
        if (key.isEmpty() && reloadForUnknownKid()) {
            key = current().published(header.getKeyID(), clock.instant());
        }
        // The algorithm is the key's, never the token's choice: no RS256 key checks an ES256 header.
        if (key.isEmpty() || !key.get().algorithm().jwsAlgorithm().equals(header.getAlgorithm())) {
            return Optional.empty();
        }
        try {
            if (!jws.verify(key.get().verifier())) {
                return Optional.empty();
            }
        } catch (JOSEException e) {
            return Optional.empty();
        }
        Map<String, Object> claims = jws.getPayload().toJSONObject();
        return Optional.ofNullable(claims).map(LinkedHashMap::new);
    }

    /** At most once per second, whoever asks: an unknown kid must not turn into a database flood. */
    private boolean reloadForUnknownKid() {
        long last = lastUnknownKidReload.get();
        long now = System.nanoTime();
        if (now - last < RELOAD_INTERVAL_NANOS || !lastUnknownKidReload.compareAndSet(last, now)) {
            return false;
        }
        try {
            reload();
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Reloading signing keys for an unknown key id failed", e);
            return false;
        }
    }

    @Override
    public List<Map<String, Object>> publishedKeys() {
        return findPublishedKeys().stream().map(Published::jwk).toList();
    }

    @Override
    public List<SigningKeyInfo> findPublished() {
        Instant now = clock.instant();
        return current().published().stream().map(Published::info).filter(k -> k.publishedAt(now)).toList();
    }

    @Override
    public SigningKeyInfo rotate() {
        long id = ids.nextId();
        KeyPair pair = keyPairs.get();
        Instant now = clock.instant();
        store.rotate(id, pair, now, now.plus(longestTokenLifetime).plus(PUBLICATION_MARGIN));
        reload();
        LOG.info("Signing key rotated: the new key id is " + id);
        return SigningKeyInfo.active(Long.toString(id), now);
    }

    private Keys current() {
        Keys current = keys;
        if (current == null) {
            throw new IllegalStateException("signing keys are not loaded: call start() first");
        }
        return current;
    }

    @Override
    public String toString() {
        return "StoredSigningKeys[" + (keys == null ? "not loaded" : keys.activeKid()) + "]";
    }

    /** The algorithms of the keys published now, the active key's first: what tokens may be signed with. */
    public List<String> publishedAlgorithms() {
        return findPublishedKeys().stream().map(k -> k.algorithm().name()).distinct().toList();
    }

    private List<Published> findPublishedKeys() {
        Instant now = clock.instant();
        return current().published().stream().filter(k -> k.info().publishedAt(now)).toList();
    }

    /** A published key: its algorithm, what verifies with it and what the JWKS shows of it. */
    private record Published(SigningKeyInfo info, SigningAlgorithm algorithm, JWSVerifier verifier,
                             Map<String, Object> jwk) {
    }

    /** One consistent set of keys, replaced as a whole on reload. */
    private record Keys(String activeKid, SigningAlgorithm activeAlgorithm, JWSSigner signer, List<Published> published,
                        Map<String, Published> byKid) {

        static Keys of(List<StoredKey> stored) {
            StoredKey active = stored.stream().filter(k -> k.privateKey().isPresent()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no active signing key is stored"));
            List<Published> published = new ArrayList<>();
            Map<String, Published> byKid = new LinkedHashMap<>();
            // The active key first, then the retired ones newest first.
            List<StoredKey> ordered = new ArrayList<>(List.of(active));
            stored.stream().filter(k -> k != active).forEach(ordered::add);
            for (StoredKey key : ordered) {
                SigningKeyInfo info = key.publishedUntil()
                        .map(until -> SigningKeyInfo.retired(key.kid(), key.createdAt(), until))
                        .orElseGet(() -> SigningKeyInfo.active(key.kid(), key.createdAt()));
                Published entry = new Published(info, key.algorithm(), key.algorithm().verifier(key.publicKey()),
                        Map.copyOf(key.algorithm().publicJwk(key.publicKey(), key.kid()).toJSONObject()));
                published.add(entry);
                byKid.put(key.kid(), entry);
            }
            return new Keys(active.kid(), active.algorithm(), active.algorithm().signer(active.privateKey().orElseThrow()),
                    List.copyOf(published), Map.copyOf(byKid));
        }

        Optional<Published> published(String kid, Instant now) {
            return Optional.ofNullable(byKid.get(kid)).filter(k -> k.info().publishedAt(now));
        }

        @Override
        public String toString() {
            return "Keys[" + activeKid + "]";
        }
    }
}
