package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;

/** {@code String.split/3} over string patterns: the leftmost (then longest) match, {@code parts:} and {@code trim:}. */
final class Splitting {
    private static final Atom PARTS = Atom.of("parts");
    private static final Atom TRIM = Atom.of("trim");

    private Splitting() {}

    /** {@code {start, end}} of the leftmost, longest occurrence of a pattern from {@code pos}, or null. */
    static int[] nextMatch(String s, int pos, List<String> patterns) {
        int[] best = null;
        for (String p : patterns) {
            if (p.isEmpty()) continue;
            int i = s.indexOf(p, pos);
            if (i >= 0 && (best == null || i < best[0] || i == best[0] && i + p.length() > best[1])) best = new int[] {i, i + p.length()};
        }
        return best;
    }

    /** The parts of {@code s}, as Elixir's {@code String.split/3} with binary patterns. */
    static List<Object> split(String s, List<String> patterns, Object options) {
        Object partsOpt = Keyword.get(options, PARTS, Atom.of("infinity"));
        long parts = ElixirEnum.isInt(partsOpt) ? ((Number) partsOpt).longValue() : Long.MAX_VALUE;
        if (parts <= 0) parts = Long.MAX_VALUE;
        boolean trim = Enumerables.truthy(Keyword.get(options, TRIM, Boolean.FALSE));
        List<Object> out = new ArrayList<>();
        if (patterns.isEmpty()) {
            if (!(trim && s.isEmpty())) out.add(s);
            return out;
        }
        if (patterns.contains("")) {
            List<String> pieces = new ArrayList<>();
            if (!trim) pieces.add("");
            pieces.addAll(Graphemes.of(s));
            if (!trim) pieces.add("");
            for (int i = 0; i < pieces.size(); i++) {
                if (out.size() == parts - 1) {
                    out.add(String.join("", pieces.subList(i, pieces.size())));
                    break;
                }
                out.add(pieces.get(i));
            }
            return out;
        }
        int pos = 0;
        while (true) {
            if (out.size() == parts - 1) {
                String rest = s.substring(pos);
                if (!(trim && rest.isEmpty())) out.add(rest);
                return out;
            }
            int[] m = nextMatch(s, pos, patterns);
            if (m == null) {
                String rest = s.substring(pos);
                if (!(trim && rest.isEmpty())) out.add(rest);
                return out;
            }
            String piece = s.substring(pos, m[0]);
            if (!(trim && piece.isEmpty())) out.add(piece);
            pos = m[1];
        }
    }
}
