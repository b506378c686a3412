package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.process.SpawnOptions;
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
        if (!(pid instanceof Pid p)) throw new BifErrors(":erlang.exit", Values.normalize(pid), Values.normalize(reason)).fail(1, "not a pid");
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
        if (n == null) return null; // the atom nil, never a registered name
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
        Object n = IexSession.current().modules().nameTerm(name);
        if (!(n instanceof Atom a) || a.equals(Atom.UNDEFINED) || n == Boolean.TRUE) throw new FunctionClauseError("Process.register", 2);
        Object who = Values.normalize(process);
        LocalProcess p = who instanceof Pid pid ? ctx().node().process(pid) : null;
        try {
            if (p == null) throw new IllegalArgumentException("not alive");
            ctx().node().names().register(a, p);
        } catch (IllegalArgumentException e) {
            // the frame of Process.register/2's own raise, with its arguments
            throw new ArgumentError("could not register " + Kernel.inspect(who) + " with name " + Kernel.inspect(a)
                    + " because it is not alive, the name is already taken, or it has already been given another name",
                    List.of("(elixir 1.14.0) lib/process.ex:611: Process.register(" + Kernel.inspect(who) + ", " + Kernel.inspect(a) + ")"));
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
            // OTP 25's error text for erlang:unregister/1, whatever the name
            throw ArgumentError.badArgument("1st argument: not a pid", ":erlang.unregister(" + Kernel.inspect(n) + ")");
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
        if (!(n == null || n instanceof Pid || n instanceof Atom || n instanceof Tuple)) {
            throw ArgumentError.badArgument("2nd argument: not a pid", ":erlang.monitor(:process, " + Kernel.inspect(n) + ")");
        }
        Pid pid = n == null ? null : n instanceof Pid p ? p : ctx().node().whereis(n); // nil: a name nobody has
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

    /**
     * Removes a monitor, as {@code Process.demonitor/2}: {@code [:flush]} also drops its
     * {@code :DOWN} message; with {@code :info} the answer says whether the monitor was still
     * active (true) or not (false).
     *
     * @throws ArgumentError "invalid option in list" for another option
     */
    public static boolean demonitor(Object ref, Object options) {
        Object o = Values.normalize(options);
        Ref r = Args.bifRef(ref, "1st");
        if (!(o instanceof List<?> l) || !l.stream().allMatch(x -> Atom.of("flush").equals(x) || Atom.of("info").equals(x))) {
            throw ArgumentError.badArgument(o instanceof List<?> ? "2nd argument: invalid option in list" : "2nd argument: not a list",
                    ":erlang.demonitor(" + Kernel.inspect(r) + ", " + Kernel.inspect(o) + ")");
        }
        boolean active = ctx().demonitor(r, l.contains(Atom.of("flush")));
        return !l.contains(Atom.of("info")) || active;
    }

    /** Links the caller to a process, as {@code Process.link/1}; returns true. */
    @Doc("""
        Links the caller to a process; returns true.

        Linked processes exit together: when one exits with a reason other than
        :normal, the other gets the exit signal. Linking to a dead pid exits the
        caller with :noproc (or sends {:EXIT, pid, :noproc} if it traps exits).
        """)
    public static boolean link(Object pid) {
        if (!(Values.normalize(pid) instanceof Pid p)) throw new BifErrors(":erlang.link", Values.normalize(pid)).fail(1, "not a pid");
        try {
            ctx().link(p);
        } catch (procshell.runtime.process.ErlangError e) {
            if (!Atom.NOPROC.equals(e.reason())) throw e;
            throw new ExplainedErlangError(e.reason(), "1st argument: the pid does not refer to an existing process", ":erlang.link", p);
        }
        return true;
    }

    /** Removes a link, as {@code Process.unlink/1}; returns true. */
    @Doc("""
        Removes the link between the caller and a process; returns true.
        """)
    public static boolean unlink(Object pid) {
        if (!(Values.normalize(pid) instanceof Pid p)) throw new BifErrors(":erlang.unlink", Values.normalize(pid)).fail(1, "not a pid");
        ctx().unlink(p);
        return true;
    }

    /**
     * Sets a process flag of the caller, as {@code Process.flag/2}: {@code :trap_exit} changes how
     * exit signals arrive; {@code :priority}, {@code :min_heap_size}, {@code :min_bin_vheap_size},
     * {@code :max_heap_size}, {@code :message_queue_data}, {@code :save_calls},
     * {@code :sensitive} and {@code :fullsweep_after} are remembered and reported by
     * {@code Process.info/2} (the JVM schedules and collects every process alike).
     *
     * @return the old value
     * @throws ArgumentError "invalid process flag" or "invalid value for this process flag"
     */
    @Doc("""
        Sets a process flag of the caller and returns its old value.

        :trap_exit (true or false) turns exit signals into {:EXIT, from, reason}
        messages. :priority (:low, :normal, :high, :max), :min_heap_size,
        :min_bin_vheap_size, :max_heap_size, :message_queue_data, :save_calls,
        :sensitive and :fullsweep_after are accepted and reported back by
        Process.info/2, but do not change how the process runs here: the JVM
        schedules every process alike and has one garbage-collected heap.

        ## Examples

            ps> Process.flag(:trap_exit, true)
            false
            ps> Process.flag(:priority, :high)
            :normal
        """)
    public static Object flag(Object flag, Object value) {
        Object f = Values.normalize(flag);
        Object v = Values.normalize(value);
        String call = ":erlang.process_flag(" + Kernel.inspect(f) + ", " + Kernel.inspect(v) + ")";
        if (Atom.of("trap_exit").equals(f)) {
            if (!(v instanceof Boolean b)) throw ArgumentError.badArgument("2nd argument: invalid value for this process flag", call);
            return ctx().trapExit(b);
        }
        return ProcessFlags.set(ctx().process(), f, v, call);
    }

    /**
     * Sets a flag of another process, as {@code Process.flag/3}: only {@code :save_calls}, as on the BEAM.
     *
     * @return the old value
     */
    public static Object flag(Object pid, Object flag, Object value) {
        Object f = Values.normalize(flag);
        Object v = Values.normalize(value);
        String call = ":erlang.process_flag(" + Kernel.inspect(pid) + ", " + Kernel.inspect(f) + ", " + Kernel.inspect(v) + ")";
        if (!(Values.normalize(pid) instanceof Pid p)) throw ArgumentError.badArgument("1st argument: not a pid", call);
        if (!Atom.of("save_calls").equals(f)) throw ArgumentError.badArgument("2nd argument: invalid process flag", call);
        if (!(v instanceof Integer n && n >= 0 && n <= 10000)) {
            throw ArgumentError.badArgument("3rd argument: invalid value for process flag 'save_calls'", call);
        }
        LocalProcess target = ctx().node().process(p);
        if (target == null) throw ArgumentError.badArgument("1st argument: the pid does not refer to an existing process", call);
        return ProcessFlags.set(target, f, v, call);
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
        if (timeout instanceof Integer || timeout instanceof Long || timeout instanceof java.math.BigInteger) {
            if (procshell.shell.eval.Arithmetic.big(timeout).signum() < 0) throw new FunctionClauseError("Process.sleep", 1);
            return sleepMs(((Number) timeout).longValue());
        }
        if (timeout instanceof Number) throw new FunctionClauseError("Process.sleep", 1);
        if (!(timeout instanceof Atom a) || !a.name().equals("infinity")) throw new FunctionClauseError("Process.sleep", 1);
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

    /** {@code Process.sleep/1} of an integer (beside Groovy's own {@code sleep(long)}, which returns nothing). */
    public static Atom sleep(Integer ms) throws InterruptedException {
        return sleep((Object) ms);
    }

    /** {@code Process.sleep/1} of a long integer. */
    public static Atom sleep(Long ms) throws InterruptedException {
        return sleep((Object) ms);
    }

    /** Sleeps {@code ms} milliseconds; returns {@code :ok}. */
    private static Atom sleepMs(long ms) throws InterruptedException {
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
        String call = ":erlang.send_after(" + Kernel.inspect(ms) + ", " + Kernel.inspect(dest) + ", " + Kernel.inspect(message) + ")";
        if (!procshell.shell.eval.Arithmetic.isInteger(ms)) throw ArgumentError.badArgument("1st argument: not an integer", call);
        Number n = (Number) ms;
        if (procshell.shell.eval.Arithmetic.big(n).signum() < 0 || procshell.shell.eval.Arithmetic.big(n).bitLength() > 62) {
            throw ArgumentError.badArgument("1st argument: out of range", call);
        }
        return Timers.sendAfter(ctx().node(), IexSession.current().modules().nameTerm(dest), Values.normalize(message), n.longValue());
    }

    /**
     * {@code Process.send_after(dest, msg, time, opts)}: with {@code abs: true}, {@code time} is the
     * monotonic time in milliseconds ({@code System.monotonic_time(:millisecond)}) to send at.
     */
    public static Object send_after(Object dest, Object message, Object time, Object options) {
        if (Boolean.TRUE.equals(Options.of(options).get("abs")) && Values.normalize(time) instanceof Number at) {
            long now = BeamClock.inUnit(BeamClock.monotonicNanos(), 1000).longValue();
            return send_after(dest, message, Math.max(0, at.longValue() - now));
        }
        return send_after(dest, message, time);
    }

    /** Stops a timer, as {@code Process.cancel_timer/1}: the ms it had left, or false. */
    @Doc("""
        Cancels a timer returned by send_after/3: the milliseconds it had left, or
        false when it already fired (its message may be in the mailbox).
        """)
    public static Object cancel_timer(Object ref) {
        return Erlang.cancel_timer(Values.normalize(ref));
    }

    /** {@code Process.cancel_timer(ref, opts)}: {@code async: true} or {@code info: false} answer {@code :ok}. */
    public static Object cancel_timer(Object ref, Object options) {
        java.util.Map<String, Object> o = Options.of(options);
        Object left = cancel_timer(ref);
        return Boolean.TRUE.equals(o.get("async")) || Boolean.FALSE.equals(o.get("info")) ? Atom.OK : left;
    }

    /** The ms a timer has left, as {@code Process.read_timer/1}, or false. */
    @Doc("""
        Reads a timer returned by send_after/3: the milliseconds left, or false when
        it already fired or was cancelled.
        """)
    public static Object read_timer(Object ref) {
        return Erlang.read_timer(Values.normalize(ref));
    }

    /**
     * {@code Process.send/3}: sends and returns {@code :ok}; the options {@code :noconnect} and
     * {@code :nosuspend} are accepted (a local send never connects nor suspends).
     *
     * @throws ArgumentError "invalid option in list" for another option
     */
    public static Atom send(Object dest, Object message, Object options) {
        Object o = Values.normalize(options);
        if (!(o instanceof List<?> l) || !l.stream().allMatch(x -> Atom.of("noconnect").equals(x) || Atom.of("nosuspend").equals(x))) {
            throw ArgumentError.badArgument(o instanceof List<?> ? "3rd argument: invalid option in list" : "3rd argument: not a list",
                    ":erlang.send(" + Kernel.inspect(dest) + ", " + Kernel.inspect(message) + ", " + Kernel.inspect(o) + ")");
        }
        Object d = IexSession.current().modules().nameTerm(dest);
        if (d instanceof Atom a && ctx().node().whereis(a) == null) {
            throw ArgumentError.badArgument("1st argument: invalid destination",
                    ":erlang.send(" + Kernel.inspect(d) + ", " + Kernel.inspect(message) + ", " + Kernel.inspect(o) + ")");
        }
        Kernel.send(dest, message);
        return Atom.OK;
    }

    /** {@code Process.group_leader/0}: the caller's group leader, the node's I/O server. */
    @Doc("""
        Returns the pid of the group leader of the calling process: the shell's I/O
        server, which answers io_request messages by writing to the shell.
        """)
    public static Pid group_leader() {
        return ProcessInfo.groupLeader(ctx().process());
    }

    /** {@code Process.group_leader(pid, leader)}: sets a process's group leader; returns true. */
    public static boolean group_leader(Object pid, Object leader) {
        String call = ":erlang.group_leader(" + Kernel.inspect(leader) + ", " + Kernel.inspect(pid) + ")";
        if (!(Values.normalize(leader) instanceof Pid l)) throw ArgumentError.badArgument("1st argument: not a pid", call);
        if (!(Values.normalize(pid) instanceof Pid p)) throw ArgumentError.badArgument("2nd argument: not a pid", call);
        if (ctx().node().isRemote(p) && ctx().node().remote() instanceof procshell.runtime.dist.Distribution d) {
            d.groupLeader(l, p); // another node's process: a signal, as the BEAM sends
            return true;
        }
        LocalProcess target = ctx().node().process(p);
        if (target == null) throw ArgumentError.badArgument("2nd argument: the pid does not refer to an existing process", call);
        ProcessFlags.setGroupLeader(target, l);
        return true;
    }

    /**
     * {@code Process.hibernate/3}: the caller waits for its next message, then runs
     * {@code apply(module, function, args)} and exits when that returns (the JVM has no heap to shrink).
     */
    @Doc("""
        Puts the calling process into hibernation: it waits for a message, then calls
        apply(mod, fun_name, args); when that returns, the process ends. The message
        stays in the mailbox for the function to receive.
        """)
    public static Object hibernate(Object module, Object function, Object args) {
        LocalProcess me = ctx().process();
        me.mailbox().awaitMessage(me);
        Kernel.apply(module, function, args);
        throw ctx().exit(Atom.NORMAL);
    }

    /**
     * {@code Process.spawn/2}: spawns the function with {@code :erlang.spawn_opt/2}'s options
     * ({@code :link}, {@code :monitor}, {@code {:priority, p}} and the heap options).
     *
     * @return the pid, or {@code {pid, ref}} with {@code :monitor}
     */
    @Doc("""
        Spawns the given function (or module, function, args) with options:
        :link, :monitor (returns {pid, ref}), {:priority, level} and the heap
        options of Process.flag/2.
        """)
    public static Object spawn(Object fun, Object options) {
        groovy.lang.Closure<?> f = fun instanceof groovy.lang.Closure<?> c ? c : null;
        String call = ":erlang.spawn_opt(" + Kernel.inspect(fun) + ", " + Kernel.inspect(Values.normalize(options)) + ")";
        if (f == null) throw ArgumentError.badArgument("1st argument: not a fun", call);
        return spawnWith(self -> f.call(), Tuple.of(Atom.of("erlang"), Atom.of("apply"), 2), options, call, "2nd");
    }

    /** {@code Process.spawn/4}: {@code apply(module, function, args)} in a new process, with options. */
    public static Object spawn(Object module, Object function, Object args, Object options) {
        Object a = Values.normalize(args);
        String call = ":erlang.spawn_opt(" + Kernel.inspect(module) + ", " + Kernel.inspect(function) + ", " + Kernel.inspect(a)
                + ", " + Kernel.inspect(Values.normalize(options)) + ")";
        if (!(Values.normalize(module) instanceof Atom)) throw ArgumentError.badArgument("1st argument: not an atom", call);
        if (!(Values.normalize(function) instanceof Atom f)) throw ArgumentError.badArgument("2nd argument: not an atom", call);
        if (!(a instanceof List<?> l)) throw ArgumentError.badArgument("3rd argument: not a list", call);
        Object[] argv = l.toArray();
        return spawnWith(self -> Ops.call(module, f.name(), argv), Tuple.of(Values.normalize(module), f, l.size()), options, call, "4th");
    }

    /** {@code spawn_monitor/1}: {@code {pid, ref}}, the monitor in place before the process runs. */
    static Tuple spawnMonitor(groovy.lang.Closure<?> fun) {
        return ctx().node().spawnMonitor(self -> fun.call(), SpawnOptions.DEFAULT.withInitialCall(Tuple.of(Atom.of("erlang"), Atom.of("apply"), 2)));
    }

    /** {@code spawn_monitor/3}: {@code apply(module, function, args)} in a monitored process. */
    static Tuple spawnMonitor(Object module, Object function, Object args) {
        Object a = Values.normalize(args);
        if (!(Values.normalize(function) instanceof Atom f) || !(a instanceof List<?> l)) {
            throw ArgumentError.badArgument("2nd argument: not an atom", ":erlang.spawn_monitor(" + Kernel.inspect(module) + ", "
                    + Kernel.inspect(function) + ", " + Kernel.inspect(a) + ")");
        }
        Object[] argv = l.toArray();
        return ctx().node().spawnMonitor(self -> Ops.call(module, f.name(), argv),
                SpawnOptions.DEFAULT.withInitialCall(Tuple.of(Values.normalize(module), f, l.size())));
    }

    private static Object spawnWith(procshell.runtime.process.ProcessBody body, Tuple initialCall, Object options, String call, String position) {
        Object o = Values.normalize(options);
        if (!(o instanceof List<?> opts)) throw ArgumentError.badArgument(position + " argument: not a list", call);
        boolean link = false;
        boolean monitor = false;
        List<Object[]> flags = new ArrayList<>();
        for (Object x : opts) {
            if (Atom.of("link").equals(x)) link = true;
            else if (Atom.of("monitor").equals(x)) monitor = true;
            else if (x instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom k && ProcessFlags.defaultOf(k) != null
                    && !k.name().equals("save_calls") && !k.name().equals("sensitive") && !k.name().equals("error_handler")) {
                flags.add(new Object[] {k, t.get(1)});
            } else throw ArgumentError.badArgument(position + " argument: invalid spawn option", call);
        }
        SpawnOptions so = SpawnOptions.DEFAULT.withLink(link).withInitialCall(initialCall);
        procshell.runtime.process.ProcessBody withFlags = self -> {
            for (Object[] kv : flags) ProcessFlags.set(self.process(), kv[0], kv[1], call);
            body.run(self);
        };
        if (monitor) return ctx().node().spawnMonitor(withFlags, so);
        return ctx().node().spawn(withFlags, so);
    }

    /** Puts into the process dictionary, as {@code Process.put/2}. */
    @Doc("""
        Stores a value in the process dictionary; returns the old value or nil.
        """)
    public static Object put(Object key, Object value) {
        return ctx().process().dictionaryPut(dictKey(key), Values.normalize(value));
    }

    /** Reads the process dictionary, as {@code Process.get/1}. */
    @Doc("""
        Returns a value from the process dictionary, or the default (nil); without
        arguments, the whole dictionary as a list of {key, value}.
        """)
    public static Object get(Object key) {
        return get(key, null);
    }

    /** {@code Process.get/2}: the value, or {@code fallback} when the key is absent. */
    public static Object get(Object key, Object fallback) {
        Object k = dictKey(key);
        java.util.Map<Object, Object> d = ctx().process().dictionary();
        return d.containsKey(k) ? d.get(k) : Values.normalize(fallback);
    }

    /** {@code Process.get/0}: every {@code {key, value}} of the dictionary. */
    public static List<Tuple> get() {
        List<Tuple> out = new ArrayList<>();
        ctx().process().dictionary().forEach((k, v) -> out.add(Tuple.of(termKey(k), v)));
        return out;
    }

    /** {@code Process.get_keys/0}: the dictionary's keys. */
    @Doc("""
        Returns the keys of the process dictionary; with a value, the keys that hold
        it.
        """)
    public static List<Object> get_keys() {
        List<Object> out = new ArrayList<>();
        ctx().process().dictionary().keySet().forEach(k -> out.add(termKey(k)));
        return out;
    }

    /** {@code Process.get_keys/1}: the keys whose value equals {@code value}. */
    public static List<Object> get_keys(Object value) {
        Object v = Values.normalize(value);
        List<Object> out = new ArrayList<>();
        ctx().process().dictionary().forEach((k, x) -> {
            if (Values.strictlyEqual(x, v)) out.add(termKey(k));
        });
        return out;
    }

    /** {@code Process.delete/1}: removes a key; returns its value or nil. */
    @Doc("""
        Deletes a key from the process dictionary; returns its value, or nil.
        """)
    public static Object delete(Object key) {
        return ctx().process().dictionaryRemove(dictKey(key));
    }

    /** The runtime keeps OTP's {@code "$initial_call"} and {@code "$ancestors"} under string keys. */
    private static Object dictKey(Object key) {
        Object k = Values.normalize(key);
        return k instanceof Atom a && (a.name().equals("$initial_call") || a.name().equals("$ancestors")) ? a.name() : k;
    }

    private static Object termKey(Object k) {
        return k instanceof String s && s.startsWith("$") ? Atom.of(s) : k;
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

            Process.info/1 gives the BEAM's keys in the BEAM's order: registered_name
            (when registered), current_function, initial_call, status,
            message_queue_len, links, dictionary ("$initial_call", "$ancestors" for OTP
            processes), trap_exit, error_handler, priority, group_leader,
            total_heap_size, heap_size, stack_size, reductions, garbage_collection and
            suspending. Process.info/2 also answers messages, monitors, monitored_by,
            memory, current_location, current_stacktrace, parent, last_calls,
            catchlevel, binary, min_heap_size, min_bin_vheap_size, max_heap_size,
            message_queue_data, fullsweep_after, garbage_collection_info, backtrace,
            trace and sequential_trace_token.

            Estimates, as the JVM has no such figures: memory (bytes) counts a fixed
            cost per process plus its queued messages, links, monitors and dictionary
            entries; heap_size and total_heap_size (words) derive from it (at least the
            BEAM's 233); stack_size is the BEAM's for a process waiting in receive;
            reductions count the messages a process has taken; minor_gcs is 0; the
            garbage collection settings are what Process.flag/2 set (the BEAM's
            defaults otherwise); a location has no file or line.

            ## Examples

                ps> pid = spawn(fn -> receive() end)
                #PID<0.110.0>
                ps> Process.info(pid, [:status, :message_queue_len])
                [status: :waiting, message_queue_len: 0]
            """)
    public static Object info(Object pid) {
        LocalProcess p = ctx().node().process(requirePid(pid, java.util.Arrays.asList(pid), "(elixir 1.14.0) lib/process.ex:752: Process.info/1"));
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
        LocalProcess p = ctx().node().process(requirePid(pid, java.util.Arrays.asList(pid, item), "(elixir 1.14.0) lib/process.ex:773: Process.info/2"));
        Object key = Values.normalize(item);
        if (key != null && !(key instanceof Atom) && !(key instanceof List<?>)) throw new FunctionClauseError("Process.info", 2);
        try {
            if (key == null) throw ProcessInfo.invalidItem(); // nil passes the guard, an atom process_info does not know
            if (key instanceof List<?> keys) {
                for (Object k : keys) if (!(k instanceof Atom)) throw ProcessInfo.invalidItem();
                if (p == null) return null;
                List<Object> out = new ArrayList<>();
                for (Object k : keys) out.add(ProcessInfo.item(p, k));
                return out;
            }
            return p == null ? null : ProcessInfo.item(p, key);
        } catch (IllegalArgumentException e) {
            // :erlang.process_info's refusal, under the call Process.info/2 made
            throw ArgumentError.withFrames(e, List.of(ErlangArgs.frame(":erlang.process_info", Values.normalize(pid), key),
                    "(elixir 1.14.0) lib/process.ex:773: Process.info/2"));
        }
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
