package procshell.shell.elixir.compiler;

import java.math.BigInteger;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * Compiles an Elixir pattern (the left of {@code =}, a clause head) to the tests and bindings of
 * a {@link Pattern}: literals, {@code _}, variables (a repeated one must match the same value),
 * pins {@code ^x}, tuples, lists, {@code [h | t]}, maps, structs, {@code "prefix" <> rest},
 * {@code p1 = p2}. Literals match exactly ({@code 1} does not match {@code 1.0}).
 */
final class PatternCompiler {
    private static final Class<?> OPS = procshell.shell.iex.Ops.class;

    private final Unit unit;
    /** The compiler whose Groovy the pattern's steps become; null when the direct path plans the pattern. */
    private final Compiler compiler;

    /**
     * @param unit     where fresh variable names come from
     * @param compiler the compiler, or null for a pattern the direct path runs (its expressions
     *                 are then left as quoted forms, and a form only the compiler writes is a
     *                 CompileError)
     */
    PatternCompiler(Unit unit, Compiler compiler) {
        this.unit = unit;
        this.compiler = compiler;
    }

    /**
     * @param ast     the pattern
     * @param subject the Groovy variable holding the value matched
     * @param scope   the scope the pattern is matched in (for pins and attributes)
     */
    Pattern compile(Object ast, String subject, Scope scope) {
        Pattern p = new Pattern();
        match(ast, subject, scope, p);
        return p;
    }

    /** Adds the steps matching {@code ast} against {@code subject} to one pattern (several subjects share it). */
    void match(Object ast, String subject, Scope scope, Pattern p) {
        if (compiler != null) p.writtenBy(compiler);
        if (ast == null || ast instanceof Boolean || ast instanceof Number || ast instanceof String || ast instanceof Atom) {
            p.test(call("same", ref(subject), new Pattern.Literal(ast)));
            return;
        }
        if (ast instanceof List<?> list) {
            list(list, subject, scope, p);
            return;
        }
        if (ast instanceof Tuple t && t.size() == 2) {
            tuple(java.util.Arrays.asList(t.get(0), t.get(1)), subject, scope, p);
            return;
        }
        if (Quoted.isVar(ast)) {
            variable(Quoted.name(ast), subject, p, Quoted.line(ast));
            return;
        }
        String name = Quoted.name(ast);
        List<Object> args = Quoted.isNode(ast) ? Quoted.args(ast) : null;
        if (name != null && args != null) {
            switch (name) {
                case "{}" -> {
                    tuple(args, subject, scope, p);
                    return;
                }
                case "^" -> {
                    p.test(call("same", ref(subject), pinned(ast, scope)));
                    return;
                }
                case "=" -> {
                    match(args.get(0), subject, scope, p);
                    match(args.get(1), subject, scope, p);
                    return;
                }
                case "%{}" -> {
                    map(args, subject, scope, p);
                    return;
                }
                case "%" -> {
                    struct(args, subject, scope, p);
                    return;
                }
                case "<>" -> {
                    binaryPrefix(args, subject, scope, p, Quoted.line(ast));
                    return;
                }
                case "-", "+" -> {
                    if (args.size() == 1 && args.get(0) instanceof Number n) {
                        match(name.equals("-") ? negate(n) : n, subject, scope, p);
                        return;
                    }
                }
                case "__aliases__", "__MODULE__", "@" -> {
                    p.test(call("same", ref(subject), expression(ast, scope)));
                    return;
                }
                case "<<>>" -> {
                    if (args.stream().allMatch(a -> a instanceof String)) {
                        match(String.join("", args.stream().map(String.class::cast).toList()), subject, scope, p);
                        return;
                    }
                    new BinaryPattern(compiler, this).match(args, subject, scope, p, Quoted.line(ast));
                    return;
                }
                default -> { }
            }
        }
        throw new CompileError(Quoted.line(ast), "cannot use " + Compiler.describe(ast) + " inside a match (not supported by procshell)");
    }

    private static Number negate(Number n) {
        if (n instanceof Double d) return -d;
        return procshell.shell.eval.Arithmetic.integer(n instanceof BigInteger b ? b.negate() : BigInteger.valueOf(n.longValue()).negate());
    }

    private void variable(String name, String subject, Pattern p, int line) {
        if (name.equals("_")) return;
        String bound = p.variables.get(name);
        if (bound != null) {
            p.test(call("same", ref(subject), ref(bound)));
            return;
        }
        String v = unit.variable(name);
        p.bind(v, ref(subject));
        p.variables.put(name, v);
    }

    private void tuple(List<Object> elements, String subject, Scope scope, Pattern p) {
        p.test(call("isTuple", ref(subject), literal(elements.size())));
        for (int i = 0; i < elements.size(); i++) {
            element(elements.get(i), call("elem", ref(subject), literal(i)), scope, p);
        }
    }

    /** Matches a part of the subject: a variable binds it directly, anything else through a temporary. */
    private void element(Object ast, Pattern.Term expr, Scope scope, Pattern p) {
        if (Quoted.isVar(ast) && "_".equals(Quoted.name(ast))) return;
        String t = unit.fresh("t");
        p.bind(t, expr);
        match(ast, t, scope, p);
    }

    private void list(List<?> elements, String subject, Scope scope, Pattern p) {
        int n = elements.size();
        Object last = n == 0 ? null : elements.get(n - 1);
        if (n > 0 && Quoted.isCall(last, "|", 2)) {
            // [a, b | tail]: at least n elements, the n-th being the last head
            p.test(call("isListAtLeast", ref(subject), literal(n)));
            for (int i = 0; i < n - 1; i++) element(elements.get(i), call("at", ref(subject), literal(i)), scope, p);
            List<Object> bar = Quoted.args(last);
            element(bar.get(0), call("at", ref(subject), literal(n - 1)), scope, p);
            element(bar.get(1), call("drop", ref(subject), literal(n)), scope, p);
            return;
        }
        p.test(call("isList", ref(subject), literal(n)));
        for (int i = 0; i < n; i++) element(elements.get(i), call("at", ref(subject), literal(i)), scope, p);
    }

    private void map(List<Object> pairs, String subject, Scope scope, Pattern p) {
        p.test(call("isMap", ref(subject)));
        for (Object pair : pairs) {
            Tuple kv = (Tuple) pair;
            Pattern.Term key = keyExpr(kv.get(0), scope);
            p.test(call("hasKey", ref(subject), key));
            element(kv.get(1), call("get", ref(subject), key), scope, p);
        }
    }

    private Pattern.Term keyExpr(Object key, Scope scope) {
        if (Quoted.isCall(key, "^", 1)) return pinned(key, scope);
        if (Quoted.isVar(key)) {
            throw new CompileError(Quoted.line(key), "cannot use variable " + Quoted.name(key) + " as map key inside a pattern."
                    + " Map keys in patterns can only be literals (such as atoms, strings, tuples, and the like) or an existing"
                    + " variable matched with the pin operator (such as ^some_var)");
        }
        if (key == null || key instanceof Boolean || key instanceof Number || key instanceof String || key instanceof Atom) {
            return new Pattern.Literal(key);
        }
        return expression(key, scope);
    }

    private void struct(List<Object> args, String subject, Scope scope, Pattern p) {
        Object name = args.get(0);
        List<Object> pairs = Quoted.args(args.get(1));
        p.test(call("isMap", ref(subject)));
        Pattern.Term structKey = new Pattern.Literal(Atom.of("__struct__"));
        p.test(call("hasKey", ref(subject), structKey));
        element(name, call("get", ref(subject), structKey), scope, p);
        map(pairs, subject, scope, p);
    }

    private void binaryPrefix(List<Object> args, String subject, Scope scope, Pattern p, int line) {
        Object prefix = args.get(0);
        if (Quoted.isCall(prefix, "<<>>") && Quoted.args(prefix).stream().allMatch(a -> a instanceof String)) {
            prefix = String.join("", Quoted.args(prefix).stream().map(String.class::cast).toList());
        }
        if (!(prefix instanceof String s)) {
            throw new CompileError(line, "the left argument of <> operator inside a match should always be a literal binary"
                    + " because its size can't be verified");
        }
        p.test(call("startsWith", ref(subject), new Pattern.Literal(s)));
        element(args.get(1), call("after", ref(subject), literal(s.length())), scope, p);
    }

    /** {@code ^name}: the pinned variable, which must be bound. */
    private static Pattern.Term pinned(Object pin, Scope scope) {
        String name = Quoted.name(Quoted.args(pin).get(0));
        String groovy = scope.lookup(name);
        if (groovy == null) throw new CompileError(Quoted.line(pin), "undefined variable ^" + name);
        return new Pattern.Pinned(name, groovy);
    }

    /** An expression of the pattern: compiled now by the compiler, planned later by the direct path. */
    private Pattern.Term expression(Object ast, Scope scope) {
        return new Pattern.Expression(ast, compiler == null ? null : compiler.expr(ast, scope, new Block()));
    }

    private static Pattern.Term call(String opsFunction, Pattern.Term... args) {
        return new Pattern.Call(OPS, opsFunction, args);
    }

    private static Pattern.Term ref(String variable) {
        return new Pattern.Ref(variable);
    }

    private static Pattern.Term literal(int n) {
        return new Pattern.Literal(n);
    }
}
