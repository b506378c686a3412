package procshell.runtime.gproc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.runtime.table.MatchSpec;

/**
 * Turns a gproc select pattern, written over registrations seen as {@code {key, pid, value}},
 * into a match specification over the {@code gproc} table's objects ({@code {{key, type | pid},
 * pid, value}}), as gproc's {@code pattern/2} does: the head's key is wrapped, the context adds
 * the type and scope, and {@code :"$_"} in guards and bodies stands for {@code {key, pid, value}}.
 */
final class GprocSelect {
    private static final Atom ALL = Atom.of("all");
    private static final Map<String, Atom> TYPES = Map.ofEntries(
            Map.entry("n", GprocKey.N), Map.entry("names", GprocKey.N),
            Map.entry("p", GprocKey.P), Map.entry("props", GprocKey.P),
            Map.entry("c", GprocKey.C), Map.entry("counters", GprocKey.C),
            Map.entry("a", GprocKey.A), Map.entry("aggr_counters", GprocKey.A),
            Map.entry("r", GprocKey.R), Map.entry("resources", GprocKey.R),
            Map.entry("rc", GprocKey.RC), Map.entry("resource_counters", GprocKey.RC));
    private static final Map<String, Atom> SCOPES = Map.of(
            "l", GprocKey.L, "local", GprocKey.L, "g", GprocKey.G, "global", GprocKey.G);
    /** {@code {key, pid, value}} rebuilt from the whole table object {@code :"$_"}. */
    private static final Tuple LOGICAL = Tuple.of(Tuple.of(
            Tuple.of(MatchSpec.ELEMENT, 1, Tuple.of(MatchSpec.ELEMENT, 1, MatchSpec.WHOLE)),
            Tuple.of(MatchSpec.ELEMENT, 2, MatchSpec.WHOLE),
            Tuple.of(MatchSpec.ELEMENT, 3, MatchSpec.WHOLE)));

    private GprocSelect() {}

    /** @throws IllegalArgumentException badarg for an unknown context or a pattern that is no list of {@code {head, guards, body}} */
    static List<Object> rewrite(Object context, Object pattern) {
        Atom scope = null;
        Atom type = null;
        if (context instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom s && t.get(1) instanceof Atom ty) {
            scope = pick(SCOPES, s);
            type = pick(TYPES, ty);
        } else if (context instanceof Atom a) {
            if (SCOPES.containsKey(a.name())) scope = SCOPES.get(a.name());
            else if (!ALL.equals(a)) type = pick(TYPES, a);
        } else {
            throw Gproc.badarg();
        }
        if (!(pattern instanceof List<?> clauses)) throw Gproc.badarg();
        List<Object> out = new ArrayList<>();
        for (Object c : clauses) {
            if (!(c instanceof Tuple clause && clause.size() == 3 && clause.get(1) instanceof List<?> guards
                    && clause.get(2) instanceof List<?> body)) {
                throw Gproc.badarg();
            }
            out.add(Tuple.of(head(clause.get(0), scope, type), whole(guards), whole(body)));
        }
        return out;
    }

    private static Atom pick(Map<String, Atom> names, Atom a) {
        if (ALL.equals(a)) return null;
        Atom v = names.get(a.name());
        if (v == null) throw Gproc.badarg();
        return v;
    }

    /** {@code {key, pid, value}} becomes {@code {{key, :_}, pid, value}}, the key narrowed by the context. */
    private static Tuple head(Object h, Atom scope, Atom type) {
        Object key = MatchSpec.ANY;
        Object pid = MatchSpec.ANY;
        Object value = MatchSpec.ANY;
        if (h instanceof Tuple t && t.size() == 3) {
            key = t.get(0);
            pid = t.get(1);
            value = t.get(2);
        } else if (!MatchSpec.ANY.equals(h)) {
            throw Gproc.badarg();
        }
        if (MatchSpec.ANY.equals(key)) key = Tuple.of(MatchSpec.ANY, MatchSpec.ANY, MatchSpec.ANY);
        if (key instanceof Tuple k && k.size() == 3) {
            key = Tuple.of(narrow(k.get(0), type), narrow(k.get(1), scope), k.get(2));
        }
        return Tuple.of(Tuple.of(key, MatchSpec.ANY), pid, value);
    }

    /** A wildcard position takes the context's atom; anything else stays (a variable there is not narrowed). */
    private static Object narrow(Object pat, Atom want) {
        return want != null && MatchSpec.ANY.equals(pat) ? want : pat;
    }

    private static List<Object> whole(List<?> exprs) {
        List<Object> out = new ArrayList<>(exprs.size());
        for (Object e : exprs) out.add(substitute(e));
        return out;
    }

    private static Object substitute(Object e) {
        if (MatchSpec.WHOLE.equals(e)) return LOGICAL;
        if (e instanceof Tuple t) {
            if (t.size() == 2 && Atom.of("const").equals(t.get(0))) return t;
            Object[] parts = new Object[t.size()];
            for (int i = 0; i < t.size(); i++) parts[i] = substitute(t.get(i));
            return Tuple.of(parts);
        }
        if (e instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) out.add(substitute(o));
            return out;
        }
        return e;
    }
}
