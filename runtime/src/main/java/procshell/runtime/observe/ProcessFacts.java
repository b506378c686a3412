package procshell.runtime.observe;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.LocalProcess;

/**
 * The facts of one process that the BEAM's {@code process_info/2} derives rather than stores:
 * its current function, the initial call OTP's {@code proc_lib} reports, and a memory estimate.
 * Everything here reads the process without taking its lock except {@link #translatedInitialCall},
 * which reads the process dictionary.
 */
public final class ProcessFacts {
    /** {@code {:proc_lib, :init_p, 5}}, the initial call of every OTP process (GenServer, Supervisor). */
    public static final Tuple PROC_LIB_INIT = Tuple.of(Atom.of("proc_lib"), Atom.of("init_p"), 5);
    private static final Tuple ERLANG_APPLY = Tuple.of(Atom.of("erlang"), Atom.of("apply"), 2);
    private static final Tuple GEN_SERVER_LOOP = Tuple.of(Atom.of("gen_server"), Atom.of("loop"), 7);

    /**
     * Bytes an idle process costs: its record, mailbox, table entry and parked virtual thread
     * (ObserverRefreshBench's observer_heap_per_idle_process measured 1.4 to 2.2 kB of heap per
     * process waiting in receive; the BEAM reports 2,768 for an idle GenServer).
     */
    static final long BASE_BYTES = 2_000;
    /** Bytes per queued message: the queue node and a small term. */
    static final long PER_MESSAGE_BYTES = 64;
    /** Bytes per link, monitor or dictionary entry: a hash map entry and its key. */
    static final long PER_ENTRY_BYTES = 48;

    private ProcessFacts() {}

    /**
     * The initial call, as {@code Process.info(pid, :initial_call)}: {@code {:proc_lib, :init_p, 5}}
     * for OTP processes, {@code {:erlang, :apply, 2}} for a process spawned from a function.
     */
    public static Tuple initialCall(LocalProcess p) {
        return p.initialCall() == null ? ERLANG_APPLY : p.initialCall();
    }

    /**
     * The function the process runs, as {@code Process.info(pid, :current_function)}, as far as the
     * runtime knows it: an OTP process waits in {@code {:gen_server, :loop, 7}}, anything else is
     * reported as its initial call.
     */
    public static Tuple currentFunction(LocalProcess p) {
        Tuple initial = initialCall(p);
        return PROC_LIB_INIT.equals(initial) ? GEN_SERVER_LOOP : initial;
    }

    /**
     * The initial call as Observer and {@code :proc_lib.translate_initial_call/1} show it: the
     * {@code "$initial_call"} of the process dictionary when there is one (a GenServer's
     * {@code {MyServer, :init, 1}}), else {@link #initialCall}.
     */
    public static Tuple translatedInitialCall(LocalProcess p) {
        Tuple initial = initialCall(p);
        if (PROC_LIB_INIT.equals(initial) && p.dictionaryGet("$initial_call") instanceof Tuple t && t.size() == 3) return t;
        return initial;
    }

    /**
     * A memory estimate in bytes, as {@code Process.info(pid, :memory)}: a fixed cost per process
     * plus its queued messages and its links, monitors and dictionary entries. Cheap (no lock; the
     * queue length walks the unread part of the mailbox) and, from another thread, best effort.
     */
    public static long memory(LocalProcess p) {
        return memory(p, p.mailbox().size());
    }

    /** {@link #memory(LocalProcess)} when the queue length is known already. */
    static long memory(LocalProcess p, int queued) {
        return BASE_BYTES + PER_MESSAGE_BYTES * queued + PER_ENTRY_BYTES * p.bookkeepingEntries();
    }

    /**
     * The {@code "$ancestors"} an OTP process started by {@code parent} gets, as {@code proc_lib}
     * fills it: the parent's registered name (its pid when it has none), then the parent's own
     * ancestors.
     *
     * @param node   the node the parent lives on
     * @param parent the starting process
     */
    public static List<Object> ancestors(Node node, Pid parent) {
        List<Object> out = new ArrayList<>();
        LocalProcess p = node.process(parent);
        Atom name = p == null ? null : p.registeredName();
        out.add(name != null ? name : parent);
        if (p != null && p.dictionaryGet("$ancestors") instanceof List<?> more) out.addAll(more);
        return List.copyOf(out);
    }

    /**
     * The pid of a process's parent, from the first of its {@code "$ancestors"} (a pid, or a
     * registered name looked up now); null when it has none or the name is free.
     */
    public static Pid parent(Node node, LocalProcess p) {
        if (!(p.dictionaryGet("$ancestors") instanceof List<?> l) || l.isEmpty()) return null;
        Object first = l.get(0);
        if (first instanceof Pid pid) return pid;
        return first instanceof Atom name ? node.whereis(name) : null;
    }
}
