package procshell.shell.inspect;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.codehaus.groovy.reflection.ClassInfo;

/**
 * Formats a stack trace as Elixir 1.14 on OTP 25 prints one, e.g.
 *
 * <pre>
 *     iex:5: HelloServer.handle_call/3
 *     (stdlib 4.2) gen_server.erl:1149: :gen_server.try_handle_call/4
 *     (stdlib 4.2) gen_server.erl:1178: :gen_server.handle_msg/6
 *     (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3
 * </pre>
 *
 * Frames of code typed at the prompt are shown as iex shows them ({@code iex:LINE:
 * Module.fun/arity}, {@code anonymous fn/1 in Module.fun/3}); the frames of the runtime that play
 * the part of an OTP or Elixir function (the gen_server loop, proc_lib's process start, a
 * {@code GenServer.call} waiting for its reply, the iex evaluator) are shown as the BEAM names
 * them; Groovy's, the JDK's and every other frame of the runtime are left out, as they would
 * only hide the frames that matter.
 */
public final class StackFormatter {
    /** Where the lines of the OTP and Elixir frames come from: the versions the shell mimics. */
    static final String STDLIB = "(stdlib 4.2) ";
    static final String ELIXIR = "(elixir 1.14.0) ";
    static final String IEX = "(iex 1.14.0) ";

    private static final String CALLBACKS = "procshell.shell.iex.CallbackServer";
    private static final String GEN_SERVER_PROCESS = "procshell.runtime.otp.GenServer";
    private static final String GEN_SERVER_FACADE = "procshell.shell.iex.GenServer";
    private static final String AGENT_SERVER = "procshell.shell.iex.AgentServer";
    /** Elixir 1.14's Agent.Server: the line of each callback clause (by AgentServer's method) that runs the agent's fun. */
    private static final java.util.Map<String, String> AGENT_LINES = java.util.Map.of(
            "init", "8: Agent.Server.init/1",
            "get", "12: Agent.Server.handle_call/3",
            "getAndUpdate", "16: Agent.Server.handle_call/3",
            "update", "23: Agent.Server.handle_call/3",
            "handleCast", "27: Agent.Server.handle_cast/2");

    /** The frames under an input evaluated by the shell process, as iex's evaluator has them. */
    private static final List<String> EVALUATOR = List.of(
            STDLIB + "erl_eval.erl:744: :erl_eval.do_apply/7",
            ELIXIR + "src/elixir.erl:283: :elixir.eval_forms/3",
            ELIXIR + "lib/module/parallel_checker.ex:100: Module.ParallelChecker.verify/1",
            IEX + "lib/iex/evaluator.ex:329: IEx.Evaluator.eval_and_inspect/3",
            IEX + "lib/iex/evaluator.ex:303: IEx.Evaluator.eval_and_inspect_parsed/3",
            IEX + "lib/iex/evaluator.ex:292: IEx.Evaluator.parse_eval_inspect/3");

    /** gen_server's frames under a server's {@code init/1}. */
    private static final List<String> INIT_IT = List.of(
            STDLIB + "gen_server.erl:851: :gen_server.init_it/2",
            STDLIB + "gen_server.erl:814: :gen_server.init_it/6");

    private StackFormatter() {}

    /**
     * The frames under a server's {@code init/1}, innermost first, as the BEAM has them when the
     * server process runs it: gen_server's {@code init_it/2} and {@code init_it/6}, then proc_lib's
     * {@code init_p_do_apply/3}.
     */
    public static List<String> initLines() {
        List<String> out = new ArrayList<>(INIT_IT);
        out.add(STDLIB + "proc_lib.erl:240: :proc_lib.init_p_do_apply/3");
        return out;
    }

    /** The frames under an input evaluated by the shell process, innermost first, as iex's evaluator has them. */
    public static List<String> evaluatorFrames() {
        return EVALUATOR;
    }

    /**
     * The lines of an exception's stacktrace (in an exit reason or a crash report), innermost
     * first, with the OTP frames of the server loop it went through.
     */
    public static List<String> lines(Throwable e, List<?> stack) {
        List<String> lines = deepest(format(stack, Mode.PROCESS, false));
        List<String> own = ownFrames(e);
        if (own.isEmpty()) return lines;
        // frames the error names itself (an Elixir default callback's lib/gen_server.ex line) come first
        List<String> out = new ArrayList<>(own);
        if (e instanceof procshell.shell.iex.FunctionClauseError f && f.arguments() != null) {
            // the BEAM's frame of a function no clause matched holds its arguments: iex:10: R.f(0)
            // (only iex's blame at the prompt writes it R.f/1)
            out.set(0, withArguments(out.get(0), f.arguments()));
        }
        out.addAll(lines);
        return out;
    }

    /**
     * A Java stack as the BEAM's stacktrace term ({@code {Module, :fun, arity, [file: 'iex', line:
     * 5]}} for each frame {@link #lines} shows, innermost first), as {@link StackTerms#of}.
     *
     * @param stack {@link StackTraceElement}s (other elements are ignored)
     * @return the frames as 4-tuples
     */
    public static List<Object> stacktraceTerm(List<?> stack) {
        return StackTerms.of(null, stack);
    }

    /** As {@link #stacktraceTerm(List)}, with the frames the error names itself first, as {@link StackTerms#of}. */
    public static List<Object> stacktraceTerm(Throwable e, List<?> stack) {
        return StackTerms.of(e, stack);
    }

    /**
     * The BEAM keeps the {@value #BACKTRACE_DEPTH} innermost frames of a stacktrace
     * ({@code :erlang.system_flag(:backtrace_depth, 8)}, the default): a deep recursion that fails
     * shows 8 lines, not thousands.
     */
    static final int BACKTRACE_DEPTH = 8;

    private static List<String> deepest(List<String> lines) {
        return lines.size() <= BACKTRACE_DEPTH ? lines : List.copyOf(lines.subList(0, BACKTRACE_DEPTH));
    }

    /** {@code iex:10: R.f/1} as {@code iex:10: R.f(0)}: the arity replaced by the inspected arguments. */
    private static String withArguments(String line, List<Object> arguments) {
        int slash = line.lastIndexOf('/');
        if (slash < 0 || !line.substring(slash + 1).chars().allMatch(Character::isDigit)) return line;
        java.util.StringJoiner call = new java.util.StringJoiner(", ", "(", ")");
        for (Object a : arguments) call.add(procshell.shell.iex.Kernel.inspect(a));
        return line.substring(0, slash) + call;
    }

    /**
     * The lines of an exception raised by an input at the prompt: as {@link #lines}, without the
     * evaluator's frames and what lies below them (iex prunes its own frames from what it prints).
     */
    public static List<String> promptLines(Throwable e) {
        List<String> typed = format(List.of(e.getStackTrace()), Mode.PROMPT, false);
        List<String> own = ownFrames(e);
        if (own.isEmpty()) return deepest(typed);
        List<String> out = new ArrayList<>(own);
        out.addAll(typed);
        return deepest(out);
    }

    /**
     * The BEAM frames an error stands for beyond its typed ones: those it names itself (then, for
     * a via name's lookup, who looked it up), or Registry's.
     */
    private static List<String> ownFrames(Throwable e) {
        if (e instanceof procshell.shell.iex.BeamFrames b && !b.beamFrames().isEmpty()) {
            List<String> lookup = ViaLookupFrames.of(e);
            if (lookup.isEmpty()) return b.beamFrames();
            List<String> out = new ArrayList<>(b.beamFrames());
            out.addAll(lookup);
            return out;
        }
        return e == null ? List.of() : RegistryFrames.of(e);
    }

    /**
     * The current stacktrace of a process waiting in a call, as a GenServer crash report shows
     * its client's: {@code :gen.do_call/4}, {@code GenServer.call/3}, the caller's frames.
     *
     * @param stack        the client thread's stack
     * @param shellProcess true when the client is the shell process (its input called)
     */
    public static List<String> clientLines(StackTraceElement[] stack, boolean shellProcess) {
        List<String> out = format(List.of(stack), Mode.CLIENT, shellProcess);
        if (out.isEmpty() || !out.get(0).startsWith(STDLIB + "gen.erl")) {
            // not (or no longer) waiting in GenServer.call: the least iex would show
            out = new ArrayList<>(out);
            out.addAll(0, callFrames());
        }
        return out;
    }

    private static List<String> callFrames() {
        return List.of(STDLIB + "gen.erl:256: :gen.do_call/4", ELIXIR + "lib/gen_server.ex:1035: GenServer.call/3");
    }

    /** Whose stack: an exception's at the prompt or in a process, or a waiting client's. */
    private enum Mode { PROMPT, PROCESS, CLIENT }

    private static List<String> format(List<?> stack, Mode mode, boolean shellProcess) {
        boolean client = mode == Mode.CLIENT;
        List<String> out = new ArrayList<>();
        boolean typedSeen = false;
        boolean inCall = false;
        String lastActivation = null;
        int typedFrames = 0;
        for (Object o : stack) {
            if (!(o instanceof StackTraceElement f)) continue;
            String cls = f.getClassName();
            String method = f.getMethodName();
            String file = f.getFileName();
            if (client && cls.equals(GEN_SERVER_FACADE) && method.equals("call")) {
                if (!inCall && out.isEmpty()) out.addAll(callFrames());
                inCall = true;
                continue;
            }
            if (procshell.shell.elixir.compiler.DirectInput.isFunFrame(f)) {
                // a fn typed at the prompt, as a compiled one's closure frame
                if (!typedSeen && mode == Mode.PROCESS) out.add(STDLIB + "erl_eval.erl:742: :erl_eval.do_apply/7");
                typedSeen = true;
                continue;
            }
            if (procshell.shell.elixir.compiler.DirectInput.isInputFrame(f)) {
                // an input evaluated without a script of its own: as the script, below it lies the evaluator
                if (client && shellProcess) out.addAll(EVALUATOR);
                break;
            }
            if (file != null && file.startsWith("iex") && f.getLineNumber() >= 0) {
                if (isScript(cls)) {
                    if (cls.contains("$")) {
                        // a closure typed at the prompt, run by a process of its own: erl_eval runs
                        // it (called by the input itself, iex prunes the frame with its own)
                        if (!typedSeen && mode == Mode.PROCESS) out.add(STDLIB + "erl_eval.erl:742: :erl_eval.do_apply/7");
                        typedSeen = true;
                        continue;
                    }
                    // the input itself: below it lies the evaluator
                    if (client && shellProcess) out.addAll(EVALUATOR);
                    break;
                }
                String activation = procshell.shell.elixir.compiler.ModuleClassLoader.lineFrameActivation(cls);
                if (activation != null && activation.equals(lastActivation)) continue; // an outer line of the same call
                String line = typedFrame(f);
                // the BEAM lists the current function, then the return addresses on the stack,
                // the same one repeated (a recursion returning into itself) once
                if (line != null && typedFrames >= 2 && line.equals(out.get(out.size() - 1))) continue;
                if (line != null) {
                    typedFrames++;
                    out.add(line);
                    typedSeen = true;
                    lastActivation = activation;
                }
                continue;
            }
            if (cls.equals(AGENT_SERVER) && AGENT_LINES.containsKey(method)) out.add(ELIXIR + "lib/agent/server.ex:" + AGENT_LINES.get(method));
            if (cls.equals(CALLBACKS) || cls.equals(AGENT_SERVER)) {
                switch (method) {
                    case "handleCall" -> {
                        out.add(STDLIB + "gen_server.erl:1149: :gen_server.try_handle_call/4");
                        out.add(STDLIB + "gen_server.erl:1178: :gen_server.handle_msg/6");
                    }
                    case "handleCast", "handleInfo" -> {
                        out.add(STDLIB + "gen_server.erl:1123: :gen_server.try_dispatch/4");
                        out.add(STDLIB + "gen_server.erl:1200: :gen_server.handle_msg/6");
                    }
                    case "init" -> out.addAll(INIT_IT);
                    default -> { }
                }
                continue;
            }
            if (cls.equals(GEN_SERVER_PROCESS) && method.equals("run")) {
                out.add(STDLIB + "proc_lib.erl:240: :proc_lib.init_p_do_apply/3");
                break;
            }
        }
        return out;
    }

    /** The class of an input (its script, or a closure of it): {@code iex}, {@code iex_7$_run_closure1}. */
    private static boolean isScript(String cls) {
        return cls.equals("iex") || cls.startsWith("iex_") || cls.startsWith("iex$");
    }

    /**
     * {@code iex:5: HelloServer.handle_call/3}, or for a closure in a typed method
     * {@code iex:5: anonymous fn/1 in HelloServer.handle_call/3}; null for Groovy's own helpers.
     */
    private static String typedFrame(StackTraceElement f) {
        String cls = f.getClassName();
        String method = f.getMethodName();
        int closure = cls.indexOf("$_");
        String where = "iex:" + line(closure > 0 ? cls.substring(0, closure) : cls, f.getLineNumber()) + ": ";
        if (closure > 0 && method.equals("doCall")) {
            // Groovy names a closure Outer$_method_closureN
            String outer = cls.substring(0, closure);
            String rest = cls.substring(closure + 2);
            int k = rest.lastIndexOf("_closure");
            String outerMethod = k > 0 ? rest.substring(0, k) : rest;
            return where + "anonymous fn/" + arity(cls, "doCall") + " in " + simple(outer) + "."
                    + procshell.shell.iex.ShellModules.elixirName(outerMethod) + "/" + arity(outer, outerMethod);
        }
        if (cls.contains("$") || method.contains("$") || method.startsWith("<")) return null;
        return where + simple(cls) + "." + procshell.shell.iex.ShellModules.elixirName(method) + "/" + arity(cls, method);
    }

    /** The module name of a typed class: a compiled module's Elixir name ({@code @ElixirName}), else the class's. */
    private static String simple(String cls) {
        Class<?> c = find(cls);
        if (c != null && c.getAnnotation(procshell.shell.iex.ElixirName.class) != null) return procshell.shell.iex.Modules.moduleName(c);
        int i = cls.lastIndexOf('.');
        return i < 0 ? cls : cls.substring(i + 1);
    }

    /** The line as typed: a compiled module's Groovy line mapped back to its Elixir line. */
    private static int line(String cls, int groovyLine) {
        Class<?> c = find(cls);
        int elixir = c == null ? -1 : procshell.shell.iex.Ops.elixirLine(c, groovyLine);
        return elixir > 0 ? elixir : groovyLine;
    }

    private static int arity(String cls, String method) {
        Class<?> c = find(cls);
        if (c != null) {
            int best = -1;
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(method) && !m.isSynthetic()) best = Math.max(best, m.getParameterCount());
            }
            if (best >= 0) return best;
        }
        return 0;
    }

    /**
     * The class of a frame. Classes typed at the prompt live in the evaluator's class loader,
     * which only the shell's threads have as context loader; the console thread that prints the
     * shell process's death does not, so the shells' loaders and Groovy's table of the classes it
     * has seen are asked too.
     */
    private static Class<?> find(String cls) {
        try {
            ClassLoader l = Thread.currentThread().getContextClassLoader();
            return Class.forName(cls, false, l == null ? StackFormatter.class.getClassLoader() : l);
        } catch (ClassNotFoundException | LinkageError ignored) {
            // not visible from this thread: look in the shells' loaders, then in Groovy's table
        }
        Class<?> typed = procshell.shell.elixir.compiler.ModuleClassLoader.classNamed(cls);
        if (typed != null) return typed;
        try {
            for (ClassInfo info : ClassInfo.getAllClassInfo()) {
                Class<?> c = info.getTheClass();
                if (c != null && c.getName().equals(cls)) return c;
            }
        } catch (RuntimeException | LinkageError ignored) {
            // arity unknown
        }
        return null;
    }
}
