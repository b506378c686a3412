package procshell.shell.elixir.erl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Bitstring;
import procshell.runtime.node.Tuple;

/**
 * An {@code erl_eval} fun's clauses (Erlang's abstract format, as Elixir's compiler or
 * {@code erl_parse} wrote them) back in Elixir's quoted form, for the shell to evaluate: remote
 * calls stay remote calls ({@code Elixir.Enum} as the alias {@code Enum}, {@code :erlang}'s
 * functions that Kernel inlines as Kernel's), operators as Elixir's, {@code case}, {@code receive},
 * matches, funs, binaries of strings and {@code binary} segments, and
 * {@code :erlang.error(Mod.exception(x))} as {@code raise Mod, x}. A variable already bound where
 * a pattern names it again is pinned ({@code ^x}), as Erlang matches it; a fun's head shadows.
 * Erlang's variable {@code _x@1} is the Elixir variable {@code x@1}, {@code _@1} (made by Elixir's
 * expansion) {@code @1}.
 */
final class ErlangToElixir {
    private static final List<Object> META = List.of();

    private ErlangToElixir() {}

    /**
     * The quoted {@code fn} of a fun's clauses.
     *
     * @param clauses the fun's {@code {:clause, anno, patterns, guards, body}} forms
     * @param bound   the Erlang names of the variables bound around it (its bindings)
     * @throws Untranslatable when a form has no Elixir counterpart here
     */
    static Object fn(List<Object> clauses, Set<String> bound) {
        Set<String> scope = new HashSet<>();
        for (String b : bound) scope.add(elixirName(b));
        return fnOf(clauses, scope);
    }

    /** The Elixir name of an Erlang variable: {@code _x@1} is {@code x@1}, {@code _@1} is {@code @1}. */
    static String elixirName(String erlang) {
        if (erlang.equals("_")) return erlang;
        // a variable the expansion made (_@1) keeps its '@' first: no Elixir name starts so
        return erlang.startsWith("_") && erlang.length() > 1 ? erlang.substring(1) : erlang;
    }

    private static Object fnOf(List<Object> clauses, Set<String> scope) {
        List<Object> arrows = new ArrayList<>();
        for (Object c : clauses) {
            List<Object> patterns = new ArrayList<>();
            Set<String> inner = new HashSet<>(scope);
            Set<String> headVars = new HashSet<>();
            for (Object p : Forms.list(Forms.at(c, 2))) patterns.add(pattern(p, headVars, headVars));
            inner.addAll(headVars);
            Object guard = guards(Forms.at(c, 3), inner);
            List<Object> head = patterns;
            if (guard != null) {
                List<Object> w = new ArrayList<>(patterns);
                w.add(guard);
                head = nl(node("when", w));
            }
            arrows.add(node("->", nl(head, body(Forms.at(c, 4), inner))));
        }
        return node("fn", arrows);
    }

    // ---- expressions --------------------------------------------------------------------------

    private static Object body(Object forms, Set<String> scope) {
        List<Object> out = new ArrayList<>();
        for (Object f : Forms.list(forms)) out.add(expr(f, scope));
        return out.size() == 1 ? out.get(0) : node("__block__", out);
    }

    private static Object expr(Object f, Set<String> scope) {
        String kind = Forms.kind(f);
        if (kind == null) throw Untranslatable.INSTANCE;
        switch (kind) {
            case "atom", "integer", "float", "char" -> { return Forms.at(f, 2); }
            case "string" -> { return Forms.at(f, 2); }
            case "nil" -> { return nl(); }
            case "var" -> { return var(((Atom) Forms.at(f, 2)).name()); }
            case "cons" -> { return cons(f, scope, null, false); }
            case "tuple" -> {
                List<Object> es = new ArrayList<>();
                for (Object e : Forms.list(Forms.at(f, 2))) es.add(expr(e, scope));
                return es.size() == 2 ? Tuple.of(es.get(0), es.get(1)) : node("{}", es);
            }
            case "map" -> {
                if (((Tuple) f).size() == 4) return mapUpdate(f, scope);
                List<Object> pairs = new ArrayList<>();
                for (Object a : Forms.list(Forms.at(f, 2))) {
                    if (!"map_field_assoc".equals(Forms.kind(a))) throw Untranslatable.INSTANCE;
                    pairs.add(Tuple.of(expr(Forms.at(a, 2), scope), expr(Forms.at(a, 3), scope)));
                }
                Object range = range(pairs);
                return range != null ? range : node("%{}", pairs);
            }
            case "match" -> {
                Object right = expr(Forms.at(f, 3), scope);
                Set<String> now = new HashSet<>();
                Object left = pattern(Forms.at(f, 2), scope, now);
                scope.addAll(now);
                return node("=", nl(left, right));
            }
            case "op" -> { return op(f, scope); }
            case "call" -> { return call(f, scope); }
            case "case" -> {
                Object subject = expr(Forms.at(f, 2), scope);
                return node("case", nl(subject, nl(Tuple.of(Atom.of("do"), arrows(Forms.at(f, 3), scope)))));
            }
            case "receive" -> {
                List<Object> options = new ArrayList<>();
                List<Object> cs = Forms.list(Forms.at(f, 2));
                if (!cs.isEmpty()) options.add(Tuple.of(Atom.of("do"), arrows(cs, scope)));
                if (((Tuple) f).size() == 5) {
                    Object timeout = expr(Forms.at(f, 3), scope);
                    options.add(Tuple.of(Atom.of("after"), nl(node("->", nl(nl(timeout), body(Forms.at(f, 4), new HashSet<>(scope)))))));
                }
                return node("receive", nl(options));
            }
            case "if" -> {
                List<Object> arrows = new ArrayList<>();
                for (Object c : Forms.list(Forms.at(f, 2))) {
                    Set<String> inner = new HashSet<>(scope);
                    Object g = guards(Forms.at(c, 3), inner);
                    arrows.add(node("->", nl(nl(g == null ? Boolean.TRUE : g), body(Forms.at(c, 4), inner))));
                }
                return node("cond", nl(nl(Tuple.of(Atom.of("do"), arrows))));
            }
            case "fun" -> {
                Object what = Forms.at(f, 2);
                if (what instanceof Tuple t && t.size() == 2 && Atom.of("clauses").equals(t.get(0))) return fnOf(Forms.list(t.get(1)), scope);
                if (what instanceof Tuple t && t.size() == 4 && Atom.of("function").equals(t.get(0))) {
                    Object call = Tuple.of(Tuple.of(Atom.of("."), META, nl(module(expr(t.get(1), scope)), expr(t.get(2), scope))),
                            nl(Tuple.of(Atom.of("no_parens"), Boolean.TRUE)), nl());
                    return node("&", nl(node("/", nl(call, expr(t.get(3), scope)))));
                }
                throw Untranslatable.INSTANCE;
            }
            case "block" -> { return body(Forms.at(f, 2), scope); }
            case "bin" -> { return bin(f, scope); }
            default -> throw Untranslatable.INSTANCE; // try, catch, comprehensions, records, named funs
        }
    }

    /**
     * {@code %{m | k: v}} ({@code :=}: the key must be there) as {@code Map.replace!(m, k, v)},
     * {@code =>} as {@code Map.put(m, k, v)}: the same map, the same KeyError, without the
     * compiler's map update.
     */
    private static Object mapUpdate(Object f, Set<String> scope) {
        Object map = expr(Forms.at(f, 2), scope);
        for (Object a : Forms.list(Forms.at(f, 3))) {
            String kind = Forms.kind(a);
            Object k = expr(Forms.at(a, 2), scope);
            Object v = expr(Forms.at(a, 3), scope);
            map = remote(Atom.of("Elixir.Map"), "map_field_exact".equals(kind) ? "replace!" : "put", nl(map, k, v));
        }
        return map;
    }

    /**
     * A {@code %Range{first: a, last: b, step: s}} map (what Elixir makes of {@code a..b}) as
     * {@code a..b} or {@code a..b//s}, the shell's range; null for any other map.
     */
    private static Object range(List<Object> pairs) {
        if (pairs.size() != 4) return null;
        Map<String, Object> fields = new java.util.HashMap<>();
        for (Object p : pairs) {
            if (!(((Tuple) p).get(0) instanceof Atom k)) return null;
            fields.put(k.name(), ((Tuple) p).get(1));
        }
        if (!Atom.of("Elixir.Range").equals(fields.get("__struct__")) || !fields.keySet().containsAll(List.of("first", "last", "step"))) return null;
        Object step = fields.get("step");
        if (Integer.valueOf(1).equals(step)) return node("..", nl(fields.get("first"), fields.get("last")));
        return node("..//", nl(fields.get("first"), fields.get("last"), step));
    }

    private static Object op(Object f, Set<String> scope) {
        String op = ((Atom) Forms.at(f, 2)).name();
        if (((Tuple) f).size() == 4) {
            Object x = expr(Forms.at(f, 3), scope);
            return switch (op) {
                case "-", "+" -> x instanceof Number n && op.equals("+") ? n : node(op, nl(x));
                case "not" -> node("not", nl(x));
                default -> remote(Atom.of("erlang"), op, nl(x));
            };
        }
        Object a = expr(Forms.at(f, 3), scope);
        Object b = expr(Forms.at(f, 4), scope);
        if (op.equals("!")) return node("send", nl(a, b));
        String elixir = KernelInlines.elixirOp(op);
        if (elixir == null) return remote(Atom.of("erlang"), op, nl(a, b));
        return node(elixir, nl(a, b));
    }

    private static Object call(Object f, Set<String> scope) {
        Object target = Forms.at(f, 2);
        List<Object> args = new ArrayList<>();
        for (Object a : Forms.list(Forms.at(f, 3))) args.add(expr(a, scope));
        if ("remote".equals(Forms.kind(target))) {
            Object m = Forms.at(target, 2);
            Object fun = Forms.at(target, 3);
            if (!"atom".equals(Forms.kind(fun))) throw Untranslatable.INSTANCE;
            String name = ((Atom) Forms.at(fun, 2)).name();
            if ("atom".equals(Forms.kind(m))) return remoteOrKernel((Atom) Forms.at(m, 2), name, args);
            return Tuple.of(Tuple.of(Atom.of("."), META, nl(expr(m, scope), Atom.of(name))), META, args);
        }
        if ("atom".equals(Forms.kind(target))) {
            // erl_eval without a local handler: an auto-imported BIF
            return remoteOrKernel(Atom.of("erlang"), ((Atom) Forms.at(target, 2)).name(), args);
        }
        return Tuple.of(Tuple.of(Atom.of("."), META, nl(expr(target, scope))), META, args);
    }

    private static Object remoteOrKernel(Atom module, String name, List<Object> args) {
        if (module.name().equals("erlang")) {
            if (name.equals("error") && (args.size() == 1 || args.size() == 3 && Atom.of("none").equals(args.get(1)))
                    && exceptionCall(args.get(0)) != null) return exceptionCall(args.get(0));
            String op = KernelInlines.elixirOp(name);
            if (op != null && args.size() == 2 && !op.equals("and") && !op.equals("or")) return node(op, args); // :erlang.++(a, b)
            for (String kernel : List.of(name, name + "?")) {
                if (name.equals(KernelInlines.erlang(kernel, args.size()))) return node(kernel, args);
            }
        }
        if (module.name().equals("Elixir.String.Chars") && name.equals("to_string") && args.size() == 1) return node("to_string", args);
        return remote(module, name, args);
    }

    /** {@code Mod.exception(x)} (already quoted) as {@code raise Mod, x}, or null. */
    private static Object exceptionCall(Object q) {
        if (q instanceof Tuple t && t.size() == 3 && t.get(0) instanceof Tuple dot && dot.size() == 3 && Atom.of(".").equals(dot.get(0))
                && dot.get(2) instanceof List<?> d && d.size() == 2 && Atom.of("exception").equals(d.get(1))
                && t.get(2) instanceof List<?> a && a.size() == 1) {
            return node("raise", nl(d.get(0), a.get(0)));
        }
        return null;
    }

    private static Object remote(Atom module, String name, List<Object> args) {
        return Tuple.of(Tuple.of(Atom.of("."), META, nl(module(module), Atom.of(name))), META, args);
    }

    /** A module as the quoted form writes it: {@code Elixir.Enum} as the alias {@code Enum}. */
    private static Object module(Object m) {
        if (m instanceof Atom a && a.name().startsWith("Elixir.")) {
            List<Object> parts = new ArrayList<>();
            for (String p : a.name().substring(7).split("\\.")) parts.add(Atom.of(p));
            return node("__aliases__", parts);
        }
        return m;
    }

    private static Object cons(Object f, Set<String> scope, Set<String> bound, boolean pattern) {
        List<Object> items = new ArrayList<>();
        Object at = f;
        while ("cons".equals(Forms.kind(at))) {
            items.add(pattern ? pattern(Forms.at(at, 2), scope, bound) : expr(Forms.at(at, 2), scope));
            at = Forms.at(at, 3);
        }
        if ("string".equals(Forms.kind(at))) {
            for (Object c : Forms.list(Forms.at(at, 2))) items.add(c);
        } else if (!"nil".equals(Forms.kind(at))) {
            Object tail = pattern ? pattern(at, scope, bound) : expr(at, scope);
            Object last = items.remove(items.size() - 1);
            items.add(node("|", nl(last, tail)));
        }
        return items;
    }

    /** A binary: of string segments, a literal; with {@code binary} segments, their {@code <>}. */
    private static Object bin(Object f, Set<String> scope) {
        List<Object> parts = new ArrayList<>();
        for (Object e : Forms.list(Forms.at(f, 2))) {
            Object value = Forms.at(e, 2);
            Object size = Forms.at(e, 3);
            Object type = Forms.at(e, 4);
            if ("string".equals(Forms.kind(value)) && Atom.of("default").equals(size) && Atom.of("default").equals(type)) {
                parts.add(bytes(Forms.list(Forms.at(value, 2))));
            } else if (Atom.of("default").equals(size) && nl(Atom.of("binary")).equals(type)) {
                parts.add(expr(value, scope));
            } else {
                throw Untranslatable.INSTANCE;
            }
        }
        if (parts.isEmpty()) return "";
        Object out = parts.get(parts.size() - 1);
        for (int i = parts.size() - 2; i >= 0; i--) out = node("<>", nl(parts.get(i), out));
        if (parts.size() == 1 && !(out instanceof String || out instanceof Bitstring)) out = node("<>", nl("", out));
        return out;
    }

    private static Object bytes(List<Object> chars) {
        byte[] b = new byte[chars.size()];
        for (int i = 0; i < b.length; i++) b[i] = (byte) ((Number) chars.get(i)).intValue();
        return Bitstring.of(b);
    }

    // ---- clauses, guards and patterns ---------------------------------------------------------

    private static List<Object> arrows(Object clauses, Set<String> scope) {
        List<Object> out = new ArrayList<>();
        for (Object c : Forms.list(clauses)) {
            List<Object> pats = Forms.list(Forms.at(c, 2));
            if (pats.size() != 1) throw Untranslatable.INSTANCE;
            Set<String> now = new HashSet<>();
            Object p = pattern(pats.get(0), scope, now);
            Set<String> inner = new HashSet<>(scope);
            inner.addAll(now);
            Object g = guards(Forms.at(c, 3), inner);
            Object head = g == null ? p : node("when", nl(p, g));
            out.add(node("->", nl(nl(head), body(Forms.at(c, 4), inner))));
        }
        return out;
    }

    /** Erlang's guard sequence {@code [[g1, g2], [g3]]} as {@code g1 and g2 when g3}; null for none. */
    private static Object guards(Object guards, Set<String> scope) {
        Object out = null;
        List<Object> alternatives = Forms.list(guards);
        for (int i = alternatives.size() - 1; i >= 0; i--) {
            Object conj = null;
            List<Object> tests = Forms.list(alternatives.get(i));
            for (int j = tests.size() - 1; j >= 0; j--) {
                Object g = expr(tests.get(j), new HashSet<>(scope));
                conj = conj == null ? g : node("and", nl(g, conj));
            }
            out = out == null ? conj : node("when", nl(conj, out));
        }
        return out;
    }

    /**
     * A pattern: a variable bound before ({@code scope}) is pinned, one met first here is bound
     * (added to {@code bound}).
     */
    private static Object pattern(Object f, Set<String> scope, Set<String> bound) {
        String kind = Forms.kind(f);
        if (kind == null) throw Untranslatable.INSTANCE;
        switch (kind) {
            case "var" -> {
                String name = elixirName(((Atom) Forms.at(f, 2)).name());
                if (name.equals("_")) return var("_");
                if (scope.contains(name) && !bound.contains(name)) return node("^", nl(varNamed(name)));
                bound.add(name);
                return varNamed(name);
            }
            case "cons" -> { return cons(f, scope, bound, true); }
            case "tuple" -> {
                List<Object> es = new ArrayList<>();
                for (Object e : Forms.list(Forms.at(f, 2))) es.add(pattern(e, scope, bound));
                return es.size() == 2 ? Tuple.of(es.get(0), es.get(1)) : node("{}", es);
            }
            case "map" -> {
                List<Object> pairs = new ArrayList<>();
                for (Object a : Forms.list(Forms.at(f, 2))) pairs.add(Tuple.of(expr(Forms.at(a, 2), scope), pattern(Forms.at(a, 3), scope, bound)));
                return node("%{}", pairs);
            }
            case "match" -> { return node("=", nl(pattern(Forms.at(f, 2), scope, bound), pattern(Forms.at(f, 3), scope, bound))); }
            case "bin" -> {
                List<Object> es = Forms.list(Forms.at(f, 2));
                if (es.size() == 2 && "string".equals(Forms.kind(Forms.at(es.get(0), 2))) && nl(Atom.of("binary")).equals(Forms.at(es.get(1), 4))) {
                    return node("<>", nl(bytes(Forms.list(Forms.at(Forms.at(es.get(0), 2), 2))), pattern(Forms.at(es.get(1), 2), scope, bound)));
                }
                if (es.stream().allMatch(e -> "string".equals(Forms.kind(Forms.at(e, 2))))) return expr(f, scope);
                throw Untranslatable.INSTANCE;
            }
            case "op" -> {
                if (((Tuple) f).size() == 4 && Atom.of("-").equals(Forms.at(f, 2)) && Forms.at(Forms.at(f, 3), 2) instanceof Number) {
                    return node("-", nl(Forms.at(Forms.at(f, 3), 2)));
                }
                throw Untranslatable.INSTANCE;
            }
            default -> { return expr(f, scope); } // literals
        }
    }

    // ---- the quoted form ----------------------------------------------------------------------

    /** A list that may hold nil (null), as the quoted form's. */
    private static List<Object> nl(Object... items) {
        return java.util.Arrays.asList(items);
    }

    private static Tuple node(String name, List<Object> args) {
        return Tuple.of(Atom.of(name), META, args);
    }

    private static Tuple var(String erlangName) {
        return varNamed(elixirName(erlangName));
    }

    private static Tuple varNamed(String name) {
        return Tuple.of(Atom.of(name), META, null);
    }
}
