package dev.warden.bootstrap.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The HTTP listener's TLS key and certificate chain: PEM files or a PKCS#12 keystore. The
 * {@code toString} of each form names the files, never a password.
 */
public sealed interface TlsSettings {

    /** A PEM certificate chain (server certificate first) and a PEM PKCS#8 private key, optionally encrypted. */
    record Pem(Path certificateChain, Path privateKey, String privateKeyPassword) implements TlsSettings {
        public Pem {
            Objects.requireNonNull(certificateChain, "certificateChain");
            Objects.requireNonNull(privateKey, "privateKey");
            privateKeyPassword = privateKeyPassword == null ? "" : privateKeyPassword;
        }

        @Override
        public String toString() {
            return "PEM certificate chain " + certificateChain + " and private key " + privateKey;
        }
    }

    /** A PKCS#12 keystore holding one private key entry and its certificate chain. */
    record Pkcs12(Path keystore, String password) implements TlsSettings {
        public Pkcs12 {
            Objects.requireNonNull(keystore, "keystore");
            password = password == null ? "" : password;
        }

        @Override
        public String toString() {
            return "PKCS#12 keystore " + keystore;
        }
    }
}
