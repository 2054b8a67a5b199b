package dev.warden.domain.id;

/** Source of new resource ids: 64-bit, time-ordered, unique across nodes. */
@FunctionalInterface
public interface IdGenerator {
    long nextId();
}
