package procshell.shell.observer;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.observe.ProcessRanking;
import procshell.runtime.process.ProcessContext;
import procshell.shell.eval.Values;
import procshell.shell.iex.Doc;
import procshell.shell.iex.IexSession;

/**
 * The prompt's functions for watching processes (statically imported into every input, as
 * {@link procshell.shell.iex.Kernel} is): the event feed {@code watch()}, {@code watch(pid_or_name)},
 * {@code unwatch()}; the views printed once, {@code processes()} and {@code tree(sup)} (with
 * {@code tables()} and {@code table(name)} of Kernel); {@code trace(fn)} and
 * {@code trace(pids_or_names, ms)}, the sequence diagram of the messages among processes; and
 * {@code observer()}, the full-screen view.
 */
public final class ObserverHelpers {
    private ObserverHelpers() {}

    private static IexSession session() {
        return IexSession.current();
    }

    /**
     * Turns the event feed on for everything: one line per spawn, exit, supervisor restart and
     * registration, printed above the prompt (see {@link EventLine}); {@code unwatch()} stops it.
     *
     * @return {@code :ok}
     */
    @Doc("""
            Prints a line above the prompt for every event of the node from now on.

            Events: spawn, exit (with its reason), a supervisor's restart of a child (old pid ->
            new pid, strategy, restarts within the intensity window), and registration or
            unregistration of a name in any registry. Lines arrive while you type; your input
            stays as it was. Crash reports print whether you watch or not. unwatch() stops.

            ## Examples

                ps> watch()
                :ok
                ps> Process.exit(Process.whereis(MyWorker), :kill)
                12:01:02.346 [watch] exit #PID<0.120.0> (MyWorker): :killed
                12:01:02.347 [watch] register MyWorker -> #PID<0.125.0> (local)
                12:01:02.347 [watch] restart MyWorker: #PID<0.120.0> -> #PID<0.125.0> by #PID<0.118.0> (one_for_one, restart 1 of max 3 in the window) after :killed
                true
            """)
    public static Atom watch() {
        session().watcher().watchAll();
        return Atom.OK;
    }

    /**
     * Turns the event feed on for one process, given by pid or name (an atom, a module, a
     * {@code {:via, Registry, {reg, key}}} tuple): its spawns, exit, registrations, and the
     * restarts that replace it (the feed follows the new pid) or that it makes as a supervisor.
     * Adds to what is watched already.
     *
     * @return {@code :ok}
     */
    @Doc("""
            Prints a line above the prompt for every event of one process, given by pid or name.

            Follows the process across restarts: after a supervisor restarts it, the new pid is
            watched. A supervisor's pid shows the restarts it makes. unwatch() stops.

            ## Examples

                ps> watch(MyWorker)
                :ok
            """)
    public static Atom watch(Object pidOrName) {
        IexSession s = session();
        Object name = s.modules().nameTerm(Values.normalize(pidOrName));
        if (name instanceof Pid pid) {
            s.watcher().watch(pid, null);
            return Atom.OK;
        }
        if (!(name instanceof Atom) && !(name instanceof Tuple t && t.isTagged(Atom.VIA, 3))) {
            throw new IllegalArgumentException("watch/1 takes a pid or a name (an atom, a module or a via tuple), got: " + s.inspect(name));
        }
        Pid pid;
        try {
            pid = s.node().whereis(name);
        } catch (IllegalArgumentException e) {
            pid = null; // an unknown via module: watch the name alone
        }
        Object key = name instanceof Tuple t && t.get(2) instanceof Tuple rk && rk.size() >= 2 ? rk.get(1) : name;
        s.watcher().watch(pid, key);
        return Atom.OK;
    }

    /** Stops the event feed ({@code watch()}'s lines); crash reports still print. Returns {@code :ok}. */
    @Doc("""
            Stops the event feed that watch() started; crash reports still print.

            ## Examples

                ps> unwatch()
                :ok
            """)
    public static Atom unwatch() {
        session().watcher().unwatch();
        return Atom.OK;
    }

    /**
     * Prints Observer's process list once, largest reductions first (see {@link ProcessList}).
     *
     * @return {@link IexSession#NO_VALUE}, so the prompt prints nothing after the list
     */
    @Doc("""
            Prints the node's processes as Observer's Processes tab lists them.

            Columns: Pid, Name or Initial Call, Reductions (messages received), Memory (bytes,
            an estimate), MsgQ and Current Function; largest reductions first.
            processes(:memory) and processes(:message_queue_len) sort by those;
            processes(key, n) prints the first n.

            ## Examples

                ps> processes(:message_queue_len, 3)
                Pid        Name or Initial Call  Reductions  Memory  MsgQ  Current Function
                <0.108.0>  elixir:eval/3                 4    2048     0  elixir:eval/3
            """)
    public static Object processes() {
        return processes(Atom.of("reductions"));
    }

    /** {@link #processes()} sorted by {@code :reductions}, {@code :memory} or {@code :message_queue_len}. */
    public static Object processes(Object sortKey) {
        return processes(sortKey, Integer.MAX_VALUE);
    }

    /**
     * The first {@code count} rows of {@link #processes(Object)}.
     *
     * @throws IllegalArgumentException for an unknown sort key or a negative count
     */
    public static Object processes(Object sortKey, int count) {
        if (count < 0) throw new IllegalArgumentException("processes/2 takes a count of rows >= 0, got: " + count);
        IexSession s = session();
        ProcessRanking ranking = ProcessRanking.of(s.node(), ProcessList.sortKey(Values.normalize(sortKey)));
        s.out().print(Columns.text(ProcessList.lines(ranking, 0, count)));
        s.out().flush();
        return IexSession.NO_VALUE;
    }

    /**
     * Prints a supervisor's tree once (see {@link SupervisionTree}).
     *
     * @param sup a supervisor's pid or name
     * @return {@link IexSession#NO_VALUE}
     * @throws IllegalArgumentException when nothing runs under the name or it is no supervisor
     */
    @Doc("""
            Prints a supervisor's tree: its children in start order with ids, pids and names.

            Nested supervisors are drawn below their parent; a child the supervisor restarted is
            marked with the pid it replaced and why that one died.

            tree(sup, to: "tree.svg") also writes the tree as a picture (to: "tree.html": a page
            with the picture and this text, which opens offline): the same processes and marks,
            plus the links (other than supervisor to child) and monitors of its processes as
            dotted edges, the processes outside the tree they reach, and the ETS tables beside
            their owners.

            ## Examples

                ps> tree(MySup)
                MySup #PID<0.118.0>
                ├── MyWorker #PID<0.125.0>  ↻ restarted 1×, was #PID<0.119.0> (:killed)
                └── Other #PID<0.120.0>
            """)
    public static Object tree(Object sup) {
        return tree(sup, java.util.List.of());
    }

    /**
     * {@code tree(sup, to: "file.svg")}: prints the tree as {@link #tree(Object)} does and writes it
     * as a picture ({@link TreeSvg}; {@code .html}: a page holding the picture and the text), with
     * the links and monitors of its processes as dotted edges and the ETS tables beside their owners.
     *
     * @throws IllegalArgumentException for an unknown option or a file name that is not .svg/.html
     */
    public static Object tree(Object sup, Object options) {
        IexSession s = session();
        String to = TreePicture.to(Values.normalize(options));
        Object name = s.modules().nameTerm(Values.normalize(sup));
        Pid pid = name instanceof Pid p ? p : s.node().whereis(name);
        if (pid == null) throw new IllegalArgumentException("no process is registered as " + s.inspect(name));
        s.out().print(TreePicture.draw(s.node(), pid, s.restarts(), s.inspectOptions(), to));
        s.out().flush();
        return IexSession.NO_VALUE;
    }

    /**
     * Opens the full-screen observer (see {@link ObserverScreen}) until {@code q}; on a terminal
     * that cannot draw full-screen (a dumb terminal, piped input) prints why and one frame.
     *
     * @return {@link IexSession#NO_VALUE}
     */
    @Doc("""
            Opens a full-screen view of the node, refreshed every second, until q.

            Tabs (Tab or 1/2/3/4): the process list, the supervision trees (restarted children
            highlighted), the Table Viewer (Enter opens a table's rows) and the Ports (gen_tcp
            sockets, the distribution's listener and connections, the port mapper; k closes
            the selected one as Port.close would).

            The process list sorts with r (reductions), m (memory), Q (message queue); rr and
            mm sort by what each process did since the last refresh (observer_cli's rr/mm), w
            switches between totals and that window. Up/Down select; k kills the selected
            process with :kill, as Observer's "Kill process".

            Enter opens the selected process's page (from the list or a tree): its
            Process.info, the messages queued, its dictionary, its state (:sys.get_state,
            1 s timeout), links, monitors both ways and its current stack. On the page r reads
            it again, k kills, Esc or b goes back.

            On a terminal that cannot draw full-screen it prints one frame.

            ## Examples

                ps> observer()
            """)
    public static Object observer() {
        IexSession s = session();
        ProcessContext.require();
        new ObserverScreen(s).run();
        return IexSession.NO_VALUE;
    }

    /**
     * {@code observer(:node@host)}: the full-screen observer of another node, a procshell node or a
     * real BEAM node with nothing installed there, read over rpc (see {@link RpcNode}).
     *
     * @param node the node's name (an atom)
     * @return {@link IexSession#NO_VALUE}
     * @throws IllegalArgumentException when {@code node} is no atom, or the node cannot be reached
     */
    @Doc("""
            Opens the full-screen observer on another node, over rpc: a procshell node or a real
            BEAM node, with nothing installed there.

            The tabs work as on this node, read with the BEAM's own functions there: the
            process list (r/m/Q, rr/mm, w sorts; :erlang.processes/0, :erlang.process_info/2),
            process pages (Enter; :sys.get_state/2, the stack as Exception.format_stacktrace/1
            prints it), k kill (:kill over the connection), the supervision trees
            (:supervisor.which_children/1), the Table Viewer (:ets.all/0, :ets.info/1; rows
            are not opened) and the Ports (:erlang.ports/0, :erlang.port_info/1, :inet; k
            closes one with :erlang.port_close/1). This node must be distributed (--sname,
            or Node.start/2) and share the other node's cookie.

            ## Examples

                ps> observer(:"app@localhost")
            """)
    public static Object observer(Object node) {
        IexSession s = session();
        ProcessContext.require();
        Object name = Values.normalize(node);
        if (!(name instanceof Atom a)) throw new IllegalArgumentException("observer/1 takes a node name (an atom), got: " + s.inspect(name));
        if (!a.equals(s.node().name())) {
            Object connected = procshell.shell.iex.Node.connect(a);
            if (!(connected instanceof Boolean)) {
                throw new IllegalArgumentException("observer/1 needs this node to be distributed: start procshell with --sname, or call Node.start/2");
            }
            if (!Boolean.TRUE.equals(connected)) throw new IllegalArgumentException("cannot reach the node " + a.name() + " (Node.connect/1 answered false)");
        }
        new ObserverScreen(s, a).run();
        return IexSession.NO_VALUE;
    }

    /**
     * Runs {@code fn} in the shell process and draws the messages and signals it set off as a
     * sequence diagram (see {@link TraceDiagram}, {@link SequenceText}).
     *
     * @param fn a zero-arity fn
     * @return the fn's value
     */
    @Doc("""
            Runs fn and draws the messages and signals among the processes it involves.

            One lifeline per process (named by registered name, Registry key or pid; the shell is
            self()), one arrow per message or signal: CALL and reply (GenServer.call), CAST, INFO
            (any other message), EXIT, DOWN, SPAWN, LINK, RESTART (a supervisor's), and exit at the
            end of a lifeline. A process joins when an involved one sends it something, spawns or
            restarts it. Recording goes on for 100 ms after fn returns (settle: ms changes it).
            Returns fn's value.

            trace(fn, to: "file.svg") also writes the diagram as a picture a browser opens
            (to: "file.html": a page with the picture and the text, which works offline;
            to: "file.mmd": Mermaid, as Livebook draws it).

            trace(pids_or_names, ms) records what goes to or from those processes (and the
            processes they spawn, and their restarted successors) for ms milliseconds, then draws
            it. With live: true it prints each arrow the moment it happens, one line each, as
            watch() prints events:

                ps> trace(Counter, :infinity, live: true)
                12:01:02.346 [trace] #PID<0.120.0> ─CAST {:add, 1}─▶ Counter
                12:01:02.350 [trace] self() ─CALL :get─▶ Counter

            :infinity records until Ctrl-C. Ctrl-C stops any trace(pids, ms) early; the shell
            process, its links and its mailbox stay as they were.

            ## Examples

                ps> trace(fn -> GenServer.call(Counter, :get) end)
                self()          Counter
                  │                │
                  │─CALL :get─────▶│
                  │◀─reply 0───────│
                0
            """)
    public static Object trace(Object fn) {
        return trace(fn, java.util.List.of());
    }

    /**
     * {@code trace(fn, options)} as {@link #trace(Object)} with options {@code to:} and
     * {@code settle:}; or {@code trace(pids_or_names, ms)}: records for {@code ms} milliseconds what
     * goes to or from the given processes and draws it.
     *
     * @throws IllegalArgumentException for a bad option, an unregistered name, a negative time
     */
    public static Object trace(Object fnOrPids, Object optionsOrMs) {
        if (fnOrPids instanceof groovy.lang.Closure<?> fn) {
            IexSession s = session();
            ProcessTrace t = ProcessTrace.options(Values.normalize(optionsOrMs));
            return t.run(() -> procshell.shell.iex.Ops.apply(fn), text -> print(s, text), s.inspectOptions());
        }
        return trace(fnOrPids, optionsOrMs, java.util.List.of());
    }

    /**
     * {@code trace(pids_or_names, ms, to: "file.svg", live: true)}: as {@link #trace(Object, Object)}
     * for processes; {@code ms} may be {@code :infinity} (until Ctrl-C).
     */
    public static Object trace(Object pidsOrNames, Object ms, Object options) {
        IexSession s = session();
        long time = ms instanceof Number n ? (n.longValue() < 0 ? -2 : n.longValue()) : Atom.of("infinity").equals(ms) ? -1 : -2;
        if (time < 0 && time != -1) {
            throw new IllegalArgumentException("trace/2 takes a fn, or pids or names and a time in ms >= 0 (or :infinity), got: " + s.inspect(ms));
        }
        ProcessTrace t = ProcessTrace.options(Values.normalize(options));
        java.util.Set<Pid> pids = ProcessTrace.pids(Values.normalize(pidsOrNames), o -> {
            Object name = s.modules().nameTerm(o);
            Pid pid = name instanceof Pid p ? p : s.node().whereis(name);
            if (pid == null) throw new IllegalArgumentException("no process is registered as " + s.inspect(name));
            return pid;
        });
        t.watch(pids, time, text -> print(s, text), s.inspectOptions());
        return IexSession.NO_VALUE;
    }

    private static void print(IexSession s, String text) {
        s.out().print(text);
        s.out().flush();
    }
}
