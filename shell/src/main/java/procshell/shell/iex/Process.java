package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.ProcessContext;
import procshell.shell.eval.Values;

/**
 * Elixir's {@code Process} module at the prompt: {@code Process.exit/2}, {@code alive?/1},
 * {@code whereis/1}, {@code register/2}, {@code monitor/1}, {@code link/1}, {@code flag/2},
 * {@code info/1,2}, {@code list/0}, {@code sleep/1}.
 */
@Doc("""
    Conveniences for working with processes and the process dictionary.

    Processes here are the shell's own lightweight processes (virtual threads),
    with pids, links, monitors and exit signals as on the BEAM.
    """)
public final class Process {
    private Process() {}

    private static ProcessContext ctx() {
        return ProcessContext.require();
    }

    /**
     * Sends an exit signal, as {@code Process.exit/2}: {@code :kill} is untrappable and ends the
     * process with {@code :killed}; {@code :normal} does not end another non-trapping process.
     *
     * @return true
     * @throws IllegalArgumentException when {@code pid} is not a pid ({@code Process.exit(nil, :kill)}),
     *         as Elixir's ArgumentError "1st argument: not a pid"
     */
    @Doc("""
        Sends an exit signal with the given reason to a process.

        :normal is ignored by a process that does not trap exits (unless it is the
        caller); :kill cannot be trapped and arrives as :killed; any other reason
        kills a process that does not trap exits, or becomes an
        {:EXIT, from, reason} message in one that does. Returns true.

        ## Examples

            ps> Process.exit(pid, :kill)
            true
        """)
    public static boolean exit(Object pid, Object reason) {
        if (!(pid instanceof Pid p)) {
            throw new IllegalArgumentException("errors were found at the given arguments:\n\n  * 1st argument: not a pid\n");
        }
        return ctx().exit(p, Values.normalize(reason));
    }

    /** True when the pid names a live process, as {@code Process.alive?/1}. */
    @Doc("""
        Tells whether the process exists and is alive (not exiting).

        ## Examples

            ps> Process.alive?(self())
            true
        """)
    public static boolean alive_qm(Object pid) {
        // The BEAM's is_process_alive/1 refuses another node's pid with these words too.
        if (!(pid instanceof Pid p) || ctx().node().isRemote(p)) {
            throw ArgumentError.badArgument("1st argument: not a pid", ":erlang.is_process_alive(" + Kernel.inspect(pid) + ")");
        }
        return ctx().node().isAlive(p);
    }

    /** The pid registered under a name, or nil, as {@code Process.whereis/1}. */
    @Doc("""
        Returns the pid registered under the name, or nil.
        """)
    public static Pid whereis(Object name) {
        Object n = IexSession.current().modules().nameTerm(name);
        if (!(n instanceof Atom a)) throw new IllegalArgumentException("errors were found at the given arguments:\n\n  * 1st argument: not an atom\n");
        return ctx().node().names().whereisPid(a);
    }

    /**
     * Registers a name, as {@code Process.register/2}.
     *
     * @return true
     * @throws IllegalArgumentException when the name is taken or the pid has a name or is dead
     */
    @Doc("""
        Registers the pid under a name (an atom); returns true.

        Raises ArgumentError when the name is taken, the pid already has a name or
        the process is not alive.
        """)
    public static boolean register(Object process, Object name) {
        Pid pid = Args.bifPid(process, "1st");
        Object n = IexSession.current().modules().nameTerm(name);
        if (!(n instanceof Atom a) || a.equals(Atom.UNDEFINED)) throw new IllegalArgumentException("errors were found at the given arguments:\n\n  * 2nd argument: not an atom\n");
        LocalProcess p = ctx().node().process(pid);
        try {
            if (p == null) throw new IllegalArgumentException("not alive");
            ctx().node().names().register(a, p);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("could not register " + pid + " with name " + a
                    + " because it is not alive, the name is already taken, or it has already been given another name");
        }
        return true;
    }

    /** Removes a registered name, as {@code Process.unregister/1}; returns true. */
    @Doc("""
        Removes the registered name; returns true. Raises ArgumentError if unknown.
        """)
    public static boolean unregister(Object name) {
        Object n = IexSession.current().modules().nameTerm(name);
        try {
            ctx().node().names().unregister((Atom) n);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("could not unregister " + procshell.runtime.inspect.Inspect.inspect(n) + " because it was not registered");
        }
        return true;
    }

    /** The registered names, as {@code Process.registered/0} (in no particular order, as on the BEAM). */
    @Doc("""
            The locally registered names.

            ## Examples

                ps> Process.register(self(), :shell)
                true
                ps> Process.registered()
                [:shell]
            """)
    public static List<Atom> registered() {
        return ctx().node().names().registered();
    }

    /** The live pids, oldest first, as {@code Process.list/0}. */
    @Doc("""
            The pids of every live process, oldest first.

            ## Examples

                ps> length(Process.list())
                2
            """)
    public static List<Pid> list() {
        return ctx().node().processes();
    }

    /** Monitors a process (pid or registered name), as {@code Process.monitor/1}. */
    @Doc("""
        Starts monitoring a process; returns the monitor reference.

        When the process exits (or does not exist), the caller receives
        {:DOWN, ref, :process, pid, reason} (reason :noproc for a dead pid).
        """)
    public static Ref monitor(Object pidOrName) {
        Object n = IexSession.current().modules().nameTerm(pidOrName);
        Pid pid = n instanceof Pid p ? p : ctx().node().whereis(n);
        procshell.runtime.node.RemoteNodes remote = ctx().node().remote();
        if (pid == null && remote != null && n instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom
                && t.get(1) instanceof Atom other && !other.equals(ctx().node().name())) {
            return remote.monitor(ctx().process(), t); // {name, node} of another node
        }
        if (pid == null) {
            Ref ref = ctx().node().makeRef();
            ctx().process().deliver(Tuple.of(Atom.DOWN, ref, Atom.PROCESS, Tuple.of(n, ctx().node().name()), Atom.NOPROC));
            return ref;
        }
        return ctx().monitor(pid);
    }

    /** Removes a monitor, as {@code Process.demonitor/1}; returns true. */
    @Doc("""
        Stops a monitor; returns true. With [:flush], also drops a :DOWN message
        already received for it.
        """)
    public static boolean demonitor(Object ref) {
        ctx().demonitor(Args.bifRef(ref, "1st"), false);
        return true;
    }

    /** Removes a monitor, as {@code Process.demonitor/2} with {@code [:flush]}. */
    public static boolean demonitor(Object ref, Object options) {
        ctx().demonitor(Args.bifRef(ref, "1st"), Values.normalize(options) instanceof List<?> l && l.contains(Atom.of("flush")));
        return true;
    }

    /** Links the caller to a process, as {@code Process.link/1}; returns true. */
    @Doc("""
        Links the caller to a process; returns true.

        Linked processes exit together: when one exits with a reason other than
        :normal, the other gets the exit signal. Linking to a dead pid exits the
        caller with :noproc (or sends {:EXIT, pid, :noproc} if it traps exits).
        """)
    public static boolean link(Object pid) {
        ctx().link(Args.bifPid(pid, "1st"));
        return true;
    }

    /** Removes a link, as {@code Process.unlink/1}; returns true. */
    @Doc("""
        Removes the link between the caller and a process; returns true.
        """)
    public static boolean unlink(Object pid) {
        ctx().unlink(Args.bifPid(pid, "1st"));
        return true;
    }

    /**
     * Sets a process flag, as {@code Process.flag/2}: {@code :trap_exit} only.
     *
     * @return the old value
     */
    @Doc("""
        Sets a process flag of the caller and returns its old value.

        :trap_exit (true or false) turns exit signals into {:EXIT, from, reason}
        messages.
        """)
    public static Object flag(Object flag, Object value) {
        if (!Atom.of("trap_exit").equals(Values.normalize(flag)) || !(value instanceof Boolean b)) {
            throw new IllegalArgumentException("errors were found at the given arguments:\n\n  * 1st argument: invalid flag\n");
        }
        return ctx().trapExit(b);
    }

    /**
     * Sleeps forever, as {@code Process.sleep(:infinity)}: returns only by the process being
     * killed or exiting.
     *
     * @param timeout the atom {@code :infinity} (anything else is an ArgumentError, as Elixir's
     *                guard failing)
     */
    @Doc("""
        Sleeps the current process for the given milliseconds (or :infinity).

        Returns :ok.
        """)
    public static Atom sleep(Object timeout) throws InterruptedException {
        if (timeout instanceof Number n) {
            return sleep(n.longValue());
        }
        if (!(timeout instanceof Atom a) || !a.name().equals("infinity")) {
            throw new IllegalArgumentException("errors were found at the given arguments:\n\n  * 1st argument: not a valid timeout\n");
        }
        LocalProcess me = ctx().process();
        me.markWaiting(true); // Process.info(pid, :status) is :waiting, as on the BEAM
        try {
            while (true) {
                Thread.sleep(Long.MAX_VALUE);
                me.checkAlive();
            }
        } finally {
            me.markWaiting(false);
        }
    }

    /** Sleeps, as {@code Process.sleep/1}; returns {@code :ok}. */
    public static Atom sleep(long ms) throws InterruptedException {
        LocalProcess me = ctx().process();
        me.markWaiting(true);
        try {
            Thread.sleep(ms);
        } finally {
            me.markWaiting(false);
        }
        me.checkAlive();
        return Atom.OK;
    }

    /** Sends a message, as {@code Process.send/3} without options. */
    @Doc("""
        Sends a message to a pid or name and returns the message.
        """)
    public static Object send(Object dest, Object message) {
        return Kernel.send(dest, message);
    }

    /**
     * Sends {@code message} to {@code dest} after {@code time} ms, as {@code Process.send_after/3}.
     *
     * @return the timer's reference, for {@link #cancel_timer} and {@link #read_timer}
     */
    @Doc("""
        Sends msg to dest after time milliseconds; returns the timer reference.

        dest is a pid or a registered name (looked up when the timer fires).
        cancel_timer/1 stops the timer, read_timer/1 reads the time left.

        ## Examples

            ps> Process.send_after(self(), :tick, 1000)
            #Reference<0.0.0.1>
        """)
    public static Object send_after(Object dest, Object message, Object time) {
        Object ms = Values.normalize(time);
        if (!(ms instanceof Number n) || n.longValue() < 0) throw ArgumentError.badArgument("3rd argument: not a valid time");
        return Timers.sendAfter(ctx().node(), IexSession.current().modules().nameTerm(dest), Values.normalize(message), n.longValue());
    }

    /** {@code Process.send_after(dest, msg, time, opts)}; the options ({@code abs:}) are not supported and ignored. */
    public static Object send_after(Object dest, Object message, Object time, Object options) {
        return send_after(dest, message, time);
    }

    /** Stops a timer, as {@code Process.cancel_timer/1}: the ms it had left, or false. */
    @Doc("""
        Cancels a timer returned by send_after/3: the milliseconds it had left, or
        false when it already fired (its message may be in the mailbox).
        """)
    public static Object cancel_timer(Object ref) {
        return Timers.cancel(Args.bifRef(ref, "1st"));
    }

    /** {@code Process.cancel_timer(ref, opts)}. */
    public static Object cancel_timer(Object ref, Object options) {
        return cancel_timer(ref);
    }

    /** The ms a timer has left, as {@code Process.read_timer/1}, or false. */
    @Doc("""
        Reads a timer returned by send_after/3: the milliseconds left, or false when
        it already fired or was cancelled.
        """)
    public static Object read_timer(Object ref) {
        return Timers.read(Args.bifRef(ref, "1st"));
    }

    /** Puts into the process dictionary, as {@code Process.put/2}. */
    @Doc("""
        Stores a value in the process dictionary; returns the old value or nil.
        """)
    public static Object put(Object key, Object value) {
        return ctx().process().dictionaryPut(Values.normalize(key), Values.normalize(value));
    }

    /** Reads the process dictionary, as {@code Process.get/1}. */
    @Doc("""
        Returns a value from the process dictionary, or nil.
        """)
    public static Object get(Object key) {
        return ctx().process().dictionaryGet(Values.normalize(key));
    }

    /**
     * Information about a process, as {@code Process.info/1}: a keyword list ({@code
     * [registered_name: MyServer, current_function: {:gen_server, :loop, 7}, initial_call: ...,
     * status: :waiting, message_queue_len: 0, links: [...], dictionary: [...], trap_exit: false,
     * priority: :normal, reductions: 3]}), or nil when the process is dead.
     *
     * @throws IllegalArgumentException when {@code pid} is not a pid
     */
    @Doc("""
            Information about a process, as a keyword list; nil when it is dead.

            Keys: registered_name (when registered), current_function, initial_call, status,
            message_queue_len, links, dictionary ("$initial_call", "$ancestors" for OTP
            processes), trap_exit, priority and reductions (messages received so far).
            Process.info/2 also answers :messages, :monitors, :monitored_by and :memory (an
            estimate in bytes).

            ## Examples

                ps> pid = spawn(fn -> receive() end)
                #PID<0.110.0>
                ps> Process.info(pid, [:status, :message_queue_len])
                [status: :waiting, message_queue_len: 0]
            """)
    public static Object info(Object pid) {
        LocalProcess p = ctx().node().process(requirePid(pid, List.of(pid), "(elixir 1.14.0) lib/process.ex:752: Process.info/1"));
        return p == null ? null : ProcessInfo.all(p);
    }

    /**
     * One item, as {@code Process.info/2}: {@code {key, value}} for an atom (a name-less process
     * gives {@code {:registered_name, []}}), a keyword list for a list of atoms; nil when dead.
     *
     * @throws IllegalArgumentException for an unknown item, as the BEAM's ArgumentError
     *         "2nd argument: invalid item or item list"
     */
    public static Object info(Object pid, Object item) {
        LocalProcess p = ctx().node().process(requirePid(pid, List.of(pid, item), "(elixir 1.14.0) lib/process.ex:773: Process.info/2"));
        Object key = Values.normalize(item);
        if (key instanceof List<?> keys) {
            for (Object k : keys) if (!(k instanceof Atom)) throw ProcessInfo.invalidItem();
            if (p == null) return null;
            List<Object> out = new ArrayList<>();
            for (Object k : keys) out.add(ProcessInfo.item(p, k));
            return out;
        }
        if (!(key instanceof Atom)) throw ProcessInfo.invalidItem();
        return p == null ? null : ProcessInfo.item(p, key);
    }

    /**
     * The pid of a {@code process_info} call, else the BEAM's ArgumentError with the call
     * ({@code :erlang.process_info(:a)}) and, from Process.info, Elixir's frame as stack lines.
     */
    private static Pid requirePid(Object pid, List<Object> args, String elixirFrame) {
        String problem = pid instanceof Pid p ? (ctx().node().isRemote(p) ? "not a local pid" : null) : "not a pid";
        if (problem == null) return (Pid) pid;
        StringBuilder call = new StringBuilder(":erlang.process_info(");
        for (int i = 0; i < args.size(); i++) call.append(i == 0 ? "" : ", ").append(Kernel.inspect(args.get(i)));
        String[] frames = elixirFrame == null ? new String[] {call + ")"} : new String[] {call + ")", elixirFrame};
        throw ArgumentError.badArgument("1st argument: " + problem, frames);
    }

    /** {@code :erlang.process_info/1,2}: Process.info without Elixir's frame. */
    static Object erlangInfo(Object pid, Object... item) {
        List<Object> args = new ArrayList<>(List.of(pid));
        args.addAll(List.of(item));
        requirePid(pid, args, null);
        return item.length == 0 ? info(pid) : info(pid, item[0]);
    }
}
