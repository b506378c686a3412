package procshell.shell.inspect;

import java.util.List;

import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import procshell.runtime.node.SystemLimitException;
import procshell.runtime.process.ErlangError;
import procshell.runtime.process.ExitException;
import procshell.shell.iex.Modules;

/**
 * Formats what an input raised as iex prints it: {@code ** (RuntimeError) boom},
 * {@code ** (exit) exited in: GenServer.call(...)}, {@code ** (ArgumentError) ...}. Java and
 * Groovy exceptions get the Elixir name of the same kind of error.
 */
public final class ErrorFormatter {
    private ErrorFormatter() {}

    /** The whole error as printed after a failed input, stack lines of typed code included. */
    public static String format(Throwable t) {
        if (t instanceof ExitException e) return "** (exit) " + ExitFormatter.format(e.reason());
        StringBuilder b = new StringBuilder(banner(t));
        for (String line : StackFormatter.lines(t, List.of(t.getStackTrace()))) b.append("\n    ").append(line);
        return b.toString();
    }

    /** The first line(s): {@code ** (Name) message}. */
    public static String banner(Throwable t) {
        return "** (" + elixirName(t) + ") " + message(t);
    }

    /** The Elixir exception name for a Java or Groovy throwable. */
    public static String elixirName(Throwable t) {
        if (t instanceof CompilationFailedException) return isSyntax(t) ? "SyntaxError" : "CompileError";
        if (t instanceof MissingPropertyException) return "CompileError";
        if (t instanceof MissingMethodException) return "UndefinedFunctionError";
        if (t instanceof IllegalArgumentException) return "ArgumentError";
        if (t instanceof ArithmeticException) return "ArithmeticError";
        if (t instanceof SystemLimitException) return "SystemLimitError";
        if (t instanceof ErlangError) return "ErlangError";
        if (t instanceof InterruptedException) return "exit";
        if (t.getClass() == RuntimeException.class) return "RuntimeError";
        String n = t.getClass().getSimpleName();
        return n.endsWith("Exception") ? n.substring(0, n.length() - "Exception".length()) + "Error" : n;
    }

    private static boolean isSyntax(Throwable t) {
        if (t instanceof MultipleCompilationErrorsException m) {
            for (Object o : m.getErrorCollector().getErrors()) if (o instanceof SyntaxErrorMessage) return true;
        }
        return false;
    }

    /** The message part, in Elixir's words where they differ from Java's. */
    public static String message(Throwable t) {
        if (t instanceof MultipleCompilationErrorsException m) {
            for (Object o : m.getErrorCollector().getErrors()) {
                if (o instanceof SyntaxErrorMessage s) {
                    SyntaxException e = s.getCause();
                    return "iex:" + e.getLine() + ":" + e.getStartColumn() + ": " + firstLine(e.getOriginalMessage());
                }
            }
            return "iex: " + firstLine(m.getMessage());
        }
        if (t instanceof MissingPropertyException p) {
            return "iex: undefined variable \"" + p.getProperty() + "\"";
        }
        if (t instanceof MissingMethodException m) {
            String owner = m.getType() == null ? "" : ownerName(m.getType());
            Object[] args = m.getArguments();
            String where = owner.isEmpty() || owner.startsWith("iex") ? "" : owner + ".";
            return "function " + where + m.getMethod() + "/" + (args == null ? 0 : args.length) + " is undefined or private";
        }
        if (t instanceof SystemLimitException) {
            return "a system limit has been reached (" + t.getMessage() + ")";
        }
        if (t instanceof ArithmeticException) return "bad argument in arithmetic expression";
        if (t instanceof InterruptedException) return "interrupted";
        String m = t.getMessage();
        return m == null ? "" : m;
    }

    private static String ownerName(Class<?> c) {
        return Modules.moduleName(c).replace("_qm", "?").replace("_bang", "!");
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int i = s.indexOf('\n');
        return i < 0 ? s : s.substring(0, i);
    }
}
