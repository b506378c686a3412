package procshell.shell.inspect;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * Formats a stack trace as Elixir prints one ({@code iex:5: HelloServer.handle_call/3}), keeping
 * only frames of code typed at the prompt: the runtime's and Groovy's own frames would hide them.
 */
public final class StackFormatter {
    private StackFormatter() {}

    /** The frames of typed code, innermost first, as Elixir's stacktrace lines. */
    public static List<String> lines(Throwable e, List<?> stack) {
        List<String> out = new ArrayList<>();
        for (Object o : stack) {
            if (!(o instanceof StackTraceElement f)) continue;
            String file = f.getFileName();
            if (file == null || !file.startsWith("iex") || f.getLineNumber() < 0) continue;
            String cls = f.getClassName();
            if (cls.startsWith("iex")) continue; // the prompt's script itself: iex shows no frame for it
            String method = f.getMethodName();
            if (method.startsWith("$") || method.contains("$")) continue;
            out.add("iex:" + f.getLineNumber() + ": " + simple(cls) + "." + method + "/" + arity(cls, method, e));
        }
        return out;
    }

    private static String simple(String cls) {
        int i = cls.lastIndexOf('.');
        return i < 0 ? cls : cls.substring(i + 1);
    }

    private static int arity(String cls, String method, Throwable e) {
        try {
            ClassLoader l = Thread.currentThread().getContextClassLoader();
            Class<?> c = Class.forName(cls, false, l == null ? StackFormatter.class.getClassLoader() : l);
            for (Method m : c.getDeclaredMethods()) if (m.getName().equals(method)) return m.getParameterCount();
        } catch (ClassNotFoundException | LinkageError ignored) {
            // class of an earlier input no longer reachable by name: arity unknown
        }
        return 0;
    }
}
