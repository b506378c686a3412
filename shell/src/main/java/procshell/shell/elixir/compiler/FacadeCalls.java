package procshell.shell.elixir.compiler;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;

import groovyjarjarasm.asm.Handle;
import groovyjarjarasm.asm.Opcodes;
import groovyjarjarasm.asm.Type;
import groovyjarjarasm.asm.tree.MethodNode;

import procshell.shell.iex.FunctionClauseError;
import procshell.shell.iex.FunctionClauses;
import procshell.shell.iex.Ops;

/**
 * A compiled module function's call of a facade's, Kernel's or {@link Ops}' function
 * ({@code Map.put(m, k, v)}, {@code tl(l)}, {@code length(l)}), chosen when the module is compiled
 * ({@link FunctionCompiler}): an {@code invokedynamic} whose call site is the Java method itself
 * when the arguments' types fit it, and otherwise the direct evaluator's call of it
 * ({@link DirectCall#callValues}: Groovy's choice among overloads), so both paths mean the same
 * call. A facade's FunctionClauseError is explained with the arguments and clauses, as the
 * direct evaluator's. Public only because a module's class, in a loader of its own, links to it.
 */
public final class FacadeCalls {
    private FacadeCalls() {}

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final Handle BOOTSTRAP = new Handle(Opcodes.H_INVOKESTATIC, Type.getInternalName(FacadeCalls.class), "bootstrap",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/Class;Ljava/lang/String;"
                    + "Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/CallSite;", false);
    private static final MethodHandle CALL_VALUES;
    private static final MethodHandle EXPLAIN;
    private static final MethodHandle IS_EXACTLY;
    private static final MethodHandle IS_INSTANCE_OR_NULL;

    static {
        try {
            CALL_VALUES = LOOKUP.findVirtual(DirectCall.class, "callValues", MethodType.methodType(Object.class, Object[].class));
            EXPLAIN = LOOKUP.findStatic(FacadeCalls.class, "explain",
                    MethodType.methodType(Object.class, Method.class, FunctionClauseError.class, Object[].class));
            IS_EXACTLY = LOOKUP.findStatic(FacadeCalls.class, "isExactly", MethodType.methodType(boolean.class, Class.class, Object.class));
            IS_INSTANCE_OR_NULL = LOOKUP.findStatic(FacadeCalls.class, "isInstanceOrNull", MethodType.methodType(boolean.class, Class.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Emits the call of {@code m} with the arguments on the stack (one {@code Object} each),
     * leaving its value (an {@code Object}) on the stack.
     */
    static void emit(MethodNode mn, Method m, int arity) {
        mn.visitInvokeDynamicInsn("call", FunctionCompiler.descriptor(arity), BOOTSTRAP, Type.getType(m.getDeclaringClass()), m.getName(),
                Type.getMethodType(Type.getMethodDescriptor(m)));
    }

    /**
     * Links a call site ({@code invokedynamic} bootstrap).
     *
     * @param lookup     the calling class's lookup
     * @param name       unused
     * @param type       {@code (Object...)Object}, one parameter per argument
     * @param owner      the class of the method called
     * @param method     its name
     * @param methodType its parameter and return types
     * @return the call site, constant
     * @throws ReflectiveOperationException when the method is gone (a stale class)
     */
    public static CallSite bootstrap(MethodHandles.Lookup lookup, String name, MethodType type, Class<?> owner, String method, MethodType methodType)
            throws ReflectiveOperationException {
        return new ConstantCallSite(target(owner.getMethod(method, methodType.parameterArray()), type));
    }

    private static MethodHandle target(Method m, MethodType type) throws IllegalAccessException {
        int arity = type.parameterCount();
        DirectCall call = new DirectCall(m, new DirectExpr[arity]);
        MethodHandle slow = CALL_VALUES.bindTo(call).asCollector(Object[].class, arity).asType(type);
        MethodHandle fast;
        if (m.isVarArgs() && m.getDeclaringClass() == Ops.class) {
            int fixed = m.getParameterCount() - 1;
            fast = LOOKUP.unreflect(m).asFixedArity().asCollector(Object[].class, arity - fixed);
        } else if (call.alone()) {
            fast = LOOKUP.unreflect(m);
        } else {
            return slow;
        }
        Class<?>[] params = fast.type().parameterArray();
        fast = fast.asType(type);
        MethodHandle explain = EXPLAIN.bindTo(m).asCollector(Object[].class, arity).asType(type.insertParameterTypes(0, FunctionClauseError.class));
        fast = MethodHandles.catchException(fast, FunctionClauseError.class, explain);
        for (int i = 0; i < params.length; i++) {
            Class<?> t = params[i];
            if (t == Object.class) continue;
            MethodHandle test = t.isPrimitive() ? IS_EXACTLY.bindTo(MethodType.methodType(t).wrap().returnType()) : IS_INSTANCE_OR_NULL.bindTo(t);
            test = MethodHandles.dropArguments(test, 0, type.parameterList().subList(0, i));
            test = MethodHandles.dropArguments(test, i + 1, type.parameterList().subList(i + 1, arity));
            fast = MethodHandles.guardWithTest(test, fast, slow);
        }
        return fast;
    }

    /**
     * The FunctionClauseError of a facade's method called straight from compiled code (the only
     * one of its name and arity, taking Objects), with the arguments and clauses, as the direct
     * evaluator's ({@link FunctionClauses#explain}).
     *
     * @param e      what the method raised
     * @param owner  its class
     * @param name   its name
     * @param values the arguments it was called with
     * @return the error to throw
     */
    public static RuntimeException explained(FunctionClauseError e, Class<?> owner, String name, Object[] values) {
        Class<?>[] params = new Class<?>[values.length];
        java.util.Arrays.fill(params, Object.class);
        try {
            return FunctionClauses.explain(e, owner.getMethod(name, params), values);
        } catch (NoSuchMethodException gone) {
            return e;
        }
    }

    /** A facade's FunctionClauseError with the arguments and clauses, as the direct evaluator's ({@link FunctionClauses#explain}). */
    private static Object explain(Method m, FunctionClauseError e, Object[] values) {
        throw FunctionClauses.explain(e, m, values);
    }

    /** True when the value is of exactly this (wrapper) class, as a primitive parameter takes it. */
    private static boolean isExactly(Class<?> c, Object v) {
        return v != null && v.getClass() == c;
    }

    private static boolean isInstanceOrNull(Class<?> c, Object v) {
        return v == null || c.isInstance(v);
    }
}
