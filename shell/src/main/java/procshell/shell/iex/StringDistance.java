package procshell.shell.iex;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The string similarities of Elixir's {@code String}: Jaro and bag distance, over graphemes. */
final class StringDistance {
    private StringDistance() {}

    /** {@code String.jaro_distance/2}: 1.0 for equal strings, 0.0 when nothing matches. */
    static double jaro(List<String> a, List<String> b) {
        if (a.equals(b)) return 1.0;
        if (a.isEmpty() || b.isEmpty()) return 0.0;
        int window = Math.max(0, Math.max(a.size(), b.size()) / 2 - 1);
        boolean[] usedA = new boolean[a.size()];
        boolean[] usedB = new boolean[b.size()];
        int matches = 0;
        for (int i = 0; i < a.size(); i++) {
            for (int j = Math.max(0, i - window); j < Math.min(b.size(), i + window + 1); j++) {
                if (!usedB[j] && a.get(i).equals(b.get(j))) {
                    usedA[i] = true;
                    usedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) return 0.0;
        int half = 0;
        int k = 0;
        for (int i = 0; i < a.size(); i++) {
            if (!usedA[i]) continue;
            while (!usedB[k]) k++;
            if (!a.get(i).equals(b.get(k))) half++;
            k++;
        }
        double m = matches;
        return (m / a.size() + m / b.size() + (m - half / 2.0) / m) / 3.0;
    }

    /** {@code String.bag_distance/2}: 1 - (the larger multiset difference / the longer length); 0.0 when either is empty. */
    static double bag(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) return 0.0; // even for two empty strings, as Elixir
        if (a.equals(b)) return 1.0;
        Map<String, Integer> x = bagOf(a);
        Map<String, Integer> y = bagOf(b);
        int d1 = difference(x, y);
        int d2 = difference(y, x);
        return 1.0 - (double) Math.max(d1, d2) / Math.max(a.size(), b.size());
    }

    private static Map<String, Integer> bagOf(List<String> g) {
        Map<String, Integer> m = new HashMap<>();
        for (String s : g) m.merge(s, 1, Integer::sum);
        return m;
    }

    private static int difference(Map<String, Integer> x, Map<String, Integer> y) {
        int d = 0;
        for (Map.Entry<String, Integer> e : x.entrySet()) d += Math.max(0, e.getValue() - y.getOrDefault(e.getKey(), 0));
        return d;
    }
}
