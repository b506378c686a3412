package procshell.shell.elixir.erl;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Bitstring;
import procshell.runtime.node.Tuple;

/**
 * A {@code fn}'s quoted form in Erlang's abstract format, as Elixir 1.14's compiler writes it for
 * {@code erl_eval} when iex evaluates the fn: macros expanded ({@code |>}, {@code if}/{@code unless},
 * {@code &&}/{@code ||}/{@code !}, {@code cond}, string interpolation, {@code <>}, {@code raise},
 * captures, ranges), Kernel's inlined functions as {@code :erlang}'s (operators as {@code {:op, ...}}),
 * the others as remote calls of {@code Elixir.Kernel}, module calls as remote calls of
 * {@code Elixir.Mod}, and variables named as Elixir names them ({@code x} is {@code _x@1}, each
 * binding a new version), {@code x.key} and a {@code for} of one generator as Elixir expands them.
 * A form it does not know ({@code with}, {@code try}, a {@code for} with filters, other macros,
 * sigils, structs) makes it refuse the whole fn ({@link Untranslatable}).
 */
final class ElixirToErlang {
    private static final Atom DO = Atom.of("do");
    private static final Atom ELSE = Atom.of("else");
    private static final Atom AFTER = Atom.of("after");
    private static final Atom KERNEL = Atom.of("Elixir.Kernel");

    /** What a fn becomes: its clauses, and the outer variables it reads under their Erlang names. */
    record Fun(int line, int arity, List<Object> clauses, Map<String, String> free) {}

    private final Set<String> outer;
    private final Map<String, String> free = new LinkedHashMap<>();
    private final Map<String, Integer> versions = new HashMap<>();
    private int line = 1;
    /** True while translating a guard: {@code and}/{@code or} are {@code andalso}/{@code orelse} there. */
    private boolean inGuard;

    private ElixirToErlang(Set<String> outer) {
        this.outer = outer;
    }

    /**
     * Translates a fn.
     *
     * @param fn    the quoted {@code {:fn, meta, [{:->, meta, [args, body]}, ...]}}
     * @param outer the variables bound where the fn was made (its possible free variables)
     * @return its clauses and the outer variables they read (Elixir name -> Erlang name)
     * @throws Untranslatable when the fn holds a form with no translation here
     */
    static Fun fn(Object fn, Set<String> outer) {
        ElixirToErlang t = new ElixirToErlang(outer);
        Tuple f = t.expr(fn, new HashMap<>());
        List<Object> clauses = Forms.list(((Tuple) f.get(2)).get(1));
        int arity = Forms.list(((Tuple) clauses.get(0)).get(2)).size();
        return new Fun(Forms.line(f), arity, clauses, t.free);
    }

    // ---- expressions --------------------------------------------------------------------------

    private Tuple expr(Object q, Map<String, String> sc) {
        int saved = line;
        int l = lineOf(q);
        if (l > 0) line = l;
        try {
            return exprAt(q, sc);
        } finally {
            line = saved;
        }
    }

    private Tuple exprAt(Object q, Map<String, String> sc) {
        Tuple lit = literal(q);
        if (lit != null) return lit;
        if (q instanceof List<?> l) return list(l, sc, false, null);
        if (q instanceof Tuple t && t.size() == 2) return Forms.form("tuple", line, List.of(expr(t.get(0), sc), expr(t.get(1), sc)));
        if (!isNode(q)) throw Untranslatable.INSTANCE;
        Tuple n = (Tuple) q;
        if (isVar(q)) return Forms.var(line, read(name(q), sc));
        if (!(n.get(0) instanceof Atom head)) return call(n, sc);
        List<Object> args = args(q);
        String op = head.name();
        int arity = args.size();
        switch (op) {
            case "__block__" -> {
                List<Object> body = block(q, sc);
                return body.size() == 1 ? (Tuple) body.get(0) : Forms.form("block", line, body);
            }
            case "__aliases__" -> { return Forms.atom(line, alias(q)); }
            case "{}" -> { return Forms.form("tuple", line, exprs(args, sc)); }
            case "%{}" -> { return map(args, sc, false); }
            case "=" -> {
                if (arity != 2) break;
                Tuple right = expr(args.get(1), sc);
                Map<String, String> bound = new LinkedHashMap<>();
                Tuple left = pattern(args.get(0), sc, bound);
                sc.putAll(bound);
                return Forms.form("match", line, left, right);
            }
            case "|>" -> { if (arity == 2) return expr(pipe(args.get(0), args.get(1)), sc); }
            case "fn" -> { return fn(args, sc); }
            case "case" -> {
                if (arity != 2) break;
                Tuple subject = expr(args.get(0), sc);
                return Forms.form("case", line, subject, clauses(kw(args.get(1), DO), sc));
            }
            case "receive" -> { if (arity == 1) return receive(args.get(0), sc); }
            case "cond" -> { if (arity == 1) return cond(Forms.list(kw(args.get(0), DO)), 0, sc); }
            case "if", "unless" -> {
                if (arity != 2 || !(args.get(1) instanceof List<?>)) break;
                Object yes = kw(args.get(1), DO);
                Object no = kw(args.get(1), ELSE);
                return op.equals("if") ? truthy(args.get(0), yes, no, sc) : truthy(args.get(0), no, yes, sc);
            }
            case "&&" -> { if (arity == 2) return shortCircuit(args.get(0), args.get(1), true, sc); }
            case "||" -> { if (arity == 2) return shortCircuit(args.get(0), args.get(1), false, sc); }
            case "!" -> { if (arity == 1) return truthy(args.get(0), Boolean.FALSE, Boolean.TRUE, sc); }
            case "not" -> { if (arity == 1) return Forms.form("op", line, Atom.of("not"), expr(args.get(0), sc)); }
            case "-", "+" -> {
                if (arity != 1) break;
                return Forms.form("op", line, Atom.of(op), expr(args.get(0), sc));
            }
            case "<>" -> { if (arity == 2) return concat(args.get(0), args.get(1), sc); }
            case "<<>>" -> { return binary(args, sc); }
            case "&" -> { if (arity == 1) return capture(args.get(0), sc); }
            case ".." -> { if (arity == 2) return range(args.get(0), args.get(1), sc); }
            case "in" -> {
                if (arity == 2) return Forms.remoteCall(line, "Elixir.Enum", "member?", List.of(expr(args.get(1), sc), expr(args.get(0), sc)));
            }
            case "raise" -> { return raise(args, sc); }
            case "for" -> { return comprehension(args, sc); }
            case "is_nil" -> {
                if (arity == 1) return Forms.form("op", line, Atom.of("=="), expr(args.get(0), sc), Forms.atom(line, null));
            }
            case "to_string" -> {
                if (arity == 1) return interpolated(args.get(0), sc);
            }
            case "elem" -> {
                if (arity == 2) return Forms.remoteCall(line, "erlang", "element", List.of(plusOne(args.get(1), sc), expr(args.get(0), sc)));
            }
            case "put_elem" -> {
                if (arity == 3) {
                    return Forms.remoteCall(line, "erlang", "setelement",
                            List.of(plusOne(args.get(1), sc), expr(args.get(0), sc), expr(args.get(2), sc)));
                }
            }
            default -> { }
        }
        if ((op.equals("and") || op.equals("or")) && arity == 2 && !inGuard) return strictBoolean(op, args.get(0), args.get(1), sc);
        if ((op.equals("++") || op.equals("--")) && arity == 2) return Forms.remoteCall(line, "erlang", op, exprs(args, sc));
        String erlOp = KernelInlines.BINARY_OPS.get(op);
        if (erlOp != null && arity == 2) return Forms.form("op", line, Atom.of(erlOp), expr(args.get(0), sc), expr(args.get(1), sc));
        return localCall(op, args, sc);
    }

    private Tuple localCall(String name, List<Object> args, Map<String, String> sc) {
        String erl = KernelInlines.erlang(name, args.size());
        if (erl != null) return Forms.remoteCall(line, "erlang", erl, exprs(args, sc));
        if (KernelInlines.kernel(name, args.size())) return Forms.remoteCall(line, "Elixir.Kernel", name, exprs(args, sc));
        throw Untranslatable.INSTANCE; // a macro or function this translation does not know
    }

    /** {@code Mod.fun(args)}, {@code f.(args)}, {@code :erlang.+(a, b)}. */
    private Tuple call(Tuple n, Map<String, String> sc) {
        Object head = n.get(0);
        List<Object> args = args(n);
        if (!isNode(head) || !".".equals(name(head))) throw Untranslatable.INSTANCE;
        List<Object> dot = args(head);
        if (dot.size() == 1) return Forms.form("call", line, expr(dot.get(0), sc), exprs(args, sc));
        if (dot.size() != 2 || !(dot.get(1) instanceof Atom fun)) throw Untranslatable.INSTANCE;
        Object receiver = dot.get(0);
        Atom module = receiver instanceof Atom a ? a : isNode(receiver) && "__aliases__".equals(name(receiver)) ? alias(receiver) : null;
        if (module == null) {
            if (args.isEmpty() && noParens(n)) return field(expr(receiver, sc), fun);
            return Forms.form("call", line, Forms.form("remote", line, expr(receiver, sc), Forms.atom(line, fun)), exprs(args, sc));
        }
        if (module.equals(KERNEL)) return expr(Tuple.of(fun, List.of(), args), sc);
        if (module.name().equals("erlang") && args.size() == 2 && KernelInlines.elixirOp(fun.name()) != null) {
            return Forms.form("op", line, fun, expr(args.get(0), sc), expr(args.get(1), sc));
        }
        return Forms.remoteCall(line, module.name(), fun.name(), exprs(args, sc));
    }

    /**
     * {@code term.key}: {@code case term do %{key: v} -> v; v when is_atom(v) and v not in
     * [nil, true, false] -> v.key(); v -> :erlang.error({:badkey, :key, v}) end}, Elixir's expansion.
     */
    private Tuple field(Tuple term, Atom key) {
        String v = fresh("");
        Tuple var = Forms.var(line, v);
        List<Object> isModule = List.of(Forms.remoteCall(line, "erlang", "is_atom", List.of(var)),
                Forms.form("op", line, Atom.of("=/="), var, Forms.atom(line, null)),
                Forms.form("op", line, Atom.of("=/="), var, Forms.atom(line, Boolean.TRUE)),
                Forms.form("op", line, Atom.of("=/="), var, Forms.atom(line, Boolean.FALSE)));
        Tuple badkey = Forms.form("tuple", line, List.of(Forms.atom(line, Atom.of("badkey")), Forms.atom(line, key), var));
        return Forms.form("case", line, term, List.of(
                Forms.form("clause", line, List.of(Forms.form("map", line, List.of(Forms.form("map_field_exact", line, Forms.atom(line, key), var)))),
                        List.of(), List.of(var)),
                Forms.form("clause", line, List.of(var), List.of(isModule),
                        List.of(Forms.form("call", line, Forms.form("remote", line, var, Forms.atom(line, key)), List.of()))),
                Forms.form("clause", line, List.of(var), List.of(), List.of(Forms.remoteCall(line, "erlang", "error", List.of(badkey))))));
    }

    /**
     * {@code for pattern <- list, do: body} (one generator, no filter, into a list):
     * {@code :lists.reverse(Enum.reduce(list, [], fn pattern, acc -> [body | acc]; _, acc -> acc end))},
     * Elixir's expansion (the second clause only for a pattern that may not match).
     */
    private Tuple comprehension(List<Object> args, Map<String, String> sc) {
        if (args.size() != 2 || !isNode(args.get(0)) || !"<-".equals(name(args.get(0))) || !(args.get(1) instanceof List<?> opts)
                || opts.size() != 1 || kw(opts, DO) == null) {
            throw Untranslatable.INSTANCE;
        }
        List<Object> gen = args(args.get(0));
        if (gen.size() != 2) throw Untranslatable.INSTANCE;
        Tuple list = expr(gen.get(1), sc);
        Map<String, String> inner = new HashMap<>(sc);
        Map<String, String> bound = new LinkedHashMap<>();
        Tuple pattern = pattern(gen.get(0), inner, bound);
        inner.putAll(bound);
        Tuple acc = Forms.var(line, fresh(""));
        Tuple body = blockOf(block(kw(opts, DO), inner));
        List<Object> clauses = new ArrayList<>();
        clauses.add(Forms.form("clause", line, List.of(pattern, acc), List.of(), List.of(Forms.form("cons", line, body, acc))));
        if (!"var".equals(Forms.kind(pattern))) {
            clauses.add(Forms.form("clause", line, List.of(Forms.var(line, "_"), acc), List.of(), List.of(acc)));
        }
        Tuple reducer = Forms.form("fun", line, Tuple.of(Atom.of("clauses"), clauses));
        Tuple reduced = Forms.remoteCall(line, "Elixir.Enum", "reduce", List.of(list, Forms.form("nil", line), reducer));
        return Forms.remoteCall(line, "lists", "reverse", List.of(reduced));
    }

    private List<Object> exprs(List<Object> qs, Map<String, String> sc) {
        List<Object> out = new ArrayList<>();
        for (Object q : qs) out.add(expr(q, sc));
        return out;
    }

    /** The expressions of a body, in order (a block's one by one); an empty body is nil. */
    private List<Object> block(Object q, Map<String, String> sc) {
        List<Object> out = new ArrayList<>();
        List<Object> items = isNode(q) && "__block__".equals(name(q)) ? args(q) : java.util.Collections.singletonList(q);
        for (Object e : items) {
            Tuple f = expr(e, sc);
            out.add(f);
        }
        if (out.isEmpty()) out.add(Forms.atom(line, null));
        return out;
    }

    // ---- literals -----------------------------------------------------------------------------

    private Tuple literal(Object q) {
        if (q == null || q instanceof Boolean || q instanceof Atom) return Forms.atom(line, q);
        if (q instanceof Number n) return number(n);
        if (q instanceof String s) return string(s.getBytes(StandardCharsets.UTF_8));
        if (q instanceof Bitstring b && Bitstring.bitSize(b) % 8 == 0) return string(Bitstring.bytes(b));
        return null;
    }

    private Tuple number(Number n) {
        if (n instanceof Double || n instanceof Float) return Forms.form("float", line, n.doubleValue());
        return Forms.form("integer", line, n);
    }

    private static Number negate(Number n) {
        if (n instanceof Double d) return -d;
        BigInteger v = (n instanceof BigInteger b ? b : BigInteger.valueOf(n.longValue())).negate();
        if (v.bitLength() < 32) return v.intValue();
        return v.bitLength() < 64 ? (Number) v.longValue() : v;
    }

    /** A binary literal: {@code {:bin, l, [{:bin_element, l, {:string, l, bytes}, :default, :default}]}}. */
    private Tuple string(byte[] bytes) {
        if (bytes.length == 0) return Forms.form("bin", line, List.of());
        return Forms.form("bin", line, List.of(stringElement(bytes)));
    }

    private Tuple stringElement(byte[] bytes) {
        List<Object> chars = new ArrayList<>();
        for (byte b : bytes) chars.add(b & 0xff);
        return Forms.form("bin_element", line, Forms.form("string", line, chars), Atom.of("default"), Atom.of("default"));
    }

    private Tuple binaryElement(Tuple value) {
        return Forms.form("bin_element", line, value, Atom.of("default"), List.of(Atom.of("binary")));
    }

    private Tuple list(List<?> l, Map<String, String> sc, boolean pattern, Map<String, String> bound) {
        Tuple tail = Forms.form("nil", line);
        int end = l.size();
        if (end > 0 && isNode(l.get(end - 1)) && "|".equals(name(l.get(end - 1))) && args(l.get(end - 1)).size() == 2) {
            List<Object> bar = args(l.get(end - 1));
            Tuple last = pattern ? pattern(bar.get(0), sc, bound) : expr(bar.get(0), sc);
            tail = Forms.form("cons", line, last, pattern ? pattern(bar.get(1), sc, bound) : expr(bar.get(1), sc));
            end--;
        }
        List<Tuple> heads = new ArrayList<>();
        for (int i = 0; i < end; i++) heads.add(pattern ? pattern(l.get(i), sc, bound) : expr(l.get(i), sc));
        for (int i = heads.size() - 1; i >= 0; i--) tail = Forms.form("cons", line, heads.get(i), tail);
        return tail;
    }

    private Tuple map(List<Object> pairs, Map<String, String> sc, boolean pattern) {
        return map(pairs, sc, pattern, null);
    }

    private Tuple map(List<Object> pairs, Map<String, String> sc, boolean pattern, Map<String, String> bound) {
        if (!pattern && pairs.size() == 1 && isNode(pairs.get(0)) && "|".equals(name(pairs.get(0)))) {
            List<Object> upd = args(pairs.get(0));
            Tuple base = expr(upd.get(0), sc);
            return Forms.form("map", line, base, fields(Forms.list(upd.get(1)), sc, "map_field_exact", false, null));
        }
        return Forms.form("map", line, fields(pairs, sc, pattern ? "map_field_exact" : "map_field_assoc", pattern, bound));
    }

    private List<Object> fields(List<Object> pairs, Map<String, String> sc, String kind, boolean pattern, Map<String, String> bound) {
        List<Object> out = new ArrayList<>();
        for (Object p : pairs) {
            if (!(p instanceof Tuple kv) || kv.size() != 2) throw Untranslatable.INSTANCE;
            Tuple k = expr(kv.get(0), sc);
            Tuple v = pattern ? pattern(kv.get(1), sc, bound) : expr(kv.get(1), sc);
            out.add(Forms.form(kind, line, k, v));
        }
        return out;
    }

    // ---- macros -------------------------------------------------------------------------------

    /** {@code a |> f(b)} is {@code f(a, b)}. */
    private static Object pipe(Object left, Object right) {
        if (!isNode(right) || args(right) == null) throw Untranslatable.INSTANCE;
        Tuple r = (Tuple) right;
        List<Object> args = new ArrayList<>();
        args.add(left);
        args.addAll(args(right));
        return Tuple.of(r.get(0), r.get(1), args);
    }

    /**
     * {@code case value do x when x in [false, nil] -> falsy; _ -> truthy end}, Elixir's
     * expansion of {@code if}, {@code unless}, {@code !}, {@code &&} and {@code ||}.
     */
    private Tuple truthy(Object value, Object yes, Object no, Map<String, String> sc) {
        Tuple subject = expr(value, sc);
        if (returnsBoolean(subject)) {
            // the falsy clause first, as Elixir's rewrite keeps the clauses' order
            return Forms.form("case", line, subject, List.of(
                    Forms.form("clause", line, List.of(Forms.atom(line, Boolean.FALSE)), List.of(), block(no, new HashMap<>(sc))),
                    Forms.form("clause", line, List.of(Forms.atom(line, Boolean.TRUE)), List.of(), block(yes, new HashMap<>(sc)))));
        }
        String x = fresh("");
        Tuple falsyGuard = Forms.form("op", line, Atom.of("orelse"),
                Forms.form("op", line, Atom.of("=:="), Forms.var(line, x), Forms.atom(line, Boolean.FALSE)),
                Forms.form("op", line, Atom.of("=:="), Forms.var(line, x), Forms.atom(line, null)));
        Tuple falsy = Forms.form("clause", line, List.of(Forms.var(line, x)), List.of(List.of(falsyGuard)), block(no, new HashMap<>(sc)));
        Tuple other = Forms.form("clause", line, List.of(Forms.var(line, "_")), List.of(), block(yes, new HashMap<>(sc)));
        return Forms.form("case", line, subject, List.of(falsy, other));
    }

    /** {@code case subject do true -> yes; false -> no end}: Elixir's cond on a value known to be a boolean. */
    private Tuple booleanCase(Tuple subject, List<Object> yes, List<Object> no) {
        return Forms.form("case", line, subject, List.of(
                Forms.form("clause", line, List.of(Forms.atom(line, Boolean.TRUE)), List.of(), yes),
                Forms.form("clause", line, List.of(Forms.atom(line, Boolean.FALSE)), List.of(), no)));
    }

    /**
     * True when a form surely gives a boolean (Elixir's {@code elixir_utils:returns_boolean/1}): a
     * comparison, {@code not}, an {@code is_*} test, a boolean literal, a case all of whose clauses do.
     */
    private static boolean returnsBoolean(Object f) {
        String kind = Forms.kind(f);
        if (kind == null) return false;
        switch (kind) {
            case "atom" -> { return Forms.at(f, 2) instanceof Boolean; }
            case "op" -> {
                String op = ((Atom) Forms.at(f, 2)).name();
                if (((Tuple) f).size() == 4) return op.equals("not");
                if (op.equals("andalso") || op.equals("orelse")) return returnsBoolean(Forms.at(f, 4));
                return List.of("==", "/=", "=<", ">=", "<", ">", "=:=", "=/=", "and", "or", "xor").contains(op);
            }
            case "call" -> {
                Object target = Forms.at(f, 2);
                if (!"remote".equals(Forms.kind(target)) || !Atom.of("erlang").equals(Forms.at(Forms.at(target, 2), 2))) return false;
                String fun = ((Atom) Forms.at(Forms.at(target, 3), 2)).name();
                int n = Forms.list(Forms.at(f, 3)).size();
                return fun.startsWith("is_") && n == 1 && !fun.equals("is_map_key") || fun.equals("is_function") && n == 2
                        || fun.equals("function_exported") && n == 3;
            }
            case "case" -> {
                for (Object c : Forms.list(Forms.at(f, 3))) {
                    List<Object> body = Forms.list(Forms.at(c, 4));
                    if (!returnsBoolean(body.get(body.size() - 1))) return false;
                }
                return true;
            }
            default -> { return false; }
        }
    }

    /**
     * {@code a and b}, {@code a or b} outside guards: {@code case a do false -> ...; true -> ... end},
     * with a clause raising {@code {:badbool, op, a}} unless {@code a} is known to be a boolean.
     */
    private Tuple strictBoolean(String op, Object left, Object right, Map<String, String> sc) {
        Tuple subject = expr(left, sc);
        List<Object> r = List.of(expr(right, new HashMap<>(sc)));
        boolean and = op.equals("and");
        List<Object> clauses = new ArrayList<>(List.of(
                Forms.form("clause", line, List.of(Forms.atom(line, Boolean.FALSE)), List.of(), and ? List.of(Forms.atom(line, Boolean.FALSE)) : r),
                Forms.form("clause", line, List.of(Forms.atom(line, Boolean.TRUE)), List.of(), and ? r : List.of(Forms.atom(line, Boolean.TRUE)))));
        if (!returnsBoolean(subject)) {
            String x = fresh("");
            clauses.add(Forms.form("clause", line, List.of(Forms.var(line, x)), List.of(), List.of(Forms.remoteCall(line, "erlang", "error",
                    List.of(Forms.form("tuple", line, List.of(Forms.atom(line, Atom.of("badbool")), Forms.atom(line, Atom.of(op)), Forms.var(line, x))))))));
        }
        return Forms.form("case", line, subject, clauses);
    }

    /** {@code a && b}: b when a is truthy, else a; {@code a || b}: a when truthy, else b. */
    private Tuple shortCircuit(Object left, Object right, boolean and, Map<String, String> sc) {
        Tuple subject = expr(left, sc);
        String x = fresh("");
        Tuple falsyGuard = Forms.form("op", line, Atom.of("orelse"),
                Forms.form("op", line, Atom.of("=:="), Forms.var(line, x), Forms.atom(line, Boolean.FALSE)),
                Forms.form("op", line, Atom.of("=:="), Forms.var(line, x), Forms.atom(line, null)));
        List<Object> rightBody = block(right, new HashMap<>(sc));
        if (and) {
            return Forms.form("case", line, subject, List.of(
                    Forms.form("clause", line, List.of(Forms.var(line, x)), List.of(List.of(falsyGuard)), List.of(Forms.var(line, x))),
                    Forms.form("clause", line, List.of(Forms.var(line, "_")), List.of(), rightBody)));
        }
        String y = fresh("");
        return Forms.form("case", line, subject, List.of(
                Forms.form("clause", line, List.of(Forms.var(line, x)), List.of(List.of(falsyGuard)), rightBody),
                Forms.form("clause", line, List.of(Forms.var(line, y)), List.of(), List.of(Forms.var(line, y)))));
    }

    /**
     * {@code cond}: each condition a case on its truthiness,
     * {@code case c do x when x != nil and x != false -> body; _ -> next end} (true/false clauses
     * when it is surely a boolean); none true raises {@code :cond_clause}.
     */
    private Tuple cond(List<Object> clauses, int i, Map<String, String> sc) {
        List<Object> arrow = args(clauses.get(i));
        List<Object> head = Forms.list(arrow.get(0));
        if (head.size() != 1) throw Untranslatable.INSTANCE;
        Tuple subject = expr(head.get(0), sc);
        List<Object> body = block(arrow.get(1), new HashMap<>(sc));
        List<Object> next = i + 1 == clauses.size()
                ? List.of(Forms.remoteCall(line, "erlang", "error", List.of(Forms.atom(line, Atom.of("cond_clause")))))
                : List.of(cond(clauses, i + 1, sc));
        if (returnsBoolean(subject)) return booleanCase(subject, body, next);
        String x = fresh("");
        Tuple truthyGuard = Forms.form("op", line, Atom.of("andalso"),
                Forms.form("op", line, Atom.of("/="), Forms.var(line, x), Forms.atom(line, null)),
                Forms.form("op", line, Atom.of("/="), Forms.var(line, x), Forms.atom(line, Boolean.FALSE)));
        return Forms.form("case", line, subject, List.of(
                Forms.form("clause", line, List.of(Forms.var(line, x)), List.of(List.of(truthyGuard)), body),
                Forms.form("clause", line, List.of(Forms.var(line, "_")), List.of(), next)));
    }

    private Tuple blockOf(List<Object> body) {
        return body.size() == 1 ? (Tuple) body.get(0) : Forms.form("block", line, body);
    }

    private Tuple receive(Object options, Map<String, String> sc) {
        Object doClauses = kw(options, DO);
        List<Object> clauses = doClauses == null ? List.of() : clauses(doClauses, sc);
        Object after = kw(options, AFTER);
        if (after == null) return Forms.form("receive", line, clauses);
        List<Object> arrows = Forms.list(after);
        if (arrows.size() != 1) throw Untranslatable.INSTANCE;
        List<Object> arrow = args(arrows.get(0));
        Tuple timeout = expr(Forms.list(arrow.get(0)).get(0), sc);
        return Forms.form("receive", line, clauses, timeout, block(arrow.get(1), new HashMap<>(sc)));
    }

    /** {@code left <> right}: a binary of both, each a binary segment (a literal string as it is). */
    private Tuple concat(Object left, Object right, Map<String, String> sc) {
        List<Object> elements = new ArrayList<>();
        for (Object side : java.util.Arrays.asList(left, right)) {
            if (side instanceof String s) elements.add(stringElement(s.getBytes(StandardCharsets.UTF_8)));
            else elements.add(binaryElement(expr(side, sc)));
        }
        return Forms.form("bin", line, elements);
    }

    /** A string with interpolations, or a binary of {@code x::binary} and integer segments. */
    private Tuple binary(List<Object> parts, Map<String, String> sc) {
        List<Object> elements = new ArrayList<>();
        for (Object p : parts) {
            if (p instanceof String s) {
                if (!s.isEmpty()) elements.add(stringElement(s.getBytes(StandardCharsets.UTF_8)));
            } else if (p instanceof Integer) {
                elements.add(Forms.form("bin_element", line, expr(p, sc), Atom.of("default"), Atom.of("default")));
            } else if (isNode(p) && "::".equals(name(p)) && isVar(args(p).get(1)) && "binary".equals(name(args(p).get(1)))) {
                Object value = args(p).get(0);
                if (isNode(value) && isNode(((Tuple) value).get(0)) && ".".equals(name(((Tuple) value).get(0)))
                        && args(((Tuple) value).get(0)).equals(List.of(KERNEL, Atom.of("to_string")))) {
                    elements.add(binaryElement(interpolated(args(value).get(0), sc)));
                } else {
                    elements.add(binaryElement(expr(value, sc)));
                }
            } else {
                throw Untranslatable.INSTANCE;
            }
        }
        return Forms.form("bin", line, elements);
    }

    /** {@code case value do x when is_binary(x) -> x; x -> String.Chars.to_string(x) end}. */
    private Tuple interpolated(Object value, Map<String, String> sc) {
        Tuple subject = expr(value, sc);
        String x = fresh("");
        Tuple isBinary = Forms.remoteCall(line, "erlang", "is_binary", List.of(Forms.var(line, x)));
        return Forms.form("case", line, subject, List.of(
                Forms.form("clause", line, List.of(Forms.var(line, x)), List.of(List.of(isBinary)), List.of(Forms.var(line, x))),
                Forms.form("clause", line, List.of(Forms.var(line, x)), List.of(),
                        List.of(Forms.remoteCall(line, "Elixir.String.Chars", "to_string", List.of(Forms.var(line, x)))))));
    }

    /**
     * {@code raise "message"} and {@code raise Mod}: {@code :erlang.error(exception, :none,
     * [error_info: %{module: Exception}])}; {@code raise Mod, attributes}: {@code :erlang.error(exception)}.
     */
    private Tuple raise(List<Object> args, Map<String, String> sc) {
        Tuple exception;
        if (args.size() == 1 && (args.get(0) instanceof String || isNode(args.get(0)) && "<<>>".equals(name(args.get(0))))) {
            exception = Forms.remoteCall(line, "Elixir.RuntimeError", "exception", List.of(expr(args.get(0), sc)));
        } else if (!args.isEmpty() && args.size() <= 2 && isNode(args.get(0)) && "__aliases__".equals(name(args.get(0)))) {
            Tuple attributes = args.size() == 2 ? expr(args.get(1), sc) : Forms.form("nil", line);
            exception = Forms.remoteCall(line, alias(args.get(0)).name(), "exception", List.of(attributes));
            if (args.size() == 2) return Forms.remoteCall(line, "erlang", "error", List.of(exception));
        } else {
            throw Untranslatable.INSTANCE;
        }
        Tuple errorInfo = Forms.form("tuple", line, List.of(Forms.atom(line, Atom.of("error_info")), Forms.form("map", line,
                List.of(Forms.form("map_field_assoc", line, Forms.atom(line, Atom.of("module")), Forms.atom(line, Atom.of("Elixir.Exception")))))));
        return Forms.remoteCall(line, "erlang", "error", List.of(exception, Forms.atom(line, Atom.of("none")),
                Forms.form("cons", line, errorInfo, Forms.form("nil", line))));
    }

    private Tuple range(Object first, Object last, Map<String, String> sc) {
        if (first instanceof Integer a && last instanceof Integer b) {
            return Forms.form("map", line, List.of(
                    Forms.form("map_field_assoc", line, Forms.atom(line, Atom.of("__struct__")), Forms.atom(line, Atom.of("Elixir.Range"))),
                    Forms.form("map_field_assoc", line, Forms.atom(line, Atom.of("first")), number(a)),
                    Forms.form("map_field_assoc", line, Forms.atom(line, Atom.of("last")), number(b)),
                    Forms.form("map_field_assoc", line, Forms.atom(line, Atom.of("step")), number(a <= b ? 1 : -1))));
        }
        return Forms.remoteCall(line, "Elixir.Range", "new", List.of(expr(first, sc), expr(last, sc)));
    }

    private Tuple plusOne(Object index, Map<String, String> sc) {
        if (index instanceof Integer i) return number(i + 1);
        return Forms.form("op", line, Atom.of("+"), expr(index, sc), number(1));
    }

    /** {@code &Mod.fun/arity}, {@code &fun/arity} (a Kernel function), {@code &(&1 + 1)}. */
    private Tuple capture(Object body, Map<String, String> sc) {
        if (isNode(body) && "/".equals(name(body)) && args(body).size() == 2 && args(body).get(1) instanceof Integer arity) {
            Object target = args(body).get(0);
            if (isNode(target) && isNode(((Tuple) target).get(0)) && args(target).isEmpty()) {
                List<Object> dot = args(((Tuple) target).get(0));
                Atom module = dot.get(0) instanceof Atom a ? a : isNode(dot.get(0)) && "__aliases__".equals(name(dot.get(0))) ? alias(dot.get(0)) : null;
                if (module != null && dot.size() == 2 && dot.get(1) instanceof Atom f) return functionRef(module.name(), f.name(), arity);
            } else if (isNode(target) && ((Tuple) target).get(0) instanceof Atom f && !(isVar(target) && sc.containsKey(f.name()))) {
                String erl = KernelInlines.erlang(f.name(), arity);
                if (erl != null) return functionRef("erlang", erl, arity);
                if (KernelInlines.kernel(f.name(), arity)) return functionRef("Elixir.Kernel", f.name(), arity);
            }
            throw Untranslatable.INSTANCE;
        }
        int arity = maxCapture(body);
        if (arity == 0) throw Untranslatable.INSTANCE;
        List<Object> params = new ArrayList<>();
        for (int i = 1; i <= arity; i++) params.add(Tuple.of(Atom.of("&" + i), List.of(), null));
        Object arrow = Tuple.of(Atom.of("->"), List.of(), List.of(params, replaceCaptures(body)));
        return fn(List.of(arrow), sc);
    }

    private Tuple functionRef(String module, String function, int arity) {
        return Forms.form("fun", line, Tuple.of(Atom.of("function"), Forms.atom(line, Atom.of(module)), Forms.atom(line, Atom.of(function)),
                number(arity)));
    }

    private static int maxCapture(Object q) {
        if (isNode(q) && "&".equals(name(q)) && args(q).size() == 1 && args(q).get(0) instanceof Integer i) return i;
        int max = 0;
        if (q instanceof List<?> l) for (Object o : l) max = Math.max(max, maxCapture(o));
        else if (q instanceof Tuple t) for (int i = 0; i < t.size(); i++) max = Math.max(max, maxCapture(t.get(i)));
        return max;
    }

    private static Object replaceCaptures(Object q) {
        if (isNode(q) && "&".equals(name(q)) && args(q).size() == 1 && args(q).get(0) instanceof Integer i) {
            return Tuple.of(Atom.of("&" + i), List.of(), null);
        }
        if (q instanceof List<?> l) return l.stream().map(ElixirToErlang::replaceCaptures).toList();
        if (q instanceof Tuple t) {
            Object[] parts = new Object[t.size()];
            for (int i = 0; i < t.size(); i++) parts[i] = replaceCaptures(t.get(i));
            return Tuple.of(parts);
        }
        return q;
    }

    // ---- clauses ------------------------------------------------------------------------------

    /** {@code fn clauses end}: {@code {:fun, l, {:clauses, [{:clause, l, patterns, guards, body}]}}}. */
    private Tuple fn(List<Object> arrows, Map<String, String> sc) {
        List<Object> clauses = new ArrayList<>();
        for (Object a : arrows) {
            if (!isNode(a) || !"->".equals(name(a))) throw Untranslatable.INSTANCE;
            List<Object> head = Forms.list(args(a).get(0));
            Object guard = null;
            if (head.size() == 1 && isNode(head.get(0)) && "when".equals(name(head.get(0)))) {
                List<Object> w = args(head.get(0));
                head = w.subList(0, w.size() - 1);
                guard = w.get(w.size() - 1);
            }
            clauses.add(clause(head, guard, args(a).get(1), sc));
        }
        if (clauses.isEmpty()) throw Untranslatable.INSTANCE;
        return Forms.form("fun", line, Tuple.of(Atom.of("clauses"), clauses));
    }

    /** The clauses of a {@code case} or {@code receive}: one pattern each, a guard maybe. */
    private List<Object> clauses(Object arrows, Map<String, String> sc) {
        List<Object> out = new ArrayList<>();
        for (Object a : Forms.list(arrows)) {
            if (!isNode(a) || !"->".equals(name(a))) throw Untranslatable.INSTANCE;
            List<Object> head = Forms.list(args(a).get(0));
            if (head.size() != 1) throw Untranslatable.INSTANCE;
            Object pattern = head.get(0);
            Object guard = null;
            if (isNode(pattern) && "when".equals(name(pattern)) && args(pattern).size() == 2) {
                guard = args(pattern).get(1);
                pattern = args(pattern).get(0);
            }
            out.add(clause(List.of(pattern), guard, args(a).get(1), sc));
        }
        return out;
    }

    private Tuple clause(List<Object> patterns, Object guard, Object body, Map<String, String> outerScope) {
        int saved = line;
        Map<String, String> sc = new HashMap<>(outerScope);
        Map<String, String> bound = new LinkedHashMap<>();
        List<Object> pats = new ArrayList<>();
        for (Object p : patterns) pats.add(pattern(p, sc, bound));
        int at = line;
        sc.putAll(bound);
        List<Object> guards = new ArrayList<>();
        inGuard = true;
        while (guard != null) {
            if (isNode(guard) && "when".equals(name(guard)) && args(guard).size() == 2) {
                guards.add(List.of(expr(args(guard).get(0), sc)));
                guard = args(guard).get(1);
            } else {
                guards.add(List.of(expr(guard, sc)));
                guard = null;
            }
        }
        inGuard = false;
        List<Object> b = block(body, sc);
        line = saved;
        return Forms.form("clause", at, pats, guards, b);
    }

    // ---- patterns -----------------------------------------------------------------------------

    /**
     * A pattern; its variables are new versions (recorded in {@code bound}, the same name twice in
     * one pattern is one variable), {@code ^x} the version in scope.
     */
    private Tuple pattern(Object q, Map<String, String> sc, Map<String, String> bound) {
        int l = lineOf(q);
        if (l > 0) line = l;
        Tuple lit = literal(q);
        if (lit != null) return lit;
        if (q instanceof List<?> list) return list(list, sc, true, bound);
        if (q instanceof Tuple t && t.size() == 2) {
            return Forms.form("tuple", line, List.of(pattern(t.get(0), sc, bound), pattern(t.get(1), sc, bound)));
        }
        if (!isNode(q)) throw Untranslatable.INSTANCE;
        if (isVar(q)) {
            String name = name(q);
            if (name.equals("_")) return Forms.var(line, "_");
            return Forms.var(line, bound.computeIfAbsent(name, this::fresh));
        }
        List<Object> args = args(q);
        switch (String.valueOf(name(q))) {
            case "^" -> { return Forms.var(line, read(name(args.get(0)), sc)); }
            case "{}" -> {
                List<Object> out = new ArrayList<>();
                for (Object a : args) out.add(pattern(a, sc, bound));
                return Forms.form("tuple", line, out);
            }
            case "%{}" -> { return map(args, sc, true, bound); }
            case "=" -> { return Forms.form("match", line, pattern(args.get(0), sc, bound), pattern(args.get(1), sc, bound)); }
            case "<>" -> {
                if (!(args.get(0) instanceof String prefix)) throw Untranslatable.INSTANCE;
                return Forms.form("bin", line, List.of(stringElement(prefix.getBytes(StandardCharsets.UTF_8)),
                        binaryElement(pattern(args.get(1), sc, bound))));
            }
            case "-" -> { if (args.size() == 1 && args.get(0) instanceof Number n) return number(negate(n)); }
            case "__aliases__" -> { return Forms.atom(line, alias(q)); }
            default -> { }
        }
        throw Untranslatable.INSTANCE;
    }

    // ---- variables ----------------------------------------------------------------------------

    /** The Erlang name of a variable read here: its version in scope, or the outer variable's. */
    private String read(String name, Map<String, String> sc) {
        if (name == null) throw Untranslatable.INSTANCE;
        String erl = sc.get(name);
        if (erl != null) return erl;
        if (!outer.contains(name)) throw Untranslatable.INSTANCE; // an undefined variable: the compiler's error
        erl = free.computeIfAbsent(name, this::fresh);
        sc.put(name, erl);
        return erl;
    }

    /** A new version of a variable: {@code x} -> {@code _x@1}, {@code _x@2}, ...; {@code ""} for one the expansion makes. */
    private String fresh(String name) {
        String base = name.startsWith("&") ? "x" + name.substring(1) : name;
        int v = versions.merge(base, 1, Integer::sum);
        return "_" + base + "@" + v;
    }

    // ---- the quoted form ----------------------------------------------------------------------

    private static boolean isNode(Object q) {
        return q instanceof Tuple t && t.size() == 3 && t.get(1) instanceof List<?>;
    }

    private static boolean isVar(Object q) {
        return isNode(q) && ((Tuple) q).get(0) instanceof Atom && !(((Tuple) q).get(2) instanceof List<?>);
    }

    private static String name(Object q) {
        return isNode(q) && ((Tuple) q).get(0) instanceof Atom a ? a.name() : null;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> args(Object q) {
        return ((Tuple) q).get(2) instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static int lineOf(Object q) {
        if (!isNode(q)) return 0;
        Object l = kw(((Tuple) q).get(1), Atom.of("line"));
        return l instanceof Integer i ? i : 0;
    }

    private static boolean noParens(Tuple n) {
        return Boolean.TRUE.equals(kw(n.get(1), Atom.of("no_parens")));
    }

    private static Object kw(Object list, Atom key) {
        if (!(list instanceof List<?> l)) return null;
        for (Object o : l) {
            if (o instanceof Tuple t && t.size() == 2 && key.equals(t.get(0))) return t.get(1);
        }
        return null;
    }

    private static Atom alias(Object q) {
        StringBuilder b = new StringBuilder("Elixir");
        for (Object part : args(q)) {
            if (!(part instanceof Atom a)) throw Untranslatable.INSTANCE; // __MODULE__.X, alias of a variable
            b.append('.').append(a.name());
        }
        return Atom.of(b.toString());
    }
}
