package dev.warden.persistence.db;

/** The databases every repository contract runs on. */
public enum Engine {
    MARIADB, H2
}
