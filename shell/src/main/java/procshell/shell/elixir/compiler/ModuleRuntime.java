package procshell.shell.elixir.compiler;

import java.lang.invoke.MethodHandles;

import procshell.runtime.process.ProcessContext;
import procshell.runtime.process.Reductions;
import procshell.shell.eval.Interrupted;
import procshell.shell.iex.Ops;

/**
 * What the bytecode of a module's compiled functions ({@link FunctionCompiler}) calls besides
 * {@link Ops}: the reduction counted at a function's entry and at each turn of a self tail call,
 * the constants of its code (resolved once, on first use, as dynamic constants the JIT folds), and
 * the next turn's arguments of a self tail call made inside an expression the compiled code left to
 * the direct evaluator. Public only because the module's class, in a loader of its own, calls it.
 */
public final class ModuleRuntime {
    /** The static field of a module's class holding its code's constants, in the order they are numbered. */
    static final String CONSTANTS = "$consts";

    private ModuleRuntime() {}

    /**
     * A compiled function's or fn's entry: counts its reduction ({@link #reduce(ProcessContext)})
     * and returns the calling thread's process context, which the method keeps in a local for the
     * reductions of its loops: a tail-recursive loop then counts each turn with a decrement
     * instead of a lookup of the context (a thread-local on a process's virtual thread).
     *
     * @return the context of the process running the call, or null outside any process
     * @throws Interrupted when the process was interrupted (Ctrl-C)
     * @throws procshell.runtime.process.ProcessExitedError when it was killed
     */
    public static ProcessContext enter() {
        ProcessContext ctx = ProcessContext.current();
        reduce(ctx);
        return ctx;
    }

    /**
     * Counts one reduction in compiled code ({@link Reductions#check(ProcessContext)}): at a
     * method's entry and at each turn of its loops, with the context the entry read
     * ({@link #enter()}); the process yields at the end of its time slice.
     *
     * @param ctx the calling thread's process context (null outside any process)
     * @throws Interrupted when the process was interrupted (Ctrl-C)
     * @throws procshell.runtime.process.ProcessExitedError when it was killed
     */
    public static void reduce(ProcessContext ctx) {
        if (Reductions.check(ctx)) throw new Interrupted("interrupted");
    }

    /**
     * Bootstrap of the dynamic constant number {@code index} of a module's code: element
     * {@code index} of the class's {@value #CONSTANTS} array (a literal, or a planned expression
     * the compiled code hands its variables to).
     *
     * @param lookup the module class's lookup
     * @param name   unused (the JVM's constant name)
     * @param type   {@code Object}
     * @param index  the constant's number
     * @return the constant
     * @throws ReflectiveOperationException when the class has no constants (a bug of the writer)
     */
    public static Object constant(MethodHandles.Lookup lookup, String name, Class<?> type, int index) throws ReflectiveOperationException {
        // a fn's class (CompiledFn.Body) is a nestmate of the module's class, which holds the constants
        Class<?> module = lookup.lookupClass().getNestHost();
        Object[] all = (Object[]) lookup.findStaticVarHandle(module, CONSTANTS, Object[].class).get();
        return all[index];
    }

    /**
     * Bootstrap of an atom literal of a module's code: interned in the node's table when first
     * evaluated, as the direct evaluator and the compiled input intern theirs ({@link Ops#atom}).
     *
     * @param atom the atom's name ({@code ok}, {@code Elixir.Foo})
     * @return the atom
     */
    public static Object atom(MethodHandles.Lookup lookup, String name, Class<?> type, String atom) {
        return Ops.atom(atom);
    }

    /**
     * The next turn's arguments when an evaluated expression in tail position was a self tail
     * call ({@link DirectFunction.TailCall}); null for any other value.
     */
    public static Object[] tailArgs(Object value) {
        return value instanceof DirectFunction.TailCall t ? t.args : null;
    }

    /**
     * A pattern's integer literal that fits an int: {@code Ops.same(value, k)}, with the common
     * case (an Integer, the integers' form when they fit) first.
     */
    public static boolean isInteger(Object value, int k) {
        if (value instanceof Integer i) return i == k;
        return value instanceof Number && Ops.same(value, k);
    }

    /**
     * The marker in a compiled function's Object local whose value is the integer in the long
     * local beside it ({@link UnboxedIntegers}); it never leaves the function's locals.
     */
    public static final Object UNBOXED = new Object() {
        @Override
        public String toString() {
            return "#unboxed";
        }
    };

    /** The term of a local pair: the integer {@code value} when {@code term} is {@link #UNBOXED}, else {@code term}. */
    public static Object boxed(Object term, long value) {
        return term == UNBOXED ? procshell.shell.eval.Arithmetic.integer(value) : term;
    }

    /** {@link #UNBOXED} for an Integer or a Long (its value then is {@link #longOf}), else the term itself. */
    public static Object unboxedOr(Object term) {
        return term instanceof Integer || term instanceof Long ? UNBOXED : term;
    }

    /** The value of an Integer or a Long; 0 for any other term. */
    public static long longOf(Object term) {
        if (term instanceof Integer i) return i;
        if (term instanceof Long l) return l;
        return 0;
    }

    /** {@link #isInteger(Object, int)} of a local pair. */
    public static boolean isInteger(Object term, long value, int k) {
        return term == UNBOXED ? value == k : isInteger(term, k);
    }

    /** {@code a + b} ({@link Ops#add}), with the sum of two Integers first, then of Integers and Longs that does not overflow. */
    public static Object add(Object a, Object b) {
        if (a instanceof Integer x && b instanceof Integer y) return procshell.shell.eval.Arithmetic.integer((long) x + y);
        if ((a instanceof Long || a instanceof Integer) && (b instanceof Long || b instanceof Integer)) {
            long x = ((Number) a).longValue();
            long y = ((Number) b).longValue();
            long r = x + y;
            if (((x ^ r) & (y ^ r)) >= 0) return procshell.shell.eval.Arithmetic.integer(r);
        }
        return Ops.add(a, b);
    }

    /** {@code a - b} ({@link Ops#sub}), with the difference of two Integers first, then of Integers and Longs that does not overflow. */
    public static Object sub(Object a, Object b) {
        if (a instanceof Integer x && b instanceof Integer y) return procshell.shell.eval.Arithmetic.integer((long) x - y);
        if ((a instanceof Long || a instanceof Integer) && (b instanceof Long || b instanceof Integer)) {
            long x = ((Number) a).longValue();
            long y = ((Number) b).longValue();
            long r = x - y;
            if (((x ^ y) & (x ^ r)) >= 0) return procshell.shell.eval.Arithmetic.integer(r);
        }
        return Ops.sub(a, b);
    }

    private static final Object NO_KEY = new Object();

    /**
     * {@code term.field} ({@link Ops#dot}) with the field's atom a constant of the code: a map's
     * value found without interning the name at each call; anything else (a missing key, a module,
     * an exception) as {@code Ops.dot}.
     *
     * @param key  the field's atom
     * @param name its name
     */
    public static Object dot(Object term, Object key, String name) {
        if (term instanceof java.util.Map<?, ?> m) {
            Object v = ((java.util.Map<?, Object>) m).getOrDefault(key, NO_KEY);
            if (v != NO_KEY) return v;
        }
        return Ops.dot(term, name);
    }

    /**
     * A test of a pattern step that answers a term: passes on {@code true} only.
     */
    public static boolean passes(Object verdict) {
        return Boolean.TRUE.equals(verdict);
    }
}
