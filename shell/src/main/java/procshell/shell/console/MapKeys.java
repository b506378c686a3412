package procshell.shell.console;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import procshell.runtime.node.Atom;
import procshell.shell.eval.Evaluator;

/**
 * Completion of {@code var.ke} and {@code var.inner.ke}: the atom keys of the map bound to the
 * variable (a struct's fields, without {@code __struct__}), as iex completes them.
 */
final class MapKeys {
    private static final Atom STRUCT = Atom.of("__struct__");

    private MapKeys() {}

    /**
     * Adds {@code path.key} for every atom key of the map at {@code path} ({@code x} or
     * {@code x.inner}); nothing when the variable is unbound or the path reaches no map.
     */
    static void add(Evaluator evaluator, String path, List<Completion> out) {
        String[] parts = path.split("\\.");
        if (!evaluator.variableNames().contains(parts[0])) return;
        Object value;
        try {
            value = evaluator.binding().getVariable(parts[0]);
        } catch (RuntimeException e) {
            return;
        }
        for (int i = 1; i < parts.length && value != null; i++) {
            value = value instanceof Map<?, ?> m ? m.get(Atom.of(parts[i])) : null;
        }
        if (!(value instanceof Map<?, ?> map)) return;
        TreeSet<String> keys = new TreeSet<>();
        for (Object k : map.keySet()) {
            if (k instanceof Atom a && !a.equals(STRUCT)) keys.add(a.name());
        }
        for (String k : keys) out.add(new Completion(path + "." + k, k));
    }
}
