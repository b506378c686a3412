package procshell.shell.elixir.compiler;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.shell.iex.Ops;

/**
 * A prompt input evaluated straight from its quoted form, without compiling it onto Groovy, as
 * iex evaluates its inputs with {@code erl_eval}: Groovy's compiler takes tens of milliseconds
 * per input once warm and seconds before, while most inputs are a few calls. An input qualifies
 * when it is made of literals, lists, tuples, maps, strings with interpolation, variables,
 * {@code var = expr}, pipes, operators, {@code f.(args)}, {@code term.key}, {@code raise} and
 * {@code throw}, calls of Kernel's functions, the facades' and the session's modules, and
 * {@code fn}s of one clause whose parameters are variables, {@code if} and {@code unless}; anything
 * else ({@code case},
 * {@code defmodule}, patterns, a fn of several clauses or with a guard, an unknown name, ...) is
 * left to {@link ElixirCompiler}, which also reports every error.
 *
 * <p>Every call is resolved as the compiler resolves it ({@link CallTargets}) and calls the same
 * method with the same arguments in the same order, so an input means the same whichever path
 * evaluates it; a method that Groovy would have to choose among overloads, or convert arguments
 * for, is called through Groovy's own dispatch.
 */
public final class DirectInput {
    /** Where the input's variables live between inputs (the shell's bindings). */
    public interface Variables {
        /** The value of a bound variable. */
        Object get(String name);

        /** Binds a variable, after the input evaluated without raising. */
        void set(String name, Object value);
    }

    /** A planned expression: evaluates with the input's variable slots. */
    private interface Expr {
        Object eval(Object[] slots) throws Throwable;
    }

    private final Expr body;
    private final int slots;
    /** The shell's variables the input reads, by the slot they are loaded into first. */
    private final Map<String, Integer> initial;
    /** Every variable bound when the input ends, by its slot. */
    private final Map<String, Integer> bound;

    private DirectInput(Expr body, int slots, Map<String, Integer> initial, Map<String, Integer> bound) {
        this.body = body;
        this.slots = slots;
        this.initial = initial;
        this.bound = bound;
    }

    /**
     * Plans an input for direct evaluation.
     *
     * @param quoted         the input's quoted form
     * @param boundVariables the variables bound at the prompt so far
     * @return the planned input, or null when the compiler has to compile it
     */
    public static DirectInput plan(Object quoted, Set<String> boundVariables) {
        Planner p = new Planner();
        Map<String, Integer> scope = new LinkedHashMap<>();
        Set<String> used = new LinkedHashSet<>();
        namesIn(quoted, used);
        for (String name : used) {
            if (boundVariables.contains(name)) scope.put(name, p.slots++);
        }
        Map<String, Integer> initial = Map.copyOf(scope);
        try {
            Expr body = p.expr(quoted, scope);
            return new DirectInput(body, p.slots, initial, scope);
        } catch (Unsupported e) {
            return null;
        }
    }

    /**
     * Evaluates the input (in the shell process, as the compiled script would run).
     *
     * @param variables the shell's bindings: read first, written once the input evaluated
     * @return the value of the input's last expression
     * @throws Throwable whatever the input raised, exited or threw, as the compiled input would
     */
    public Object run(Variables variables) throws Throwable {
        // one reduction on entry, as the compiled input's script counts (a kill or Ctrl-C stops it here)
        if (procshell.runtime.process.Reductions.check()) throw new procshell.shell.eval.Interrupted("interrupted");
        Object[] env = new Object[slots];
        for (Map.Entry<String, Integer> e : initial.entrySet()) env[e.getValue()] = variables.get(e.getKey());
        Object value = body.eval(env);
        for (Map.Entry<String, Integer> e : bound.entrySet()) {
            if (!e.getValue().equals(initial.get(e.getKey()))) variables.set(e.getKey(), env[e.getValue()]);
        }
        return value;
    }

    /**
     * True for the frame of {@link #run}: what lies under it is the evaluator's, as under a
     * compiled input's script frame (stack traces are cut there, as iex cuts its own frames).
     */
    public static boolean isInputFrame(StackTraceElement frame) {
        return frame.getClassName().equals(DirectInput.class.getName()) && frame.getMethodName().equals("run");
    }

    /**
     * True for the frame of a directly evaluated {@code fn}'s call: as a compiled fn's closure
     * frame, the code typed at the prompt, run by erl_eval.
     */
    public static boolean isFunFrame(StackTraceElement frame) {
        return frame.getClassName().equals(Fun.class.getName()) && frame.getMethodName().equals("call");
    }

    /** The names of the variables an expression mentions (bound or read), as the compiler reads them first. */
    private static void namesIn(Object ast, Set<String> out) {
        if (ast instanceof List<?> l) {
            for (Object o : l) namesIn(o, out);
        } else if (ast instanceof Tuple t && t.size() == 2) {
            namesIn(t.get(0), out);
            namesIn(t.get(1), out);
        } else if (Quoted.isVar(ast)) {
            out.add(Quoted.name(ast));
        } else if (Quoted.isNode(ast)) {
            namesIn(Quoted.head(ast), out);
            namesIn(Quoted.args(ast), out);
        }
    }

    /** Thrown while planning a form that is the compiler's to compile. */
    private static final class Unsupported extends RuntimeException {
        static final Unsupported INSTANCE = new Unsupported();

        private Unsupported() {
            super(null, null, false, false);
        }
    }

    /** Plans expressions, keeping which slot holds each variable. */
    private static final class Planner {
        int slots;

        Expr expr(Object ast, Map<String, Integer> scope) {
            if (ast == null || ast instanceof Boolean || ast instanceof String) return constant(ast);
            if (ast instanceof Double) return constant(ast);
            if (ast instanceof Number n) return constant(integerLiteral(n));
            if (ast instanceof Atom a) return atom(a.name());
            if (ast instanceof List<?> l) return list(l, scope);
            if (ast instanceof Tuple t && t.size() == 2) return ops("tuple", exprs(java.util.Arrays.asList(t.get(0), t.get(1)), scope));
            if (!Quoted.isNode(ast)) throw Unsupported.INSTANCE;
            if (Quoted.isVar(ast)) return variable(ast, scope);
            if (Quoted.head(ast) instanceof Tuple) return dotCall(ast, scope);
            return call(((Atom) Quoted.head(ast)).name(), Quoted.args(ast), ast, scope);
        }

        private Expr[] exprs(List<?> asts, Map<String, Integer> scope) {
            Expr[] out = new Expr[asts.size()];
            for (int i = 0; i < out.length; i++) out[i] = expr(asts.get(i), scope);
            return out;
        }

        private static Expr constant(Object v) {
            return env -> v;
        }

        /** An atom literal, interned in the node's table when evaluated, as the compiled input's constants are. */
        private static Expr atom(String name) {
            return env -> Ops.atom(name);
        }

        private Expr variable(Object ast, Map<String, Integer> scope) {
            String name = Quoted.name(ast);
            if (name.equals("__MODULE__")) return constant(null);
            Integer slot = scope.get(name);
            if (slot == null) throw Unsupported.INSTANCE; // a call without parentheses, or an error: the compiler's
            int i = slot;
            return env -> env[i];
        }

        private Expr list(List<?> l, Map<String, Integer> scope) {
            if (!l.isEmpty() && Quoted.isCall(l.get(l.size() - 1), "|", 2)) {
                List<Object> items = new ArrayList<>(l.subList(0, l.size() - 1));
                List<Object> bar = Quoted.args(l.get(l.size() - 1));
                items.add(bar.get(0));
                Expr[] heads = exprs(items, scope);
                Expr tail = expr(bar.get(1), scope);
                return env -> {
                    Object[] h = values(heads, env);
                    return Ops.cons(tail.eval(env), h);
                };
            }
            return ops("list", exprs(l, scope));
        }

        private Expr call(String name, List<Object> args, Object ast, Map<String, Integer> scope) {
            switch (name) {
                case "__block__": return block(args, scope);
                case "=": return match(args, scope);
                case "{}": return ops("tuple", exprs(args, scope));
                case "%{}": return map(args, scope);
                case "<<>>": return binary(args, scope);
                case "__aliases__": return atom(aliasName(ast));
                case "__MODULE__": return constant(null);
                case "fn": return fn(args, scope);
                case "if", "unless": return ifExpr(args, scope, name.equals("if"));
                case "|>": return expr(pipe(args.get(0), args.get(1)), scope);
                case "raise":
                    if (args.size() == 1) return raise(exprs(args, scope)[0]);
                    if (args.size() == 2) return raise(exprs(args, scope));
                    throw Unsupported.INSTANCE;
                case "throw":
                    if (args.size() != 1) throw Unsupported.INSTANCE;
                    Expr thrown = expr(args.get(0), scope);
                    return env -> Ops.doThrow(thrown.eval(env));
                default: break;
            }
            if (isSpecialForm(name)) throw Unsupported.INSTANCE;
            Expr op = operator(name, args, scope);
            if (op != null) return op;
            return kernelCall(name, args, scope, false);
        }

        /** Forms the compiler treats itself (control flow, definitions, patterns): never a plain call. */
        private static boolean isSpecialForm(String name) {
            return switch (name) {
                case "%", "&", "case", "cond", "with", "for", "try", "receive", "match?", "defmodule",
                        "def", "defp", "defmacro", "defmacrop", "defstruct", "defexception", "defdelegate", "defguard", "alias",
                        "require", "import", "@", "^", "reraise", "super", "quote", "unquote", "|", "::" -> true;
                default -> name.startsWith("sigil_");
            };
        }

        private Expr block(List<Object> exprs, Map<String, Integer> scope) {
            if (exprs.isEmpty()) return constant(null);
            Expr[] all = exprs(exprs, scope);
            return env -> {
                Object v = null;
                for (Expr e : all) v = e.eval(env);
                return v;
            };
        }

        /**
         * {@code fn a, b -> body end}: one clause whose parameters are distinct variables (or
         * ignored ones, {@code _}, {@code _name}), no guard; any other fn is the compiler's.
         */
        private Expr fn(List<Object> args, Map<String, Integer> scope) {
            if (args.size() != 1 || !Quoted.isCall(args.get(0), "->", 2)) throw Unsupported.INSTANCE;
            List<Object> clause = Quoted.args(args.get(0));
            if (!(clause.get(0) instanceof List<?> params)) throw Unsupported.INSTANCE;
            Map<String, Integer> inner = new LinkedHashMap<>(scope);
            int[] parameters = new int[params.size()];
            Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < parameters.length; i++) {
                Object p = params.get(i);
                String name = Quoted.name(p);
                if (!Quoted.isVar(p) || name.equals("__MODULE__") || !name.equals("_") && !seen.add(name)) throw Unsupported.INSTANCE;
                if (name.startsWith("_")) {
                    parameters[i] = -1;
                } else {
                    parameters[i] = slots++;
                    inner.put(name, parameters[i]);
                }
            }
            Expr body = expr(clause.get(1), inner);
            return env -> new Fun(env, parameters, body);
        }

        /**
         * {@code if test, do: a, else: b} ({@code unless}: the branches swapped), as
         * {@link ControlCompiler} compiles it: each branch sees a copy of the scope, so what it binds
         * stays in it; no {@code else} is nil.
         */
        private Expr ifExpr(List<Object> args, Map<String, Integer> scope, boolean when) {
            if (args.size() != 2 || !(args.get(1) instanceof List<?> options)) throw Unsupported.INSTANCE; // the compiler's error
            Expr test = expr(args.get(0), scope);
            Expr then = expr(Quoted.keyword(options, "do"), new LinkedHashMap<>(scope));
            Expr other = Quoted.hasKeyword(options, "else") ? expr(Quoted.keyword(options, "else"), new LinkedHashMap<>(scope)) : constant(null);
            return env -> Ops.truthy(test.eval(env)) == when ? then.eval(env) : other.eval(env);
        }

        /** {@code var = expr}; any other pattern is the compiler's. */
        private Expr match(List<Object> args, Map<String, Integer> scope) {
            Object pattern = args.get(0);
            String name = Quoted.name(pattern);
            if (!Quoted.isVar(pattern) || "_".equals(name) || "__MODULE__".equals(name)) throw Unsupported.INSTANCE;
            Expr value = expr(args.get(1), scope);
            int slot = slots++;
            scope.put(name, slot);
            return env -> env[slot] = value.eval(env);
        }

        /** {@code %{k => v}}; an update {@code %{m | k => v}} is the compiler's (its error frames depend on the caller). */
        private Expr map(List<Object> args, Map<String, Integer> scope) {
            if (args.size() == 1 && Quoted.isCall(args.get(0), "|", 2)) throw Unsupported.INSTANCE;
            List<Object> items = new ArrayList<>();
            for (Object kv : args) {
                if (!(kv instanceof Tuple t) || t.size() != 2) throw Unsupported.INSTANCE;
                items.add(t.get(0));
                items.add(t.get(1));
            }
            return ops("map", exprs(items, scope));
        }

        /** A string with interpolations, as {@link Compiler} reads {@code <<"a", Kernel.to_string(x)::binary>>}. */
        private Expr binary(List<Object> parts, Map<String, Integer> scope) {
            List<Object> items = Quoted.interpolationParts(parts);
            if (items == null) throw Unsupported.INSTANCE;
            if (items.size() == 1 && items.get(0) instanceof String s) return constant(s);
            return ops("interpolate", exprs(items, scope));
        }

        /** {@code Foo.Bar} as its atom's name; with {@code __MODULE__} in it, the compiler's (it reports the error). */
        private static String aliasName(Object ast) {
            List<String> segments = new ArrayList<>();
            for (Object p : Quoted.args(ast)) {
                if (!(p instanceof Atom a)) throw Unsupported.INSTANCE;
                segments.add(a.name());
            }
            return "Elixir." + String.join(".", segments);
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

        private static Expr raise(Expr what) {
            return env -> Ops.raise(what.eval(env));
        }

        private static Expr raise(Expr[] moduleAndMessage) {
            return env -> Ops.raise(moduleAndMessage[0].eval(env), moduleAndMessage[1].eval(env));
        }

        /** An operator, or null when the name is none with this many operands. */
        private Expr operator(String name, List<Object> args, Map<String, Integer> scope) {
            if (args.size() == 1) {
                Object a = args.get(0);
                if (name.equals("-") && a instanceof Double d) return constant(-d);
                if (name.equals("-") && a instanceof Number n) return constant(integerLiteral(procshell.shell.eval.Arithmetic.negate(n)));
                String fn = CallTargets.unaryOperator(name);
                return fn == null ? null : ops(fn, exprs(args, scope));
            }
            if (args.size() != 2) return null;
            String fn = CallTargets.binaryOperator(name);
            if (fn != null) return ops(fn, exprs(args, scope));
            if (CallTargets.isShortCircuit(name)) return shortCircuit(name, args, scope);
            return null;
        }

        /** {@code and}, {@code or} (strict on the left), {@code &&}, {@code ||} (truthiness); what the right side binds stays in it. */
        private Expr shortCircuit(String op, List<Object> args, Map<String, Integer> scope) {
            Expr left = expr(args.get(0), scope);
            Expr right = expr(args.get(1), new LinkedHashMap<>(scope));
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
        private Expr dotCall(Object ast, Map<String, Integer> scope) {
            Tuple dot = (Tuple) Quoted.head(ast);
            if (!Quoted.isCall(dot, ".")) throw Unsupported.INSTANCE;
            List<Object> args = Quoted.args(ast);
            List<Object> dargs = Quoted.args(dot);
            if (dargs.size() == 1) {
                Expr f = expr(dargs.get(0), scope);
                Expr[] a = exprs(args, scope);
                return env -> {
                    Object fun = f.eval(env);
                    return Ops.apply(fun, values(a, env));
                };
            }
            if (dargs.size() != 2 || !(dargs.get(1) instanceof Atom funAtom)) throw Unsupported.INSTANCE;
            Object left = dargs.get(0);
            String fun = funAtom.name();
            String moduleName = left instanceof Atom a ? a.name() : Quoted.isAlias(left) ? aliasName(left) : null;
            if (moduleName != null) return remoteCall(moduleName, fun, args, scope);
            if (Quoted.isCall(left, "__MODULE__") || Quoted.isVar(left) && "__MODULE__".equals(Quoted.name(left))) throw Unsupported.INSTANCE;
            Expr term = expr(left, scope);
            Expr[] a = exprs(args, scope);
            if (args.isEmpty() && Boolean.TRUE.equals(Quoted.keyword(Quoted.meta(ast), "no_parens"))) {
                return env -> Ops.dot(term.eval(env), fun);
            }
            return env -> {
                Object module = term.eval(env);
                return Ops.call(module, fun, values(a, env));
            };
        }

        /** {@code Mod.fun(args)} with the module known now. */
        private Expr remoteCall(String moduleName, String fun, List<Object> args, Map<String, Integer> scope) {
            if (moduleName.equals("Elixir.Access") && fun.equals("get") && args.size() == 2) return ops("access", exprs(args, scope));
            if (moduleName.equals("Elixir.Kernel")) return kernelCall(fun, args, scope, true);
            Expr[] a = exprs(args, scope);
            Method facade = CallTargets.facade(moduleName, fun, args.size());
            if (facade != null) return new StaticCall(facade, a);
            return env -> Ops.call(Ops.atom(moduleName), fun, values(a, env));
        }

        /** A call without a module (or of Kernel's): an Ops function, an operator, a Kernel function. */
        private Expr kernelCall(String name, List<Object> args, Map<String, Integer> scope, boolean qualified) {
            int arity = args.size();
            if (!qualified && IexHelperCalls.call(name, args) != null) throw Unsupported.INSTANCE;
            String ops = CallTargets.opsKernel(name, arity);
            if (ops != null) return ops(ops, exprs(args, scope));
            if (qualified) {
                Expr op = operator(name, args, scope);
                if (op != null) return op;
            }
            Method kernel = CallTargets.kernelFunction(name, arity);
            if (kernel != null) return new StaticCall(kernel, exprs(args, scope));
            if (!qualified) throw Unsupported.INSTANCE; // an undefined function: the compiler's error
            Expr[] a = exprs(args, scope);
            return env -> Ops.call(Ops.atom("Elixir.Kernel"), name, values(a, env));
        }

        /** A call of the {@link Ops} function of this name with these arguments. */
        private static Expr ops(String name, Expr[] args) {
            return new StaticCall(OpsMethods.named(name, args.length), args);
        }
    }

    /**
     * A call of a public static method, as Groovy's dynamic call of {@code Class.name(args)} makes
     * it: directly when the method is its class's only one of that name and number of
     * parameters and takes the arguments as they are, else through Groovy's dispatch (which
     * chooses among overloads and converts arguments).
     */
    private static final class StaticCall implements Expr {
        private final Method method;
        private final Expr[] args;
        /** No overload and no varargs beside it: the arguments' types alone decide. */
        private final boolean alone;

        StaticCall(Method method, Expr[] args) {
            this.method = method;
            this.args = args;
            this.alone = !method.isVarArgs() && method.getParameterCount() == args.length && overloads(method) == 1;
        }

        @Override
        public Object eval(Object[] env) throws Throwable {
            Object[] values = values(args, env);
            if (method.isVarArgs() && method.getDeclaringClass() == Ops.class) return invoke(method, varargs(method, values));
            if (alone && fits(method.getParameterTypes(), values)) return invoke(method, values);
            try {
                return org.codehaus.groovy.runtime.InvokerHelper.invokeStaticMethod(method.getDeclaringClass(), method.getName(), values);
            } catch (org.codehaus.groovy.runtime.InvokerInvocationException e) {
                throw e.getCause() instanceof java.lang.reflect.InvocationTargetException t ? t.getCause() : e.getCause();
            }
        }

        /** The methods of the class of this name with as many parameters, or taking varargs. */
        private static int overloads(Method m) {
            int n = 0;
            for (Method other : m.getDeclaringClass().getMethods()) {
                if (other.getName().equals(m.getName()) && java.lang.reflect.Modifier.isStatic(other.getModifiers())
                        && (other.getParameterCount() == m.getParameterCount() || other.isVarArgs())) n++;
            }
            return n;
        }

        private static boolean fits(Class<?>[] types, Object[] values) {
            for (int i = 0; i < types.length; i++) {
                Class<?> t = types[i];
                Object v = values[i];
                if (t.isPrimitive() ? v == null || java.lang.invoke.MethodType.methodType(t).wrap().returnType() != v.getClass()
                        : v != null && !t.isInstance(v)) return false;
            }
            return true;
        }

        /** The fixed arguments, then the rest in the varargs array (Ops' own, all Object[]). */
        private static Object[] varargs(Method m, Object[] values) {
            int fixed = m.getParameterCount() - 1;
            Object[] out = new Object[fixed + 1];
            System.arraycopy(values, 0, out, 0, fixed);
            Object[] rest = new Object[values.length - fixed];
            System.arraycopy(values, fixed, rest, 0, rest.length);
            out[fixed] = rest;
            return out;
        }

        private static Object invoke(Method m, Object[] values) throws Throwable {
            try {
                return m.invoke(null, values);
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    /**
     * A {@code fn} evaluated directly. As a compiled fn, it is a Groovy Closure of its arity (what
     * the facades, {@code spawn} and {@code f.(x)} call), counts a reduction per call and sees
     * the variables as they were when it was made (each binding has a slot of its own; a call
     * works on a copy, so that calls from several processes do not meet).
     */
    private static final class Fun extends groovy.lang.Closure<Object> {
        private final Object[] env;
        /** Each parameter's slot, -1 for an ignored one. */
        private final int[] parameters;
        private final Expr body;

        Fun(Object[] env, int[] parameters, Expr body) {
            super(null);
            this.env = env;
            this.parameters = parameters;
            this.body = body;
            maximumNumberOfParameters = parameters.length;
            parameterTypes = new Class<?>[parameters.length];
            java.util.Arrays.fill(parameterTypes, Object.class);
        }

        @Override
        public Object call() {
            return call(new Object[0]);
        }

        @Override
        public Object call(Object argument) {
            return call(new Object[] {argument});
        }

        @Override
        public Object call(Object... arguments) {
            if (arguments == null) arguments = new Object[] {null};
            if (arguments.length != parameters.length) {
                // as Groovy calls a closure of one parameter without arguments: with nil
                if (parameters.length != 1 || arguments.length != 0) throw new groovy.lang.MissingMethodException("doCall", Fun.class, arguments);
                arguments = new Object[] {null};
            }
            if (procshell.runtime.process.Reductions.check()) throw new procshell.shell.eval.Interrupted("interrupted");
            Object[] e = env.clone();
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] >= 0) e[parameters[i]] = arguments[i];
            }
            try {
                return body.eval(e);
            } catch (Throwable t) {
                throw DirectInput.<RuntimeException>rethrow(t);
            }
        }

        /** What Groovy's own dispatch of a closure call looks for. */
        public Object doCall(Object... arguments) {
            return call(arguments);
        }
    }

    /** Rethrows what an expression threw as it is (an Elixir error, an exit, a throw). */
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable t) throws T {
        throw (T) t;
    }

    /** The arguments' values, left to right. */
    private static Object[] values(Expr[] args, Object[] env) throws Throwable {
        Object[] out = new Object[args.length];
        for (int i = 0; i < args.length; i++) out[i] = args[i].eval(env);
        return out;
    }

    /** An integer literal as the compiled input has it: an Integer when it fits, else a Long, else a BigInteger. */
    private static Number integerLiteral(Number n) {
        java.math.BigInteger b = n instanceof java.math.BigInteger x ? x : java.math.BigInteger.valueOf(n.longValue());
        if (b.bitLength() < 32) return b.intValue();
        if (b.bitLength() < 64) return b.longValue();
        return b;
    }

    /** {@link Ops}'s public static methods by name and number of arguments (a varargs one matches any number). */
    private static final class OpsMethods {
        private static final Map<String, List<Method>> BY_NAME = byName();

        private static Map<String, List<Method>> byName() {
            Map<String, List<Method>> out = new java.util.HashMap<>();
            for (Method m : Ops.class.getMethods()) {
                if (java.lang.reflect.Modifier.isStatic(m.getModifiers())) out.computeIfAbsent(m.getName(), k -> new ArrayList<>()).add(m);
            }
            return out;
        }

        static Method named(String name, int arity) {
            for (Method m : BY_NAME.getOrDefault(name, List.of())) {
                if (m.getParameterCount() == arity || m.isVarArgs() && arity >= m.getParameterCount() - 1) return m;
            }
            throw new IllegalStateException("no Ops." + name + "/" + arity);
        }
    }
}
