package dev.warden.persistence.crypto;

import java.util.Arrays;
import java.util.Optional;

/** Driven adapter: the algorithms new secret hashes can be made with, by their configuration name. */
public enum HashAlgorithm {
    /** argon2id on a bounded pool of platform threads: the default. */
    ARGON2ID("argon2id"),
    /** Salted HMAC-SHA-256 under a key derived from the master key, inline: for very large deployments. */
    HMAC_SHA256("hmac-sha256");

    private final String configName;

    HashAlgorithm(String configName) {
        this.configName = configName;
    }

    /** The name in configuration ({@code warden.hash.algorithm}) and in PHC strings. */
    public String configName() {
        return configName;
    }

    /** The algorithm of that configuration name (case-insensitive, surrounding blanks ignored). */
    public static Optional<HashAlgorithm> fromConfigName(String name) {
        String wanted = name.strip();
        return Arrays.stream(values()).filter(a -> a.configName.equalsIgnoreCase(wanted)).findFirst();
    }
}
