package procshell.shell.elixir.compiler;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.shell.iex.Operators;
import procshell.shell.iex.Ops;

/**
 * Plans a prompt input's expressions for {@link DirectInput}, keeping which slot holds each
 * variable (a scope maps an Elixir name to its current slot; a rebinding takes a new slot, so a fn
 * keeps the value it saw). Calls resolve as the compiler resolves them ({@link CallTargets});
 * control flow and patterns are {@link DirectControl}'s. A form that is the compiler's throws
 * {@link Unsupported}.
 */
final class DirectPlanner {
    /** Thrown while planning a form that is the compiler's to compile (or to report as an error). */
    static final class Unsupported extends RuntimeException {
        static final Unsupported INSTANCE = new Unsupported();

        private Unsupported() {
            super(null, null, false, false);
        }
    }

    private final DirectControl control = new DirectControl(this);
    /** The module whose code is planned ({@link DirectModule}); null at the prompt. */
    final DirectModule module;
    /** In a module: the line of the innermost expression planned that has one (its frame's, {@link DirectLine}). */
    private int line;
    /** In a module: the fn whose code is planned (numbered from 1), or 0 for the function's own; its arity. */
    private int closure;
    private int closureArity;
    private int slots;

    /** At the prompt: the aliases and imports earlier inputs typed. */
    private final PromptEnv prompt;

    /** A planner of a prompt input, in the prompt's environment. */
    DirectPlanner(PromptEnv prompt) {
        this.module = null;
        this.prompt = prompt;
    }

    /** At the prompt: the aliases and imports earlier inputs typed (none in a module). */
    PromptEnv prompt() {
        return prompt;
    }

    /** The imports a call sees: the prompt's, or in a module its own (which start from the prompt's). */
    private List<Import> imports() {
        return module == null ? prompt.imports() : module.imports;
    }

    /** A planner of a module's code. */
    DirectPlanner(DirectModule module) {
        this.module = module;
        this.prompt = PromptEnv.EMPTY;
    }

    /** In a module: the line of the code planned next (a function's first clause). */
    void line(int line) {
        this.line = line;
    }

    /** Plans a function's clauses against its parameters ({@link DirectModule}). */
    List<DirectControl.Planned> clauses(List<ControlCompiler.Clause> clauses, int arity) {
        return control.clauses(clauses, arity, new LinkedHashMap<>());
    }

    /** In a module: the fn whose code is planned (numbered from 1, {@link #inClosure}), or 0 for the function's own. */
    int closure() {
        return closure;
    }

    /** A new slot. */
    int slot() {
        return slots++;
    }

    /** How many slots the input needs. */
    int slots() {
        return slots;
    }

    /** Plans an expression in a scope; what it binds is bound in the scope. */
    DirectExpr expr(Object ast, Map<String, Integer> scope) {
        if (module == null || module.current == null || !Quoted.isNode(ast) || Quoted.isVar(ast)) return plan(ast, scope);
        int at = Quoted.line(ast);
        if (at <= 0 || at == line) return plan(ast, scope);
        int outer = line;
        line = at;
        try {
            return module.line(plan(ast, scope), closure, closureArity, at);
        } finally {
            line = outer;
        }
    }

    /**
     * Plans the clauses of a fn written in a module's function: its lines are frames of the fn's
     * ({@code anonymous fn/1 in Mod.fun/2}), from its first line on.
     */
    <T> T inClosure(int arity, java.util.function.Supplier<T> plan) {
        int outerClosure = closure;
        int outerArity = closureArity;
        int outerLine = line;
        closure = module.closure(arity);
        closureArity = arity;
        line = 0;
        try {
            return plan.get();
        } finally {
            closure = outerClosure;
            closureArity = outerArity;
            line = outerLine;
        }
    }

    private DirectExpr plan(Object ast, Map<String, Integer> scope) {
        if (ast == null || ast instanceof Boolean || ast instanceof String) return DirectExpr.constant(ast);
        if (ast instanceof Double) return DirectExpr.constant(ast);
        if (ast instanceof Number n) return DirectExpr.constant(integerLiteral(n));
        if (ast instanceof Atom a) return atom(a.name());
        if (ast instanceof List<?> l) return list(l, scope);
        if (ast instanceof Tuple t && t.size() == 2) return ops("tuple", exprs(java.util.Arrays.asList(t.get(0), t.get(1)), scope));
        if (!Quoted.isNode(ast)) throw Unsupported.INSTANCE;
        if (Quoted.isVar(ast)) return variable(ast, scope);
        if (Quoted.head(ast) instanceof Tuple) return dotCall(ast, scope);
        return call(((Atom) Quoted.head(ast)).name(), Quoted.args(ast), ast, scope);
    }

    DirectExpr[] exprs(List<?> asts, Map<String, Integer> scope) {
        DirectExpr[] out = new DirectExpr[asts.size()];
        for (int i = 0; i < out.length; i++) out[i] = expr(asts.get(i), scope);
        return out;
    }

    /** An atom literal, interned in the node's table when evaluated, as the compiled input's constants are. */
    private static DirectExpr atom(String name) {
        return env -> Ops.atom(name);
    }

    private DirectExpr variable(Object ast, Map<String, Integer> scope) {
        String name = Quoted.name(ast);
        if (name.equals("__MODULE__")) return module == null ? DirectExpr.constant(null) : atom(module.atomName());
        Integer slot = scope.get(name);
        if (slot == null && module != null && module.function(name, 0) != null) return module.localCall(module.function(name, 0), new DirectExpr[0], ast);
        if (slot == null) throw Unsupported.INSTANCE; // a call without parentheses, or an error: the compiler's
        int i = slot;
        return env -> env[i];
    }

    private DirectExpr list(List<?> l, Map<String, Integer> scope) {
        if (!l.isEmpty() && Quoted.isCall(l.get(l.size() - 1), "|", 2)) {
            List<Object> items = new ArrayList<>(l.subList(0, l.size() - 1));
            List<Object> bar = Quoted.args(l.get(l.size() - 1));
            items.add(bar.get(0));
            DirectExpr[] heads = exprs(items, scope);
            DirectExpr tail = expr(bar.get(1), scope);
            return env -> {
                Object[] h = DirectExpr.values(heads, env);
                return Ops.cons(tail.eval(env), h);
            };
        }
        return ops("list", exprs(l, scope));
    }

    private DirectExpr call(String name, List<Object> args, Object ast, Map<String, Integer> scope) {
        switch (name) {
            case "__block__": return block(args, scope);
            case "=": return control.match(args.get(0), args.get(1), scope);
            case "{}": return ops("tuple", exprs(args, scope));
            case "%{}": return map(args, scope);
            case "<<>>": return binary(args, scope);
            case "__aliases__": return atom(alias(ast));
            case "__MODULE__": return module == null ? DirectExpr.constant(null) : atom(module.atomName());
            case "@": if (module != null && args.size() == 1) return module.attribute(args.get(0), this); break;
            case "%": if (module != null && args.size() == 2) return struct(args, scope); break;
            case "fn": return control.fn(args, scope, Quoted.line(ast));
            case "defmodule": if (module == null) return DirectModule.plan(args, Quoted.line(ast), prompt); break;
            case "&": return capture(args, scope);
            case "if", "unless": return control.ifExpr(args, scope, name.equals("if"));
            case "case": return control.caseExpr(args, scope);
            case "cond": return control.cond(args, scope);
            case "with": return control.with(args, scope);
            case "for": return control.forExpr(args, scope);
            case "try": return control.tryExpr(args, scope);
            case "receive": return control.receive(args, scope);
            case "match?": if (args.size() == 2) return control.matchQ(args.get(0), args.get(1), scope); break;
            case "|>": {
                Object piped = pipe(args.get(0), args.get(1));
                if (module != null && module.isTail(ast)) module.markTail(piped);
                return expr(piped, scope);
            }
            case "raise":
                if (args.size() == 1) return raise(exprs(args, scope)[0]);
                if (args.size() == 2) return raise(exprs(args, scope));
                throw Unsupported.INSTANCE;
            case "throw":
                if (args.size() != 1) throw Unsupported.INSTANCE;
                DirectExpr thrown = expr(args.get(0), scope);
                return env -> Ops.doThrow(thrown.eval(env));
            default: break;
        }
        if (name.startsWith("sigil_") && args.size() == 2) return sigil(name.substring("sigil_".length()), args.get(0), args.get(1), Quoted.line(ast));
        if (isSpecialForm(name)) throw Unsupported.INSTANCE;
        if (module != null && module.function(name, args.size()) != null) return module.localCall(module.function(name, args.size()), exprs(args, scope), ast);
        DirectExpr op = operator(name, args, scope);
        if (op != null) return op;
        return kernelCall(name, args, scope, false);
    }

    /** Forms the compiler treats itself (definitions, captures, ...): never a plain call. */
    private static boolean isSpecialForm(String name) {
        return switch (name) {
            case "%", "case", "cond", "with", "for", "try", "receive", "match?", "defmodule",
                    "def", "defp", "defmacro", "defmacrop", "defstruct", "defexception", "defdelegate", "defguard", "alias",
                    "require", "import", "@", "^", "reraise", "super", "quote", "unquote", "|", "::" -> true;
            default -> name.startsWith("sigil_");
        };
    }

    /**
     * A sigil of Elixir's own ({@code ~s ~c ~w ~r}, upper- or lower-case) without interpolation,
     * as the compiler's: the lower-case ones apply their escapes; a regex is made at each
     * evaluation (its pattern is compiled once). Anything else is the compiler's.
     */
    private DirectExpr sigil(String letter, Object content, Object modifiers, int line) {
        if (letter.length() != 1 || !"sSrRcCwW".contains(letter) || !Quoted.isCall(content, "<<>>") || !(modifiers instanceof List<?> mods)) throw Unsupported.INSTANCE;
        List<Object> parts = Quoted.args(content);
        if (parts.size() > 1 || (parts.size() == 1 && !(parts.get(0) instanceof String))) throw Unsupported.INSTANCE;
        String flags = Compiler.modifiers(mods);
        String text;
        try {
            List<Object> unescaped = Quoted.args(Compiler.unescaped(letter, content));
            text = unescaped.isEmpty() ? "" : (String) unescaped.get(0);
        } catch (RuntimeException e) {
            throw Unsupported.INSTANCE; // a bad escape: the compiler reports it
        }
        switch (letter) {
            case "s", "S":
                if (flags.length() > 0) throw Unsupported.INSTANCE;
                return DirectExpr.constant(text);
            case "c", "C":
                if (flags.length() > 0) throw Unsupported.INSTANCE;
                Object[] chars = text.codePoints().boxed().toArray();
                return env -> Ops.list(chars);
            case "w", "W": {
                String mod = flags.isEmpty() ? "s" : flags;
                if (!List.of("s", "a", "c").contains(mod)) throw Unsupported.INSTANCE;
                List<Object> words = new ArrayList<>();
                for (String w : text.trim().split("\\s+")) {
                    if (w.isEmpty()) continue;
                    words.add(mod.equals("a") ? Atom.of(w) : w);
                }
                Object[] all = words.toArray();
                boolean charlists = mod.equals("c");
                return env -> {
                    if (!charlists) return Ops.list(all);
                    Object[] lists = new Object[all.length];
                    for (int i = 0; i < all.length; i++) lists[i] = Ops.list(((String) all[i]).codePoints().boxed().toArray());
                    return Ops.list(lists);
                };
            }
            default: {
                String source = text;
                return env -> Ops.regex(source, flags, line);
            }
        }
    }

    /** {@code &...}: the fn it stands for ({@link ControlCompiler#captureClause}); an invalid one is the compiler's error. */
    private DirectExpr capture(List<Object> args, Map<String, Integer> scope) {
        Object clause = args.size() == 1 ? ControlCompiler.captureClause(args.get(0)) : null;
        if (clause == null) throw Unsupported.INSTANCE;
        ControlCompiler.RemoteCapture remote = ControlCompiler.RemoteCapture.of(args.get(0));
        if (remote != null && Quoted.isVar(remote.left())) {
            // &m.upcase/1: the function of the module m holds when the capture is made
            DirectExpr module = expr(remote.left(), scope);
            Atom function = remote.function();
            Integer arity = remote.arity();
            return env -> procshell.shell.iex.Erlang.make_fun(module.eval(env), function, arity);
        }
        DirectExpr fn = control.fn(List.of(clause), scope, line);
        Atom[] target = ControlCompiler.captureTarget(args.get(0), this::alias, imports());
        return target == null ? fn : env -> ((DirectFun) fn.eval(env)).capturing(target[0], target[1]);
    }

    /** Expressions in order, the value of the last (nil for none). */
    DirectExpr block(List<Object> exprs, Map<String, Integer> scope) {
        if (exprs.isEmpty()) return DirectExpr.constant(null);
        DirectExpr[] all = exprs(exprs, scope);
        return env -> {
            Object v = null;
            for (DirectExpr e : all) v = e.eval(env);
            return v;
        };
    }

    /**
     * {@code %{k => v}}; an update {@code %{m | k => v}} in a module's code ({@code Ops.mapUpdate},
     * whose KeyError has a module's frames), at the prompt the compiler's (erl_eval's frames there).
     */
    private DirectExpr map(List<Object> args, Map<String, Integer> scope) {
        if (args.size() == 1 && Quoted.isCall(args.get(0), "|", 2)) {
            if (module == null) throw Unsupported.INSTANCE;
            return mapUpdate(Quoted.args(args.get(0)), scope);
        }
        List<Object> items = new ArrayList<>();
        for (Object kv : args) {
            if (!(kv instanceof Tuple t) || t.size() != 2) throw Unsupported.INSTANCE;
            items.add(t.get(0));
            items.add(t.get(1));
        }
        return ops("map", exprs(items, scope));
    }

    /** A string with interpolations, as {@link Compiler} reads {@code <<"a", Kernel.to_string(x)::binary>>}. */
    private DirectExpr binary(List<Object> parts, Map<String, Integer> scope) {
        List<Object> items = Quoted.interpolationParts(parts);
        if (items == null) throw Unsupported.INSTANCE;
        if (items.size() == 1 && items.get(0) instanceof String s) return DirectExpr.constant(s);
        return ops("interpolate", exprs(items, scope));
    }

    /** {@code %Mod{k: v}} in a module ({@code Ops.struct}); an update {@code %Mod{s | k: v}} updates the map, as the compiler's. */
    private DirectExpr struct(List<Object> args, Map<String, Integer> scope) {
        if (!Quoted.isCall(args.get(1), "%{}")) throw Unsupported.INSTANCE;
        List<Object> inner = Quoted.args(args.get(1));
        if (inner.size() == 1 && Quoted.isCall(inner.get(0), "|", 2)) return mapUpdate(Quoted.args(inner.get(0)), scope);
        List<Object> items = new ArrayList<>();
        items.add(args.get(0));
        for (Object kv : inner) {
            if (!(kv instanceof Tuple t) || t.size() != 2) throw Unsupported.INSTANCE;
            items.add(t.get(0));
            items.add(t.get(1));
        }
        return ops("struct", exprs(items, scope));
    }

    /** {@code map | k => v, ...}: the map, then each key and value, in order. */
    private DirectExpr mapUpdate(List<Object> bar, Map<String, Integer> scope) {
        if (!(bar.get(1) instanceof List<?> pairs)) throw Unsupported.INSTANCE;
        List<Object> items = new ArrayList<>();
        items.add(bar.get(0));
        for (Object kv : pairs) {
            if (!(kv instanceof Tuple t) || t.size() != 2) throw Unsupported.INSTANCE;
            items.add(t.get(0));
            items.add(t.get(1));
        }
        return ops("mapUpdate", exprs(items, scope));
    }

    /** {@code Foo.Bar} as its atom's name, after the module's aliases when planning a module's code. */
    String alias(Object ast) {
        return module == null ? aliasName(ast, prompt.aliases()) : module.aliasName(ast);
    }

    /**
     * {@code Foo.Bar} as its atom's name, its first segment after the aliases given (name to
     * module, without {@code Elixir.}); with {@code __MODULE__} in it, the compiler's (it reports
     * the error).
     */
    static String aliasName(Object ast, Map<String, String> aliases) {
        StringBuilder name = new StringBuilder("Elixir");
        boolean first = true;
        for (Object p : Quoted.args(ast)) {
            if (!(p instanceof Atom a)) throw Unsupported.INSTANCE;
            String seg = a.name();
            String aliased = first ? aliases.get(seg) : null;
            name.append('.').append(aliased != null ? aliased : seg);
            first = false;
        }
        return name.toString();
    }

    /** {@code left |> f(args)} is {@code f(left, args)}; a pipe into anything else is the compiler's error. */
    private static Object pipe(Object left, Object right) {
        if (!Quoted.isNode(right) || Quoted.isVar(right) || Quoted.isCall(right, "fn") || Quoted.isCall(right, "&")) throw Unsupported.INSTANCE;
        Tuple node = (Tuple) right;
        List<Object> args = new ArrayList<>();
        args.add(left);
        args.addAll((List<?>) node.get(2));
        return Tuple.of(node.get(0), node.get(1), args);
    }

    private static DirectExpr raise(DirectExpr what) {
        return env -> Ops.raise(what.eval(env));
    }

    private static DirectExpr raise(DirectExpr[] moduleAndMessage) {
        return env -> Ops.raise(moduleAndMessage[0].eval(env), moduleAndMessage[1].eval(env));
    }

    /** An operator, or null when the name is none with this many operands. */
    private DirectExpr operator(String name, List<Object> args, Map<String, Integer> scope) {
        if (args.size() == 1) {
            Object a = args.get(0);
            if (name.equals("-") && a instanceof Double d) return DirectExpr.constant(-d);
            if (name.equals("-") && a instanceof Number n) return DirectExpr.constant(integerLiteral(procshell.shell.eval.Arithmetic.negate(n)));
            String fn = Operators.unary(name);
            return fn == null ? null : ops(fn, exprs(args, scope));
        }
        if (args.size() != 2) return null;
        String fn = Operators.binary(name);
        if (fn != null) return ops(fn, exprs(args, scope));
        if (CallTargets.isShortCircuit(name)) return shortCircuit(name, args, scope);
        return null;
    }

    /** {@code and}, {@code or} (strict on the left), {@code &&}, {@code ||} (truthiness); what the right side binds stays in it. */
    private DirectExpr shortCircuit(String op, List<Object> args, Map<String, Integer> scope) {
        DirectExpr left = expr(args.get(0), scope);
        DirectExpr right = expr(args.get(1), new LinkedHashMap<>(scope));
        return switch (op) {
            case "and" -> env -> {
                Object l = left.eval(env);
                return Ops.strictLeft(l, "and") ? right.eval(env) : l;
            };
            case "or" -> env -> {
                Object l = left.eval(env);
                return !Ops.strictLeft(l, "or") ? right.eval(env) : l;
            };
            case "&&" -> env -> {
                Object l = left.eval(env);
                return Ops.truthy(l) ? right.eval(env) : l;
            };
            default -> env -> {
                Object l = left.eval(env);
                return !Ops.truthy(l) ? right.eval(env) : l;
            };
        };
    }

    /** {@code f.(args)}, {@code Mod.fun(args)}, {@code term.key}, {@code term.fun(args)}. */
    private DirectExpr dotCall(Object ast, Map<String, Integer> scope) {
        Tuple dot = (Tuple) Quoted.head(ast);
        if (!Quoted.isCall(dot, ".")) throw Unsupported.INSTANCE;
        List<Object> args = Quoted.args(ast);
        List<Object> dargs = Quoted.args(dot);
        if (dargs.size() == 1) {
            DirectExpr f = expr(dargs.get(0), scope);
            DirectExpr[] a = exprs(args, scope);
            return env -> {
                Object fun = f.eval(env);
                return Ops.apply(fun, DirectExpr.values(a, env));
            };
        }
        if (dargs.size() != 2 || !(dargs.get(1) instanceof Atom funAtom)) throw Unsupported.INSTANCE;
        Object left = dargs.get(0);
        String fun = funAtom.name();
        String moduleName = left instanceof Atom a ? a.name() : Quoted.isAlias(left) ? alias(left) : null;
        if (module != null && (Quoted.isCall(left, "__MODULE__", 0) || Quoted.isVar(left) && "__MODULE__".equals(Quoted.name(left)))) {
            moduleName = module.atomName();
        }
        if (moduleName != null) return remoteCall(moduleName, fun, args, scope);
        if (Quoted.isCall(left, "__MODULE__") || Quoted.isVar(left) && "__MODULE__".equals(Quoted.name(left))) throw Unsupported.INSTANCE;
        DirectExpr term = expr(left, scope);
        DirectExpr[] a = exprs(args, scope);
        if (args.isEmpty() && Boolean.TRUE.equals(Quoted.keyword(Quoted.meta(ast), "no_parens"))) {
            return env -> Ops.dot(term.eval(env), fun);
        }
        return env -> {
            Object module = term.eval(env);
            return Ops.call(module, fun, DirectExpr.values(a, env));
        };
    }

    /** {@code Mod.fun(args)} with the module known now. */
    private DirectExpr remoteCall(String moduleName, String fun, List<Object> args, Map<String, Integer> scope) {
        if (moduleName.equals("Elixir.Access") && fun.equals("get") && args.size() == 2) return ops("access", exprs(args, scope));
        if (moduleName.equals("Elixir.Kernel")) return kernelCall(fun, args, scope, true);
        if (module != null && moduleName.equals(module.atomName()) && module.function(fun, args.size()) != null) {
            return module.localCall(module.function(fun, args.size()), exprs(args, scope), null);
        }
        DirectExpr[] a = exprs(args, scope);
        Method facade = CallTargets.facade(moduleName, fun, args.size());
        if (facade != null) return new DirectCall(facade, a);
        return env -> Ops.call(Ops.atom(moduleName), fun, DirectExpr.values(a, env));
    }

    /** A call without a module (or of Kernel's): an Ops function, an operator, a Kernel function. */
    private DirectExpr kernelCall(String name, List<Object> args, Map<String, Integer> scope, boolean qualified) {
        int arity = args.size();
        if (!qualified && IexHelperCalls.call(name, args) != null) throw Unsupported.INSTANCE;
        // a call two imports define: the compiler's error
        if (!qualified && Import.ambiguity(name, arity, imports(), 0, false) != null) throw Unsupported.INSTANCE;
        // left out by an import of Kernel: an import's function, or the compiler's undefined function
        if (!qualified && !Import.kernelAllows(name, arity, imports())) throw Unsupported.INSTANCE;
        String ops = CallTargets.opsKernel(name, arity);
        if (ops != null) return ops(ops, exprs(args, scope));
        if (qualified) {
            DirectExpr op = operator(name, args, scope);
            if (op != null) return op;
        }
        Method kernel = CallTargets.kernelFunction(name, arity);
        if (kernel != null) return new DirectCall(kernel, exprs(args, scope));
        if (!qualified && module != null && module.imports.stream().anyMatch(i -> i.mayDefine(name, arity))) return imported(name, args, scope);
        if (!qualified) throw Unsupported.INSTANCE; // an undefined function: the compiler's error
        DirectExpr[] a = exprs(args, scope);
        return env -> Ops.call(Ops.atom("Elixir.Kernel"), name, DirectExpr.values(a, env));
    }

    /** A call of a function imported in the module: the first import's facade that has it, else the last import's, as the compiler resolves it. */
    private DirectExpr imported(String name, List<Object> args, Map<String, Integer> scope) {
        List<Import> imports = module.imports.stream().filter(i -> i.mayDefine(name, args.size())).toList();
        for (Import imported : imports) {
            Method facade = CallTargets.facade(imported.module(), name, args.size());
            if (facade != null) return new DirectCall(facade, exprs(args, scope));
        }
        String last = imports.get(imports.size() - 1).module();
        DirectExpr[] a = exprs(args, scope);
        return env -> Ops.call(Ops.atom(last), name, DirectExpr.values(a, env));
    }

    /** A call of the {@link Ops} function of this name with these arguments. */
    static DirectExpr ops(String name, DirectExpr[] args) {
        return DirectCall.ops(name, args);
    }

    /** An integer literal as the compiled input has it: an Integer when it fits, else a Long, else a BigInteger. */
    static Number integerLiteral(Number n) {
        java.math.BigInteger b = n instanceof java.math.BigInteger x ? x : java.math.BigInteger.valueOf(n.longValue());
        if (b.bitLength() < 32) return b.intValue();
        if (b.bitLength() < 64) return b.longValue();
        return b;
    }
}
