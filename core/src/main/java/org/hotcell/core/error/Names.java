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

    /**
     * Edit distance between two strings where an insertion, a deletion, a substitution or a swap of two
     * neighbouring characters each cost one (optimal string alignment), so {@code tahn} is one edit from
     * {@code tanh}.
     */
    public static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }
}
