package procshell.shell.elixir.compiler;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import procshell.shell.iex.Ops;

/**
 * A call of a public static method on the direct path, as Groovy's dynamic call of
 * {@code Class.name(args)} makes it in the compiled input: directly when the method is its class's
 * only one of that name and number of parameters and takes the arguments as they are, else through
 * Groovy's dispatch (which chooses among overloads and converts arguments).
 */
final class DirectCall implements DirectExpr {
    /** Each class's public static methods by name. */
    private static final Map<Class<?>, Map<String, List<Method>>> METHODS = new ConcurrentHashMap<>();

    private final Method method;
    private final DirectExpr[] args;
    /** No overload and no varargs beside it: the arguments' types alone decide. */
    private final boolean alone;

    DirectCall(Method method, DirectExpr[] args) {
        this.method = method;
        this.args = args;
        this.alone = isAlone(method, args.length);
        // a public method of the shell's own classes: checking the caller's access at every call
        // (Method.invoke finds its caller and verifies it) is work that never changes its answer
        method.trySetAccessible();
    }

    /**
     * The call of {@code owner}'s public static method of this name taking this many arguments (a
     * varargs one takes any number).
     *
     * @throws IllegalStateException when there is none (the compiler's steps name only existing ones)
     */
    static DirectCall of(Class<?> owner, String name, DirectExpr[] args) {
        return new DirectCall(method(owner, name, args.length), args);
    }

    /**
     * The method a call of {@code owner}'s public static function of this name with this many
     * arguments stands for ({@link #of}): the first of that arity, or a varargs one taking them.
     *
     * @throws IllegalStateException when there is none
     */
    static Method method(Class<?> owner, String name, int arity) {
        Map<String, List<Method>> byName = METHODS.computeIfAbsent(owner, DirectCall::byName);
        for (Method m : byName.getOrDefault(name, List.of())) {
            if (m.getParameterCount() == arity || m.isVarArgs() && arity >= m.getParameterCount() - 1) return m;
        }
        throw new IllegalStateException("no " + owner.getSimpleName() + "." + name + "/" + arity);
    }

    /** The call of {@link Ops}'s function of this name. */
    static DirectCall ops(String name, DirectExpr[] args) {
        return of(Ops.class, name, args);
    }

    private static Map<String, List<Method>> byName(Class<?> owner) {
        Map<String, List<Method>> out = new java.util.HashMap<>();
        for (Method m : owner.getMethods()) {
            if (java.lang.reflect.Modifier.isStatic(m.getModifiers())) out.computeIfAbsent(m.getName(), k -> new ArrayList<>()).add(m);
        }
        return out;
    }

    @Override
    public Object eval(Object[] env) throws Throwable {
        return callValues(DirectExpr.values(args, env));
    }

    /** True when a call of this many arguments can only mean this method (no overload, no varargs beside it). */
    static boolean isAlone(Method m, int arity) {
        return !m.isVarArgs() && m.getParameterCount() == arity && overloads(m) == 1;
    }

    /** True when the method is the only one a call of this arity can mean and takes the values as they are when their types fit. */
    boolean alone() {
        return alone;
    }

    /** The method called. */
    Method method() {
        return method;
    }

    /**
     * The call with its arguments' values (as {@link #eval} makes it): the method itself when the
     * values fit it, else Groovy's choice among its overloads; a facade's FunctionClauseError
     * explained with the arguments and clauses.
     */
    Object callValues(Object[] values) throws Throwable {
        try {
            return call(values);
        } catch (procshell.shell.iex.FunctionClauseError e) {
            // a facade's error names only the function: iex also shows the arguments and clauses
            throw procshell.shell.iex.FunctionClauses.explain(e, method, values);
        }
    }

    private Object call(Object[] values) throws Throwable {
        if (method.isVarArgs() && method.getDeclaringClass() == Ops.class) return invoke(method, varargs(method, values));
        if (alone && fits(method.getParameterTypes(), values)) return invoke(method, values);
        try {
            return org.codehaus.groovy.runtime.InvokerHelper.invokeStaticMethod(method.getDeclaringClass(), method.getName(), values);
        } catch (org.codehaus.groovy.runtime.InvokerInvocationException e) {
            throw e.getCause() instanceof java.lang.reflect.InvocationTargetException t ? t.getCause() : e.getCause();
        }
    }

    /** How many methods each method has beside it (itself included) that a call of it could mean. */
    private static final Map<Method, Integer> OVERLOADS = new ConcurrentHashMap<>();

    /** The methods of the class of this name with as many parameters, or taking varargs. */
    private static int overloads(Method m) {
        return OVERLOADS.computeIfAbsent(m, DirectCall::countOverloads);
    }

    private static int countOverloads(Method m) {
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
