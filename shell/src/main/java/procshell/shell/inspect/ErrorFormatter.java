package procshell.shell.inspect;

import procshell.shell.elixir.compiler.CompileError;
import procshell.shell.elixir.reader.ElixirSyntaxError;

import java.util.List;

import org.codehaus.groovy.control.CompilationFailedException;
import org.codehaus.groovy.control.MultipleCompilationErrorsException;
import org.codehaus.groovy.control.messages.SyntaxErrorMessage;
import org.codehaus.groovy.syntax.SyntaxException;

import groovy.lang.MissingMethodException;
import groovy.lang.MissingPropertyException;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.SystemLimitException;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ErlangError;
import procshell.runtime.process.ExitException;
import procshell.shell.iex.Modules;

/**
 * Formats what an input raised as iex prints it: {@code ** (RuntimeError) boom},
 * {@code ** (exit) exited in: GenServer.call(...)}, {@code ** (ArgumentError) ...}. Java and
 * Groovy exceptions get the Elixir name of the same kind of error.
 */
public final class ErrorFormatter {
    private static final Atom GEN_SERVER = Atom.of("Elixir.GenServer");
    private static final Atom CALLING_SELF = Atom.of("calling_self");
    private static final Atom SYS = Atom.of("sys");
    private static final Atom TASK = Atom.of("Elixir.Task");

    private ErrorFormatter() {}

    /**
     * The whole error as printed after a failed input: the banner, then the stacktrace lines
     * ({@link StackFormatter#promptLines}; for an exit of {@code GenServer.call/3} the line of
     * Elixir's {@code gen_server.ex} that raised it). The console follows an error without any
     * stacktrace line with an empty line, as iex does.
     */
    public static String format(Throwable t) {
        return format(t, 1);
    }

    /**
     * As {@link #format(Throwable)}, for an input typed at prompt {@code counter}: iex numbers the
     * lines of an input from its prompt's counter on ({@code iex(5)> foo} fails on {@code iex:5}),
     * and compile errors name that line.
     *
     * @param counter the N of the {@code ps(N)>} prompt the input was typed at
     */
    public static String format(Throwable t, int counter) {
        // the reader numbered the input's lines from the prompt's counter, as iex does
        if (t instanceof ElixirSyntaxError e) return "** (" + e.kind() + ") " + e.getMessage();
        if (t instanceof CompileError e) {
            StringBuilder b = new StringBuilder(e.warnings()).append("** (CompileError) ").append(e.getMessage());
            for (String frame : e.frames()) b.append("\n    ").append(frame);
            return b.toString();
        }
        if (t instanceof ExitException e) {
            String frame = exitFrame(e.reason());
            if (frame == null && e instanceof procshell.shell.iex.BeamFrames b && !b.beamFrames().isEmpty()) {
                frame = String.join("\n    ", b.beamFrames());
            }
            return "** (exit) " + ExitFormatter.format(e.reason()) + (frame == null ? "" : "\n    " + frame);
        }
        StringBuilder b = new StringBuilder();
        if (t instanceof MissingPropertyException p && isPromptVariable(p)) {
            // Elixir 1.14 reads an unknown variable as a call without parentheses, and warns so
            String name = p.getProperty();
            b.append("warning: variable \"").append(name).append("\" does not exist and is being expanded to \"").append(name)
                    .append("()\", please use parentheses to remove the ambiguity or change the variable name\n  iex:")
                    .append(inputLine(t, counter)).append("\n\n");
        }
        b.append("** (").append(elixirName(t)).append(") ").append(message(t, counter));
        String call = undefinedCall(t);
        if (call != null) b.append("\n    ").append(call);
        for (String line : StackFormatter.promptLines(t)) b.append("\n    ").append(line);
        return b.toString();
    }

    /**
     * The stacktrace line iex prints under an exit raised by {@code GenServer.call/3} or
     * {@code GenServer.stop/3}: the line of {@code gen_server.ex} (Elixir 1.14) that exits, which
     * tells a name that names nobody (1027) from a call to oneself (1031) and from a call that
     * failed on its way (1038).
     *
     * @return the line, or null when the exit did not come from these functions
     */
    static String exitFrame(Object reason) {
        if (reason instanceof Tuple t && t.size() == 2 && t.get(1) instanceof Tuple mfa && mfa.size() == 3 && SYS.equals(mfa.get(0))
                && mfa.get(2) instanceof List<?> args) {
            return sysFrames(mfa.get(1), args.size());
        }
        if (reason instanceof Tuple t && t.size() == 2 && Atom.TIMEOUT.equals(t.get(0)) && t.get(1) instanceof Tuple mfa
                && mfa.size() == 3 && TASK.equals(mfa.get(0)) && Atom.of("await").equals(mfa.get(1))) {
            // Task.await/2's after clause
            return StackFormatter.ELIXIR + "lib/task.ex:830: Task.await/2";
        }
        if (!(reason instanceof Tuple t && t.size() == 2 && t.get(1) instanceof Tuple mfa && mfa.size() == 3
                && GEN_SERVER.equals(mfa.get(0)) && mfa.get(1) instanceof Atom fun && mfa.get(2) instanceof List<?> args
                && args.size() == 3)) {
            return null;
        }
        Object why = t.get(0);
        boolean nobody = Atom.NOPROC.equals(why) && !(args.get(0) instanceof Pid);
        boolean self = CALLING_SELF.equals(why);
        // Task.Supervisor.async's request, whose call is no tail call
        boolean asyncTask = args.get(1) instanceof Tuple req && req.isTagged(Atom.of("start_task"), 4)
                && req.get(1) instanceof List<?> taskArgs && taskArgs.size() == 2;
        return switch (fun.name()) {
            case "call" -> StackFormatter.ELIXIR + "lib/gen_server.ex:" + (nobody ? 1027 : self ? 1031 : 1038) + ": GenServer.call/3"
                    + (asyncTask ? "\n    " + StackFormatter.ELIXIR + "lib/task/supervisor.ex:514: Task.Supervisor.async/6" : "");
            case "stop" -> StackFormatter.ELIXIR + "lib/gen_server.ex:" + (nobody ? 985 : self ? 988 : 995) + ": GenServer.stop/3";
            default -> null;
        };
    }

    /**
     * The lines of OTP 25's {@code sys.erl} under an exit of a {@code :sys} function: the system
     * message's send, and the function itself where it is no tail call ({@code get_state},
     * {@code replace_state}).
     *
     * @param request {@code :get_state}, {@code {:replace_state, fun}}, {@code :suspend}, ...
     * @param arity   the function's arity as called
     */
    private static String sysFrames(Object request, int arity) {
        boolean flagged = request instanceof Atom a && (a.name().equals("statistics") || a.name().equals("trace"));
        boolean timed = arity == (flagged ? 3 : 2);
        String send = StackFormatter.STDLIB + (timed ? "sys.erl:344: :sys.send_system_msg/3" : "sys.erl:338: :sys.send_system_msg/2");
        String own = null;
        if (request instanceof Atom a && a.name().equals("get_state")) own = timed ? "sys.erl:149: :sys.get_state/2" : "sys.erl:139: :sys.get_state/1";
        if (request instanceof Tuple r && r.size() == 2 && Atom.of("replace_state").equals(r.get(0))) {
            own = timed ? "sys.erl:170: :sys.replace_state/3" : "sys.erl:159: :sys.replace_state/2";
        }
        return own == null ? send : send + "\n    " + StackFormatter.STDLIB + own;
    }

    /**
     * The call of an undefined function of a module typed at the prompt, as iex shows it on top of
     * the stack: {@code Keep.nosuch(1)}; null for anything else.
     */
    private static String undefinedCall(Throwable t) {
        if (!(t instanceof MissingMethodException m) || isPromptFunction(m) || !m.isStatic() || m.getType() == null) return null;
        String owner = ownerName(m.getType());
        if (owner.isEmpty() || owner.startsWith("iex")) return null;
        java.util.StringJoiner call = new java.util.StringJoiner(", ", owner + "." + m.getMethod() + "(", ")");
        if (m.getArguments() != null) for (Object a : m.getArguments()) call.add(procshell.shell.iex.Kernel.inspect(a));
        return call.toString();
    }

    /** The first line(s): {@code ** (Name) message}, as iex prints an error at the prompt (with its blame). */
    public static String banner(Throwable t) {
        return "** (" + elixirName(t) + ") " + message(t, 1);
    }

    /**
     * {@code Exception.format_banner(:error, e)}: {@code ** (Name) message} without the blame iex
     * adds at the prompt, as Logger's crash reports and an exit's {@code an exception was raised:}
     * print it ({@code ** (ArithmeticError) bad argument in arithmetic expression}, no {@code : 1 / 0};
     * a FunctionClauseError without its arguments).
     */
    public static String formatBanner(Throwable t) {
        if (t instanceof procshell.shell.iex.ThrownValue v) {
            // a throw nothing caught is the error {:nocatch, value} where it ends a process
            return "** (ErlangError) Erlang error: " + procshell.shell.iex.Kernel.inspect(Tuple.of(Atom.of("nocatch"), v.value()));
        }
        return "** (" + elixirName(t) + ") " + exceptionMessage(t);
    }

    /** Elixir's {@code Exception.message/1} of an error: without the blame iex adds when it prints one at the prompt. */
    public static String exceptionMessage(Throwable t) {
        if (t instanceof procshell.shell.iex.ArithmeticError a) return a.exceptionMessage();
        if (t instanceof procshell.shell.iex.FunctionClauseError || t instanceof procshell.shell.iex.UndefinedFunctionError) return t.getMessage();
        return message(t);
    }

    /** The Elixir exception name for a Java or Groovy throwable. */
    public static String elixirName(Throwable t) {
        if (t instanceof CompilationFailedException) return isSyntax(t) ? "SyntaxError" : "CompileError";
        if (t instanceof MissingPropertyException) return "CompileError";
        if (t instanceof MissingMethodException m) return isPromptFunction(m) ? "CompileError" : "UndefinedFunctionError";
        if (t instanceof IllegalArgumentException) return "ArgumentError";
        if (t instanceof ArithmeticException) return "ArithmeticError";
        if (t instanceof SystemLimitException) return "SystemLimitError";
        if (t instanceof ErlangError) return "ErlangError";
        if (t instanceof InterruptedException || t instanceof procshell.runtime.process.Interruption) return "exit";
        if (t.getClass() == RuntimeException.class) return "RuntimeError";
        if (t instanceof procshell.shell.iex.DefinedException d) return d.moduleName();
        procshell.shell.iex.ElixirName named = t.getClass().getAnnotation(procshell.shell.iex.ElixirName.class);
        if (named != null) return named.value();
        return JavaErrors.elixirName(t);
    }

    private static boolean isSyntax(Throwable t) {
        if (t instanceof MultipleCompilationErrorsException m) {
            for (Object o : m.getErrorCollector().getErrors()) if (o instanceof SyntaxErrorMessage) return true;
        }
        return false;
    }

    /** The message part, in Elixir's words where they differ from Java's. */
    public static String message(Throwable t) {
        return message(t, 1);
    }

    private static String message(Throwable t, int counter) {
        if (t instanceof MultipleCompilationErrorsException m) {
            for (Object o : m.getErrorCollector().getErrors()) {
                if (o instanceof SyntaxErrorMessage s) {
                    SyntaxException e = s.getCause();
                    return "iex:" + (e.getLine() + counter - 1) + ":" + e.getStartColumn() + ": " + firstLine(e.getOriginalMessage());
                }
            }
            return "iex:" + counter + ": " + firstLine(m.getMessage());
        }
        if (t instanceof MissingPropertyException p) {
            if (isPromptVariable(p)) {
                return "iex:" + inputLine(t, counter) + ": undefined function " + p.getProperty() + "/0 (there is no such import)";
            }
            return "iex: undefined variable \"" + p.getProperty() + "\"";
        }
        if (t instanceof MissingMethodException m && isPromptFunction(m)) {
            Object[] args = m.getArguments();
            return "iex:" + inputLine(t, counter) + ": undefined function " + m.getMethod() + "/" + (args == null ? 0 : args.length)
                    + " (there is no such import)";
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
        if (t instanceof procshell.shell.iex.ArithmeticError) return t.getMessage();
        if (t instanceof procshell.shell.iex.UndefinedFunctionError u) return u.getMessage() + u.blame();
        if (t instanceof procshell.shell.iex.FunctionClauseError f && f.arguments() != null) return blame(f);
        if (t instanceof ArithmeticException) return "bad argument in arithmetic expression";
        if (t instanceof InterruptedException || t instanceof procshell.runtime.process.Interruption) return "interrupted";
        if (t.getClass().isAnnotationPresent(procshell.shell.iex.ElixirName.class)) {
            String m = t.getMessage();
            return m == null ? "" : m;
        }
        return JavaErrors.message(t);
    }

    /**
     * A FunctionClauseError with its arguments, as iex blames them (the trailing spaces are iex's):
     * the message, then "The following arguments were given to Foo.f/1:" and each argument.
     */
    private static String blame(procshell.shell.iex.FunctionClauseError f) {
        StringBuilder b = new StringBuilder(f.getMessage()).append("    \n    \n    The following arguments were given to ")
                .append(f.function()).append(":\n    \n");
        int n = 0;
        for (Object a : f.arguments()) {
            b.append("        # ").append(++n).append("\n        ").append(procshell.shell.iex.Kernel.inspect(a).replace("\n", "\n        "))
                    .append("\n    \n");
        }
        java.util.List<String> attempted = f.attempted();
        if (!attempted.isEmpty()) {
            b.append("    ").append(attempted.get(0)).append("\n    \n");
            for (String clause : attempted.subList(1, attempted.size())) b.append("        ").append(clause).append('\n');
            b.append("    \n");
        }
        return b.substring(0, b.length() - 1);
    }

    /** An unknown name in the input itself (not a property of some object). */
    private static boolean isPromptVariable(MissingPropertyException p) {
        return p.getType() == null || isScript(p.getType().getName()) || groovy.lang.Binding.class.isAssignableFrom(p.getType());
    }

    /** A call without a receiver to a function nobody defines, in the input itself. */
    private static boolean isPromptFunction(MissingMethodException m) {
        return m.getType() != null && isScript(m.getType().getName()) && !m.isStatic();
    }

    private static boolean isScript(String cls) {
        return cls.equals("iex") || cls.startsWith("iex_");
    }

    /** The line of the input where it failed, numbered as iex numbers it (from the prompt's counter). */
    private static int inputLine(Throwable t, int counter) {
        for (StackTraceElement f : t.getStackTrace()) {
            if (isScript(f.getClassName()) && f.getLineNumber() > 0) return f.getLineNumber() + counter - 1;
        }
        return counter;
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
