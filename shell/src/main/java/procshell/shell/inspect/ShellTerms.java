package procshell.shell.inspect;

import groovy.lang.Closure;
import groovy.lang.GString;
import procshell.runtime.inspect.Inspect;
import procshell.runtime.inspect.InspectFallback;
import procshell.shell.iex.Modules;

/**
 * How the shell's own values print inside terms: classes as module names ({@code HelloServer}),
 * closures as {@code #Function<...>}, integer ranges as {@code 1..3}, exceptions as Elixir exception structs.
 */
public final class ShellTerms {
    private static final InspectFallback FALLBACK = (term, opts) -> {
        if (term instanceof Class<?> c) return Modules.moduleName(c);
        if (term instanceof Closure<?> c) {
            return "#Function<" + Integer.toHexString(System.identityHashCode(c)) + "/" + c.getMaximumNumberOfParameters() + " in :iex>";
        }
        if (term instanceof groovy.lang.IntRange r) {
            // Elixir's first..last, with //-1 when it counts down
            return r.isReverse() ? r.getTo() + ".." + r.getFrom() + "//-1" : r.getFrom() + ".." + r.getTo();
        }
        if (term instanceof GString g) return Inspect.inspect(g.toString(), opts);
        if (term instanceof Throwable t) {
            String msg = ErrorFormatter.message(t);
            return "%" + ErrorFormatter.elixirName(t) + "{message: " + Inspect.inspect(msg, opts) + "}";
        }
        if (term instanceof StackTraceElement f) return f.toString();
        return null;
    };

    private ShellTerms() {}

    /** Makes these rules the process-wide default for inspecting. Idempotent. */
    public static void install() {
        Inspect.setDefaultFallback(FALLBACK);
    }
}
