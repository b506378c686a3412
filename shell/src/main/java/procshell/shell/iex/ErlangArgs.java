package procshell.shell.iex;

import java.math.BigInteger;
import java.util.List;

import groovy.lang.Closure;
import procshell.shell.eval.Arithmetic;
import procshell.shell.eval.CaseClauseError;
import procshell.shell.eval.Values;

/**
 * The argument checks and fun calls of the Erlang modules ({@code :lists}, {@code :maps},
 * {@code :queue}, ...), failing as their Erlang source does: a guard that rejects the arguments is
 * a {@code FunctionClauseError} naming the Erlang function ({@code :lists.map/2}), a predicate that
 * answers neither {@code true} nor {@code false} a {@code CaseClauseError}.
 */
final class ErlangArgs {
    private ErlangArgs() {}

    /** {@code no function clause matching in :module.function/arity}. */
    static FunctionClauseError clause(String module, String function, int arity) {
        return new FunctionClauseError(":" + module + "." + function, arity);
    }

    /**
     * A call as iex shows it in a stack line, its arguments inspected:
     * {@code :atomics.get(#Reference<0.1.2.3>, 4)}.
     *
     * @param function the module and function, e.g. {@code :atomics.get}
     */
    static String call(String function, Object... args) {
        StringBuilder s = new StringBuilder(function).append('(');
        for (int i = 0; i < args.length; i++) s.append(i > 0 ? ", " : "").append(Kernel.inspect(args[i]));
        return s.append(')').toString();
    }

    /** True for an Erlang integer (Integer, Long, BigInteger). */
    static boolean isInt(Object o) {
        return Arithmetic.isInteger(o);
    }

    /**
     * An integer's value clamped to the long range (a bignum is further than any list is long),
     * for counts and positions.
     */
    static long clamp(Object integer) {
        if (integer instanceof BigInteger b) return b.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        return ((Number) integer).longValue();
    }

    /** The value as a list, or null when it is none. */
    static List<?> list(Object o) {
        return o instanceof List<?> l ? l : null;
    }

    /** The value as a closure taking {@code arity} arguments ({@code is_function(f, arity)}), or null. */
    static Closure<?> fun(Object f, int arity) {
        return f instanceof Closure<?> c && c.getMaximumNumberOfParameters() == arity ? c : null;
    }

    /** Calls a closure (checked by {@link #fun}) with the arguments; the result as a term. */
    static Object call(Closure<?> f, Object... args) {
        return Values.normalize(args.length == 0 ? f.call() : f.call(args));
    }

    /** A predicate's answer: true or false, else a {@code CaseClauseError} as Erlang's {@code case}. */
    static boolean bool(Object answer) {
        if (Boolean.TRUE.equals(answer)) return true;
        if (Boolean.FALSE.equals(answer)) return false;
        throw new CaseClauseError(answer);
    }

    /**
     * A built-in's ArgumentError, as OTP 25 words it, with the call as iex's stack line.
     *
     * @param call    e.g. {@code :erlang.element}
     * @param problem e.g. {@code 1st argument: not a tuple}
     */
    static ArgumentError badarg(String call, String problem, Object... args) {
        return ArgumentError.badArgument(problem, frame(call, args));
    }

    /** The stack line iex shows for a built-in's call, {@code :erlang.element(:a, :b)}. */
    static String frame(String call, Object... args) {
        java.util.StringJoiner j = new java.util.StringJoiner(", ", application(call) + call + "(", ")");
        for (Object a : args) j.add(Kernel.inspect(a));
        return j.toString();
    }

    /** The Erlang modules of OTP 25's stdlib and kernel applications that raise badarg here. */
    private static final java.util.Set<String> STDLIB = java.util.Set.of("binary", "ets", "lists", "maps", "math", "string",
            "unicode", "queue", "rand", "timer", "proplists", "io_lib", "sets", "ordsets", "orddict", "dict", "gb_trees",
            "gb_sets", "array", "base64", "calendar", "filename", "re", "uri_string", "sys", "io", "proc_lib", "gen_server",
            "supervisor", "erl_eval");
    private static final java.util.Set<String> KERNEL = java.util.Set.of("os", "gen_tcp", "inet", "global", "rpc", "erpc",
            "code", "application", "net_kernel", "pg", "file", "erl_epmd", "net_adm", "logger", "error_logger");

    /**
     * What iex writes before a stack line of the module's call: {@code (stdlib 4.2) } for stdlib's
     * modules ({@code :binary.copy(1, 2)}), {@code (kernel 8.5.3) } for kernel's, nothing for
     * {@code :erlang}'s built-ins (no application holds them).
     *
     * @param call e.g. {@code :binary.copy}
     */
    static String application(String call) {
        String module = call.startsWith(":") && call.indexOf('.') > 0 ? call.substring(1, call.indexOf('.')) : "";
        return STDLIB.contains(module) ? "(stdlib 4.2) " : KERNEL.contains(module) ? "(kernel 8.5.3) " : "";
    }
}
