package org.hotcell.core.registry;

import java.util.Objects;

/**
 * One change to a {@link Registry}: a provider was added or removed.
 *
 * @param change added or removed
 * @param kind   what was provided
 * @param names  the names it serves (an activation factory may serve several)
 * @param origin the bundle or module that provided it, e.g. {@code org.example.isru 1.0.0}
 */
public record RegistryEvent(Change change, ProviderKind kind, java.util.Set<String> names, String origin) {

    public RegistryEvent {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(kind, "kind");
        names = java.util.Set.copyOf(names);
        Objects.requireNonNull(origin, "origin");
    }

    /** Whether a provider came or went. */
    public enum Change {
        /** Registered. */
        ADDED,
        /** Unregistered. */
        REMOVED
    }

    /** One log line, e.g. {@code registered activation isru from bundle org.example.isru 1.0.0}. */
    public String describe() {
        String verb = change == Change.ADDED ? "registered" : "unregistered";
        return verb + " " + kind.word() + " " + String.join(", ", new java.util.TreeSet<>(names)) + " from " + origin;
    }
}
