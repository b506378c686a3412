package procshell.shell.observer;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.runtime.observe.ProcessFacts;
import procshell.runtime.process.LocalProcess;
import procshell.shell.inspect.StackFormatter;

/**
 * The current stack of a process of this node in Elixir's terms, as
 * {@code Exception.format_stacktrace(elem(Process.info(pid, :current_stacktrace), 1))} prints it:
 * {@code (stdlib 4.2) gen_server.erl:871: :gen_server.loop/7}, {@code iex:5: Busy.handle_call/3}.
 * It is read from the process's thread and shown through {@link StackFormatter}, which keeps the
 * frames of typed code and the OTP functions the runtime plays and leaves out every frame of Java,
 * Groovy and the runtime itself.
 */
public final class ProcessStack {
    /** Where an idle GenServer waits, as the BEAM (OTP 25) reports it. */
    static final String GEN_SERVER_LOOP = "(stdlib 4.2) gen_server.erl:871: :gen_server.loop/7";
    private static final String PROC_LIB = "(stdlib 4.2) proc_lib.erl";

    private ProcessStack() {}

    /**
     * The stack's lines, innermost first; when nothing of it maps to Elixir (a process of the
     * runtime itself) its current function as {@code :module.function/arity}; empty for a dead process.
     */
    public static List<String> lines(LocalProcess p) {
        Thread t = p.thread();
        if (!p.isAlive() || t == null) return List.of();
        List<String> lines = new ArrayList<>(StackFormatter.lines(null, List.of(t.getStackTrace())));
        Tuple current = ProcessFacts.currentFunction(p);
        boolean inLoop = lines.isEmpty() || lines.get(0).startsWith(PROC_LIB);
        if (inLoop && ProcessFacts.PROC_LIB_INIT.equals(ProcessFacts.initialCall(p))) lines.add(0, GEN_SERVER_LOOP);
        if (lines.isEmpty()) lines.add(mfa(current));
        return lines;
    }

    /**
     * An {@code {m, f, a}} as Elixir's {@code Exception.format_mfa/3} writes it:
     * {@code :gen_server.loop/7}, {@code MyServer.init/1}.
     */
    public static String mfa(Tuple t) {
        if (t == null || t.size() != 3 || !(t.get(0) instanceof Atom m) || !(t.get(1) instanceof Atom f)) return String.valueOf(t);
        String module = m.name().startsWith("Elixir.") ? m.name().substring("Elixir.".length()) : procshell.runtime.inspect.Inspect.inspect(m);
        String fun = procshell.runtime.inspect.Inspect.inspect(f).substring(1);
        return module + "." + fun + "/" + (t.get(2) instanceof List<?> l ? l.size() : t.get(2));
    }
}
