package org.trialsim.protocol.condition;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...?" suggestions for misspelt names, used wherever a name is not found. */
public final class Spelling {
    /** Names longer than this get no suggestion. */
    static final int LONGEST_SUGGESTED = 100;

    private Spelling() {
    }

    /**
     * The candidate closest to the given name, if it is close enough to be a likely typo (edit distance
     * of at most a third of the name's length, and at most 3, ignoring case), else null.
     */
    public static String suggest(String name, Collection<String> candidates) {
        // the distance takes time and memory of the product of the lengths, and a file may hold names of
        // 64 KiB: no name that long is a typo worth a suggestion, and no candidate whose length differs
        // by more than the limit can be within it
        if (name.length() > LONGEST_SUGGESTED) {
            return null;
        }
        String lowered = name.toLowerCase(Locale.ROOT);
        int limit = Math.min(3, Math.max(1, name.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            if (Math.abs(candidate.length() - name.length()) > limit) {
                continue;
            }
            int d = distance(lowered, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= limit ? best : null;
    }

    /** " (did you mean 'x'?)" or the empty string. */
    public static String hint(String name, Collection<String> candidates) {
        String s = suggest(name, candidates);
        return s == null ? "" : " (did you mean '" + s + "'?)";
    }

    /** Levenshtein distance with adjacent transpositions counted as one edit. */
    static int distance(String a, String b) {
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
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
