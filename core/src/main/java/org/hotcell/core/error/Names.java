package org.hotcell.core.error;

import java.util.Collection;
import java.util.Optional;

/** Name matching shared by lookups and their error messages. */
public final class Names {
    private Names() {
    }

    /**
     * The lookup key of a plugin-provided name: lower case, with {@code _}, {@code -} and spaces removed,
     * so that ONNX's {@code LeakyRelu} and Hotcell's {@code leaky_relu} meet.
     */
    public static String key(String name) {
        StringBuilder key = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch != '_' && ch != '-' && ch != ' ') {
                key.append(Character.toLowerCase(ch));
            }
        }
        return key.toString();
    }

    /**
     * The candidate nearest to {@code name} by edit distance on lookup keys, when it is close enough to be
     * a plausible typo (at most a third of the longer name's length, and at least one edit allowed).
     */
    public static Optional<String> closest(String name, Collection<String> candidates) {
        String target = key(name);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = editDistance(target, key(candidate));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int allowed = Math.max(1, Math.max(target.length(), key(best).length()) / 3);
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance between two strings. */
    public static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
