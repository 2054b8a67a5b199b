package dev.warden.bootstrap;

import dev.warden.bootstrap.config.ConfigurationException;
import dev.warden.bootstrap.config.TlsSettings;
import io.helidon.common.configurable.Resource;
import io.helidon.common.pki.Keys;
import io.helidon.common.tls.Tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The HTTP listener's TLS (Helidon's {@link Tls}) from the configured PEM files or PKCS#12 keystore.
 * A key or chain that cannot be read stops the start with a message naming the file, never a password.
 */
final class HttpTls {

    private HttpTls() {
    }

    static Tls of(TlsSettings settings) {
        KeyAndChain loaded = switch (settings) {
            case TlsSettings.Pem pem -> pem(pem);
            case TlsSettings.Pkcs12 pkcs12 -> pkcs12(pkcs12);
        };
        return Tls.builder()
                .privateKey(loaded.key())
                .privateKeyCertChain(loaded.chain())
                .build();
    }

    private record KeyAndChain(PrivateKey key, List<X509Certificate> chain) {
    }

    private static KeyAndChain pem(TlsSettings.Pem pem) {
        try {
            Keys keys = Keys.builder().pem(p -> {
                p.key(Resource.create(pem.privateKey())).certChain(Resource.create(pem.certificateChain()));
                if (!pem.privateKeyPassword().isEmpty()) {
                    p.keyPassphrase(pem.privateKeyPassword().toCharArray());
                }
            }).build();
            PrivateKey key = keys.privateKey().orElseThrow(() -> unusable(settingsText(pem), "no private key found"));
            if (keys.certChain().isEmpty()) {
                throw unusable(settingsText(pem), "no certificate found");
            }
            return new KeyAndChain(key, keys.certChain());
        } catch (ConfigurationException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unusable(settingsText(pem), e.getClass().getSimpleName());
        }
    }

    /** The keystore's one private key entry (whatever its alias) and its chain. */
    private static KeyAndChain pkcs12(TlsSettings.Pkcs12 settings) {
        char[] password = settings.password().toCharArray();
        try (InputStream in = Files.newInputStream(settings.keystore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            List<String> keyAliases = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                }
            }
            if (keyAliases.size() != 1) {
                throw unusable(settingsText(settings), "expected exactly one private key entry, found "
                        + keyAliases.size());
            }
            String alias = keyAliases.getFirst();
            if (!(store.getKey(alias, password) instanceof PrivateKey key)) {
                throw unusable(settingsText(settings), "the key entry holds no private key");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate certificate : store.getCertificateChain(alias)) {
                chain.add((X509Certificate) certificate);
            }
            return new KeyAndChain(key, chain);
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            // A wrong password surfaces as an IOException whose message says so; it never contains the password.
            throw unusable(settingsText(settings), e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage());
        }
    }

    private static String settingsText(TlsSettings settings) {
        return settings.toString();
    }

    private static ConfigurationException unusable(String what, String why) {
        return new ConfigurationException("Cannot use the TLS " + what + " for the HTTP listener: " + why
                + " (see docs/configuration.md#tls)");
    }
}
