package dev.warden.application.fakes;

import dev.warden.application.error.UnavailableException;
import dev.warden.application.port.out.RsaKeyGenerator;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Test double of {@link RsaKeyGenerator}: real 2048-bit pairs, made once per test run and handed
 * out in turn (generating one per test would cost a tenth of a second each), counting calls, and
 * able to shed load like the real one.
 */
public final class FakeRsaKeyGenerator implements RsaKeyGenerator {

    private static final class Pairs {
        static final List<KeyPair> ALL = IntStream.range(0, 4).mapToObj(i -> newPair()).toList();
    }

    private final AtomicInteger calls = new AtomicInteger();
    private volatile boolean unavailable;

    @Override
    public KeyPair generate() {
        int call = calls.getAndIncrement();
        if (unavailable) {
            throw new UnavailableException("KEY-busy", "Too many concurrent key generations, retry later");
        }
        return Pairs.ALL.get(call % Pairs.ALL.size());
    }

    /** A pair that this generator hands out, for tests that need one of their own. */
    public static KeyPair pair(int index) {
        return Pairs.ALL.get(index % Pairs.ALL.size());
    }

    public void setUnavailable(boolean unavailable) {
        this.unavailable = unavailable;
    }

    public int calls() {
        return calls.get();
    }

    private static KeyPair newPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(KEY_BITS);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
