package procshell.runtime.table;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * A compiled match specification, as {@code :ets.select/2} takes it:
 * {@code [{head, guards, body}, ...]}. The head is a pattern where {@code :_} matches anything and
 * {@code :"$1"}, {@code :"$2"}, ... bind (a variable seen twice must match the same term); guards
 * are expressions that must all be {@code true}; the body's last expression is the result, where
 * {@code :"$_"} is the whole object, {@code :"$$"} the list of bound variables,
 * {@code {{a, b}}} builds a tuple and {@code {:const, term}} quotes a term. Maps in a head match
 * maps that hold at least the given keys.
 *
 * <p>The first clause whose head and guards match gives the result. A spec whose every clause
 * names one key (a ground key in the head, or the guard {@code {:"=:=", {:element, 1, :"$_"},
 * {:const, key}}} that Elixir's Registry writes) is answered by a key lookup instead of a scan.
 */
public final class MatchSpec {
    /** What {@link #run} returns when no clause matches. */
    public static final Object NO_MATCH = new Object() {
        @Override
        public String toString() {
            return "<no match>";
        }
    };
    /** What {@link #boundKey} and {@link #groundPart} return when there is no such term. */
    public static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "<none>";
        }
    };

    /** {@code :_}, a match-spec wildcard. */
    public static final Atom ANY = Atom.of("_");
    /** {@code :"$_"}, the whole matched object in a guard or body. */
    public static final Atom WHOLE = Atom.of("$_");
    private static final Atom ALL_VARS = Atom.of("$$");
    /** {@code :const}, a literal in a guard: {@code {:const, term}}. */
    public static final Atom CONST = Atom.of("const");
    private static final Atom EXIT = Atom.of("EXIT");
    /** {@code :"=:="}, exact equality in a guard. */
    public static final Atom EXACT_EQ = Atom.of("=:=");
    /** {@code :element}, {@code element/2} in a guard. */
    public static final Atom ELEMENT = Atom.of("element");

    private record Clause(Object head, int vars, Object[] guards, Object[] body, Object key) {}

    private final Clause[] clauses;
    private final Object boundKey;

    private MatchSpec(Clause[] clauses) {
        this.clauses = clauses;
        Object k = clauses.length == 0 ? NONE : clauses[0].key;
        for (Clause c : clauses) {
            if (c.key == NONE || !TermCompare.exactEquals(c.key, k)) {
                k = NONE;
                break;
            }
        }
        this.boundKey = k;
    }

    /**
     * Compiles a match specification.
     *
     * @param spec a list of {@code {head, guards, body}} tuples
     * @return the compiled spec
     * @throws IllegalArgumentException ETS's {@code not a valid match specification} (2nd argument)
     */
    public static MatchSpec compile(Object spec) {
        if (!(TermCopy.of(spec) instanceof List<?> list)) throw TableErrors.badMatchSpec();
        Clause[] out = new Clause[list.size()];
        int i = 0;
        for (Object o : list) out[i++] = clause(o);
        return new MatchSpec(out);
    }

    /**
     * The spec {@code [{pattern, [], [true]}]}, as {@code :ets.match_delete/2} uses.
     *
     * @throws IllegalArgumentException when the pattern is not a tuple, {@code :_} or a variable
     */
    public static MatchSpec ofPattern(Object pattern) {
        return compile(List.of(Tuple.of(pattern, List.of(), List.of(Boolean.TRUE))));
    }

    private static Clause clause(Object o) {
        if (!(o instanceof Tuple t) || t.size() != 3 || !(t.get(1) instanceof List<?> guards)
                || !(t.get(2) instanceof List<?> body) || body.isEmpty()) {
            throw TableErrors.badMatchSpec();
        }
        Object head = t.get(0);
        if (!(head instanceof Tuple) && !ANY.equals(head) && varIndex(head) < 0) throw TableErrors.badMatchSpec();
        boolean[] bound = new boolean[maxVar(head) + 1];
        collectVars(head, bound);
        for (Object g : guards) checkExpr(g, bound);
        for (Object b : body) checkExpr(b, bound);
        Object key = NONE;
        if (head instanceof Tuple h && h.size() > 0 && isGround(h.get(0))) key = h.get(0);
        if (key == NONE) key = keyFromGuards(guards);
        return new Clause(head, bound.length, guards.toArray(), body.toArray(), key);
    }

    /** {@code {:"=:=", {:element, 1, :"$_"}, {:const, key}}} (either way round) pins the key. */
    private static Object keyFromGuards(List<?> guards) {
        for (Object g : guards) {
            if (g instanceof Tuple t && t.isTagged(EXACT_EQ, 3)) {
                Object k = pinned(t.get(1), t.get(2));
                if (k == NONE) k = pinned(t.get(2), t.get(1));
                if (k != NONE) return k;
            }
        }
        return NONE;
    }

    private static Object pinned(Object element, Object value) {
        if (!(element instanceof Tuple e) || !e.isTagged(ELEMENT, 3) || !WHOLE.equals(e.get(2))
                || !Integer.valueOf(1).equals(e.get(1))) {
            return NONE;
        }
        if (value instanceof Tuple c && c.isTagged(CONST, 2)) return c.get(1);
        return isGround(value) && !(value instanceof Tuple) && !(value instanceof List<?>) && !(value instanceof Map<?, ?>)
                ? value : NONE;
    }

    // ---- what the table may use to narrow its search --------------------------------------------

    /** The one key every clause is pinned to, or {@link #NONE} (the table must scan). */
    public Object boundKey() {
        return boundKey;
    }

    /**
     * The ground term every clause's head has at {@code path} (1-based tuple positions), or
     * {@link #NONE}; a table grouping its objects by that part looks in one group only.
     */
    public Object groundPart(int[] path) {
        Object found = NONE;
        for (Clause c : clauses) {
            Object part = c.head;
            for (int p : path) {
                if (!(part instanceof Tuple t) || t.size() < p) return NONE;
                part = t.get(p - 1);
            }
            if (!isGround(part)) return NONE;
            if (found != NONE && !TermCompare.exactEquals(found, part)) return NONE;
            found = part;
        }
        return found;
    }

    // ---- running ----------------------------------------------------------------------------------

    /**
     * Runs the spec on one object.
     *
     * @return the body's result for the first matching clause ({@code :EXIT} when the body
     *         failed), or {@link #NO_MATCH}
     */
    public Object run(Tuple object) {
        for (Clause c : clauses) {
            Object[] vars = c.vars == 0 ? null : new Object[c.vars];
            boolean[] bound = c.vars == 0 ? null : new boolean[c.vars];
            if (!match(c.head, object, vars, bound)) continue;
            if (!guardsHold(c, object, vars, bound)) continue;
            try {
                Object result = null;
                for (Object b : c.body) result = eval(b, object, vars, bound);
                return result;
            } catch (MatchFunctions.Failure e) {
                return EXIT;
            }
        }
        return NO_MATCH;
    }

    /** True when the spec's result for {@code object} is {@code true}, as select_count and select_delete count. */
    public boolean isTrueFor(Tuple object) {
        return Boolean.TRUE.equals(run(object));
    }

    private boolean guardsHold(Clause c, Tuple object, Object[] vars, boolean[] bound) {
        try {
            for (Object g : c.guards) if (!Boolean.TRUE.equals(eval(g, object, vars, bound))) return false;
            return true;
        } catch (MatchFunctions.Failure e) {
            return false;
        }
    }

    private static boolean match(Object pattern, Object term, Object[] vars, boolean[] bound) {
        if (pattern instanceof Atom a) {
            if (a == ANY || ANY.equals(a)) return true;
            int v = varIndex(a);
            if (v >= 0) {
                if (bound[v]) return TermCompare.exactEquals(vars[v], term);
                vars[v] = term;
                bound[v] = true;
                return true;
            }
            return a.equals(term);
        }
        if (pattern instanceof Tuple p) {
            if (!(term instanceof Tuple t) || t.size() != p.size()) return false;
            for (int i = 0; i < p.size(); i++) if (!match(p.get(i), t.get(i), vars, bound)) return false;
            return true;
        }
        if (pattern instanceof List<?> p) {
            if (!(term instanceof List<?> t) || t.size() != p.size()) return false;
            Iterator<?> i = p.iterator(), j = t.iterator();
            while (i.hasNext()) if (!match(i.next(), j.next(), vars, bound)) return false;
            return true;
        }
        if (pattern instanceof Map<?, ?> p) {
            if (!(term instanceof Map<?, ?> t)) return false;
            for (Map.Entry<?, ?> e : p.entrySet()) {
                if (!t.containsKey(e.getKey()) || !match(e.getValue(), t.get(e.getKey()), vars, bound)) return false;
            }
            return true;
        }
        return TermCompare.exactEquals(pattern, term);
    }

    private static Object eval(Object expr, Tuple object, Object[] vars, boolean[] bound) {
        if (expr instanceof Atom a) {
            if (WHOLE.equals(a)) return object;
            if (ALL_VARS.equals(a)) {
                List<Object> all = new ArrayList<>();
                if (vars != null) for (int i = 0; i < vars.length; i++) if (bound[i]) all.add(vars[i]);
                return all;
            }
            int v = varIndex(a);
            return v >= 0 ? vars[v] : a;
        }
        if (expr instanceof Tuple t) {
            if (t.size() == 1 && t.get(0) instanceof Tuple inner) {
                Object[] out = new Object[inner.size()];
                for (int i = 0; i < out.length; i++) out[i] = eval(inner.get(i), object, vars, bound);
                return Tuple.of(out);
            }
            if (t.size() == 0) return t;
            String f = ((Atom) t.get(0)).name();
            if ("const".equals(f)) return t.get(1);
            if ("andalso".equals(f)) {
                return MatchFunctions.bool(eval(t.get(1), object, vars, bound))
                        && MatchFunctions.bool(eval(t.get(2), object, vars, bound));
            }
            if ("orelse".equals(f)) {
                return MatchFunctions.bool(eval(t.get(1), object, vars, bound))
                        || MatchFunctions.bool(eval(t.get(2), object, vars, bound));
            }
            Object[] args = new Object[t.size() - 1];
            for (int i = 0; i < args.length; i++) args[i] = eval(t.get(i + 1), object, vars, bound);
            return MatchFunctions.apply(f, args);
        }
        if (expr instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) out.add(eval(o, object, vars, bound));
            return java.util.Collections.unmodifiableList(out);
        }
        if (expr instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(e.getKey(), eval(e.getValue(), object, vars, bound));
            return java.util.Collections.unmodifiableMap(out);
        }
        return expr;
    }

    // ---- compile-time checks ------------------------------------------------------------------

    /** The index of a match variable {@code :"$N"}, or -1. */
    static int varIndex(Object o) {
        if (!(o instanceof Atom a)) return -1;
        String n = a.name();
        if (n.length() < 2 || n.length() > 10 || n.charAt(0) != '$') return -1;
        for (int i = 1; i < n.length(); i++) if (!Character.isDigit(n.charAt(i))) return -1;
        return Integer.parseInt(n.substring(1));
    }

    /** True when a term holds no {@code :_} and no match variable (it matches only itself). */
    static boolean isGround(Object t) {
        if (t instanceof Atom a) return !ANY.equals(a) && varIndex(a) < 0;
        if (t instanceof Tuple tuple) {
            for (int i = 0; i < tuple.size(); i++) if (!isGround(tuple.get(i))) return false;
            return true;
        }
        if (t instanceof List<?> l) {
            for (Object o : l) if (!isGround(o)) return false;
            return true;
        }
        if (t instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) if (!isGround(e.getKey()) || !isGround(e.getValue())) return false;
            return true;
        }
        return true;
    }

    private static int maxVar(Object t) {
        int v = varIndex(t);
        if (v >= 0) return v;
        int max = -1;
        if (t instanceof Tuple tuple) for (int i = 0; i < tuple.size(); i++) max = Math.max(max, maxVar(tuple.get(i)));
        else if (t instanceof List<?> l) for (Object o : l) max = Math.max(max, maxVar(o));
        else if (t instanceof Map<?, ?> m) for (Object o : m.values()) max = Math.max(max, maxVar(o));
        return max;
    }

    private static void collectVars(Object t, boolean[] bound) {
        int v = varIndex(t);
        if (v >= 0) {
            bound[v] = true;
        } else if (t instanceof Tuple tuple) {
            for (int i = 0; i < tuple.size(); i++) collectVars(tuple.get(i), bound);
        } else if (t instanceof List<?> l) {
            for (Object o : l) collectVars(o, bound);
        } else if (t instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                // Map keys in a head must be literals, as in Erlang patterns.
                if (!isGround(e.getKey())) throw TableErrors.badMatchSpec();
                collectVars(e.getValue(), bound);
            }
        }
    }

    private static void checkExpr(Object e, boolean[] bound) {
        if (e instanceof Atom a) {
            int v = varIndex(a);
            if (v >= 0 && (v >= bound.length || !bound[v])) throw TableErrors.badMatchSpec();
            if (ANY.equals(a)) throw TableErrors.badMatchSpec();
            return;
        }
        if (e instanceof Tuple t) {
            if (t.size() == 0) return;
            if (t.size() == 1 && t.get(0) instanceof Tuple inner) {
                for (int i = 0; i < inner.size(); i++) checkExpr(inner.get(i), bound);
                return;
            }
            if (!(t.get(0) instanceof Atom f)) throw TableErrors.badMatchSpec();
            if (CONST.equals(f) && t.size() == 2) return;
            if (!MatchFunctions.exists(f.name(), t.size() - 1)) throw TableErrors.badMatchSpec();
            for (int i = 1; i < t.size(); i++) checkExpr(t.get(i), bound);
            return;
        }
        if (e instanceof List<?> l) {
            for (Object o : l) checkExpr(o, bound);
        } else if (e instanceof Map<?, ?> m) {
            for (Object o : m.values()) checkExpr(o, bound);
        }
    }
}
