package procshell.runtime.otp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import procshell.runtime.names.ViaModule;
import procshell.runtime.dist.ImproperList;
import procshell.runtime.node.Atom;
import procshell.runtime.node.ErrorReason;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.Handoff;
import procshell.runtime.process.ProcessThread;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.Interruption;
import procshell.runtime.process.Mailbox;
import procshell.runtime.process.ProcessBody;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.process.ProcessExitedError;
import procshell.runtime.process.SpawnOptions;

/**
 * A generic server, as OTP's {@code gen_server} and Elixir's {@code GenServer}: a process that
 * holds a state and answers calls, casts and other messages through callbacks.
 *
 * <p>Callbacks take and return terms exactly as in Elixir, so that a server reads like its Elixir
 * twin: {@link #init} returns {@code {:ok, state}}, {@code :ignore} or {@code {:stop, reason}};
 * {@link #handleCall} returns {@code {:reply, reply, state}}, {@code {:noreply, state}} or
 * {@code {:stop, reason, reply, state}}; and so on. One instance serves one process.
 *
 * <p>The protocol, as gen_server's:
 * <ul>
 *   <li>call: {@code {:"$gen_call", {caller_pid, ref}, request}}, answered {@code {ref, reply}}; the
 *       caller monitors the server, so a dead server gives
 *       {@code exit({reason, {GenServer, :call, [server, request, timeout]}})} and a missing one
 *       {@code {:noproc, ...}}; no answer in time gives {@code {:timeout, ...}}.</li>
 *   <li>cast: {@code {:"$gen_cast", request}}, never fails.</li>
 *   <li>system: {@code {:system, {pid, ref}, request}} for {@link #stop} and the {@code :sys}
 *       functions ({@link Sys}), answered by {@link SysDebug} between two messages; while
 *       suspended, the server takes no other message.</li>
 *   <li>a server that traps exits stops when its parent sends {@code {:EXIT, parent, reason}}.</li>
 * </ul>
 */
public abstract class GenServer {
    /** {@code GenServer}, the module named in call exit reasons. */
    public static final Atom MODULE = Atom.module("GenServer");
    private static final Atom GEN_CALL = Atom.of("$gen_call");
    private static final Atom GEN_CAST = Atom.of("$gen_cast");
    private static final Atom SYSTEM = Atom.of("system");
    private static final Atom REPLY = Atom.of("reply");
    private static final Atom NOREPLY = Atom.of("noreply");
    private static final Atom STOP = Atom.of("stop");
    private static final Atom CONTINUE = Atom.of("continue");
    private static final Atom HIBERNATE = Atom.of("hibernate");
    private static final Atom TERMINATE = Atom.of("terminate");
    private static final Atom CALL = Atom.of("call");
    private static final Atom ALREADY_STARTED = Atom.of("already_started");
    private static final Atom BAD_RETURN_VALUE = Atom.of("bad_return_value");

    private Object name;
    private Pid parent;
    /** What {@code :sys} asked of this server (suspended, traced, counted); null until it asks. */
    private SysDebug debug;

    // ---- callbacks ----------------------------------------------------------------------------

    /**
     * Initialises the server, as {@code init/1}.
     *
     * @param arg the argument given to start
     * @return {@code {:ok, state}}, {@code {:ok, state, timeout | :hibernate | {:continue, c}}},
     *         {@code :ignore} or {@code {:stop, reason}}
     */
    public abstract Object init(Object arg);

    /**
     * Handles a call, as {@code handle_call/3}. The default raises, as Elixir's does.
     *
     * @param request the request
     * @param from    {@code {caller_pid, ref}}, for {@link #reply}
     * @param state   the state
     * @return {@code {:reply, reply, state}}, {@code {:noreply, state}},
     *         {@code {:stop, reason, reply, state}} or {@code {:stop, reason, state}}
     */
    public Object handleCall(Object request, Tuple from, Object state) {
        throw new RuntimeException("attempted to call GenServer " + nameForLog() + " but no handle_call/3 clause was provided");
    }

    /**
     * Handles a cast, as {@code handle_cast/2}. The default raises, as Elixir's does.
     *
     * @return {@code {:noreply, state}} or {@code {:stop, reason, state}}
     */
    public Object handleCast(Object request, Object state) {
        throw new RuntimeException("attempted to cast GenServer " + nameForLog() + " but no handle_cast/2 clause was provided");
    }

    /**
     * Handles any other message (and {@code :timeout}), as {@code handle_info/2}. The default logs
     * {@code received unexpected message in handle_info/2} and keeps the state, as Elixir's does.
     *
     * @return {@code {:noreply, state}} or {@code {:stop, reason, state}}
     */
    public Object handleInfo(Object message, Object state) {
        ProcessContext self = ProcessContext.require();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("module", module());
        report.put("name", nameForLog());
        report.put("message", message);
        self.node().events().publishCrash(Atom.of("unexpected_message"), self.self(), report);
        return Tuple.of(NOREPLY, state);
    }

    /**
     * The state as a crash report shows it ({@code State:}): the state itself; a supervisor shows
     * OTP's state record.
     */
    protected Object reportedState(Object state) {
        return state;
    }

    /**
     * The callback module a supervisor's {@code :sys.get_status/1} names ({@code supervisor:
     * [{'Callback', module}]}, as supervisor.erl's {@code format_status}); null for other servers.
     */
    protected Atom supervisorCallback() {
        return null;
    }

    /**
     * Continues after a {@code {:continue, arg}} return, as {@code handle_continue/2}.
     *
     * @return as {@link #handleInfo}
     */
    public Object handleContinue(Object arg, Object state) {
        throw new RuntimeException("attempted to continue GenServer " + nameForLog() + " but no handle_continue/2 clause was provided");
    }

    /**
     * Cleans up before the server exits, as {@code terminate/2}; called on a stop return, on an
     * exception in a callback, and on the parent's exit when trapping exits. Not called on
     * {@code :kill}.
     *
     * @return ignored
     */
    public Object terminate(Object reason, Object state) {
        return Atom.OK;
    }

    /** The module atom shown in logs and {@code $initial_call}; by default the class's simple name. */
    public Atom module() {
        return Atom.module(getClass().getSimpleName());
    }

    /** The server's name as given at start (atom, via or global tuple), or null. */
    protected Object name() {
        return name;
    }

    /** The process that started the server (its parent, as OTP's), or null before it started. */
    Pid parent() {
        return parent;
    }

    private Object nameForLog() {
        if (name instanceof Atom) return name;
        ProcessContext c = ProcessContext.current();
        return c == null ? module() : c.self();
    }

    // ---- client API ---------------------------------------------------------------------------

    /**
     * Starts a server linked to the calling process, as {@code GenServer.start_link/3}; returns
     * after {@code init/1} has.
     *
     * @param server  a fresh instance (one per process)
     * @param arg     passed to {@code init/1}
     * @param options name and init timeout
     * @return {@code {:ok, pid}}, {@code :ignore}, {@code {:error, {:already_started, pid}}} (the
     *         name is held: looked up before anything is spawned, as {@code :gen.start/6}) or
     *         {@code {:error, reason}}
     * @throws IllegalStateException when not called from a process
     * @throws IllegalArgumentException what the name's lookup raises in the caller, e.g.
     *         {@code unknown registry: R} for a via name of a registry that is not running
     */
    public static Object startLink(GenServer server, Object arg, StartOptions options) {
        return start(server, arg, options, true);
    }

    /** Starts an unlinked server, as {@code GenServer.start/3}; see {@link #startLink}. */
    public static Object start(GenServer server, Object arg, StartOptions options) {
        return start(server, arg, options, false);
    }

    private static Object start(GenServer server, Object arg, StartOptions options, boolean link) {
        ProcessContext caller = ProcessContext.require();
        caller.process().checkAlive();
        Node node = caller.node();
        if (options.name() != null) {
            // As gen:start/6, in the caller before anything is spawned: a name already held is
            // {:error, {:already_started, pid}}, and a via module's whereis_name/1 that raises
            // (an unknown Registry) raises here, not in a process linked to the caller.
            Pid holder = resolve(node, options.name());
            if (holder != null) return Tuple.of(Atom.ERROR, Tuple.of(ALREADY_STARTED, holder));
        }
        Handoff ack = new Handoff();
        server.name = options.name();
        server.parent = caller.self();
        Tuple initialCall = Tuple.of(Atom.of("proc_lib"), Atom.of("init_p"), 5);
        // Monitored from the start, so that a failed start returns only once the process has
        // exited (as proc_lib does since OTP 26): its name is free again and a linked caller that
        // traps exits has its {:EXIT, pid, reason} queued.
        ProcessBody body = new ProcessBody() {
            @Override
            public void run(ProcessContext self) {
                server.run(self, arg, ack);
            }

            @Override
            public void exitedBeforeStart(Object reason) {
                // Killed before init/1 could run: the starter must not wait forever.
                ack.complete(Tuple.of(Atom.ERROR, reason));
            }
        };
        Tuple spawned = node.spawnMonitor(body, SpawnOptions.DEFAULT.withLink(link).withInitialCall(initialCall));
        Pid pid = (Pid) spawned.get(0);
        Ref ref = (Ref) spawned.get(1);
        Object result;
        try {
            // A kill of the caller ends the wait with ProcessExitedError, a Ctrl-C with its
            // Interruption; null when the timeout passed first.
            result = ack.await(options.timeoutMs(), caller.process());
        } catch (Interruption e) {
            // The starter's wait was interrupted (Ctrl-C at the shell): the half-started server goes
            // (unlinked first, so that its death does not reach the starter), as it would with its
            // starter on the BEAM.
            caller.unlink(pid);
            node.exit(caller.self(), pid, Atom.KILL);
            caller.demonitor(ref, true);
            throw e;
        }
        if (result == null) {
            caller.unlink(pid);
            node.exit(caller.self(), pid, Atom.KILL);
            caller.demonitor(ref, true);
            caller.receive(m -> m instanceof Tuple t && t.isTagged(Atom.EXIT, 3) && pid.equals(t.get(1)), 0);
            return Tuple.of(Atom.ERROR, Atom.TIMEOUT);
        }
        if (result instanceof Tuple t && t.isTagged(Atom.OK, 2)) {
            caller.demonitor(ref, true);
        } else {
            caller.receive(m -> m instanceof Tuple t && t.isTagged(Atom.DOWN, 5) && ref.equals(t.get(1)), -1);
        }
        return result;
    }

    /**
     * Calls a server and waits for its reply, as {@code GenServer.call/3}.
     *
     * @param server    a pid, a local name, {@code {name, node}}, {@code {:global, term}} or a via tuple
     * @param request   the request
     * @param timeoutMs ms to wait; negative for {@code :infinity}
     * @return the reply
     * @throws ExitException {@code {:noproc | :timeout | reason, {GenServer, :call, [server, request, timeout]}}}
     */
    public static Object call(Object server, Object request, long timeoutMs) {
        ProcessContext self = ProcessContext.require();
        Node node = self.node();
        Pid pid = resolve(node, server);
        Object target = pid != null ? pid : remoteName(node, server);
        if (target == null || (pid != null && !node.isRemote(pid) && !node.isAlive(pid))) {
            throw callExit(Atom.NOPROC, server, request, timeoutMs);
        }
        if (self.self().equals(pid)) throw callExit(Atom.of("calling_self"), server, request, timeoutMs);
        Ref ref = pid != null ? self.monitor(pid) : node.remote().monitor(self.process(), target);
        Object tag = replyTag(ref, pid != null && !node.isRemote(pid));
        // the caller waits for the answer at once: a process on a thread of its own runs the
        // callee itself meanwhile, so no carrier needs waking for it (ProcessThread.answerAwaited)
        ProcessThread.answerAwaited(() -> node.send(target, Tuple.of(GEN_CALL, Tuple.of(self.self(), tag), request)));
        Object m;
        try {
            m = self.receive(msg -> msg instanceof Tuple t
                    && ((t.size() == 2 && ref.equals(ImproperList.replyRef(t.get(0)))) || (t.isTagged(Atom.DOWN, 5) && ref.equals(t.get(1)))), timeoutMs);
        } catch (Interruption e) {
            // The caller stopped waiting (Ctrl-C at the shell): as after a timeout, no reply or
            // :DOWN of this call may reach its mailbox later.
            self.demonitor(ref, true);
            self.process().dropReplyTo(ref);
            self.receive(msg -> msg instanceof Tuple r && r.size() == 2 && ref.equals(ImproperList.replyRef(r.get(0))), 0);
            throw e;
        }
        if (m == Mailbox.TIMEOUT) {
            self.demonitor(ref, true);
            // As OTP 24+'s alias: the reply, if it comes after all, is dropped, not queued.
            self.process().dropReplyTo(ref);
            self.receive(msg -> msg instanceof Tuple r && r.size() == 2 && ref.equals(ImproperList.replyRef(r.get(0))), 0);
            throw callExit(Atom.TIMEOUT, server, request, timeoutMs);
        }
        Tuple t = (Tuple) m;
        if (t.size() == 5) throw callExit(downReason(node, target, t.get(4)), server, request, timeoutMs);
        self.demonitor(ref, true);
        return t.get(1);
    }

    /** As gen's do_call: a lost connection is {@code {:nodedown, node}} of the server's node. */
    private static Object downReason(Node node, Object target, Object reason) {
        if (!Atom.of("noconnection").equals(reason)) return reason;
        Object peer = target instanceof Pid p ? node.remote() == null ? null : node.remote().nodeOf(p)
                : target instanceof Tuple t && t.size() == 2 ? t.get(1) : null;
        return peer == null ? reason : Tuple.of(Atom.of("nodedown"), peer);
    }

    /** {@link #call(Object, Object, long)} with the default timeout of 5000 ms. */
    public static Object call(Object server, Object request) {
        return call(server, request, 5000);
    }

    private static ExitException callExit(Object reason, Object server, Object request, long timeoutMs) {
        Object timeout = timeoutMs < 0 ? Atom.INFINITY : (Object) timeoutMs;
        return new ExitException(Tuple.of(reason, Tuple.of(MODULE, CALL, java.util.Arrays.asList(server, request, timeout))));
    }

    /**
     * Sends a request without waiting, as {@code GenServer.cast/2}; a missing server is ignored.
     *
     * @return {@code :ok}
     */
    public static Atom cast(Object server, Object request) {
        ProcessContext self = ProcessContext.require();
        try {
            Pid pid = resolve(self.node(), server);
            Object target = pid != null ? pid : remoteName(self.node(), server);
            if (target != null) self.node().send(target, Tuple.of(GEN_CAST, request));
        } catch (RuntimeException ignored) {
            // cast never fails, as on the BEAM
        }
        return Atom.OK;
    }

    /**
     * Replies to a call from inside a callback that returned {@code :noreply}, as
     * {@code GenServer.reply/2}.
     *
     * @param from the {@code {pid, ref}} given to {@link #handleCall}
     * @return {@code :ok}
     */
    public static Atom reply(Tuple from, Object reply) {
        Pid pid = (Pid) from.get(0);
        pid.node().send(pid, Tuple.of(from.get(1), reply));
        return Atom.OK;
    }

    /**
     * Stops a server with {@code reason} and waits until it has exited, as {@code GenServer.stop/3};
     * its {@code terminate/2} runs.
     *
     * @return {@code :ok}
     * @throws ExitException {@code {:noproc | :calling_self | :timeout | other_reason, {GenServer, :stop,
     *         [server, reason, timeout]}}} when no such server, when called by the server itself, when
     *         it does not stop in time, or when it exits with another reason than {@code reason}
     */
    public static Atom stop(Object server, Object reason, long timeoutMs) {
        ProcessContext self = ProcessContext.require();
        Pid pid = resolve(self.node(), server);
        if (pid == null || !self.node().isAlive(pid)) throw stopExit(Atom.NOPROC, server, reason, timeoutMs);
        if (pid.equals(self.self())) throw stopExit(Atom.of("calling_self"), server, reason, timeoutMs);
        Ref ref = self.monitor(pid);
        self.node().send(pid, Tuple.of(SYSTEM, Tuple.of(self.self(), ref), Tuple.of(TERMINATE, reason)));
        Object m = self.receive(msg -> msg instanceof Tuple t && t.isTagged(Atom.DOWN, 5) && ref.equals(t.get(1)), timeoutMs);
        if (m == Mailbox.TIMEOUT) {
            self.demonitor(ref, true);
            throw stopExit(Atom.TIMEOUT, server, reason, timeoutMs);
        }
        Object exitReason = ((Tuple) m).get(4);
        if (!exitReason.equals(reason)) throw stopExit(exitReason, server, reason, timeoutMs);
        return Atom.OK;
    }

    /** {@code {why, {GenServer, :stop, [server, reason, timeout]}}}, as Elixir's GenServer.stop/3 exits. */
    private static ExitException stopExit(Object why, Object server, Object reason, long timeoutMs) {
        Object timeout = timeoutMs < 0 ? Atom.INFINITY : (Object) timeoutMs;
        return new ExitException(Tuple.of(why, Tuple.of(MODULE, STOP, java.util.Arrays.asList(server, reason, timeout))));
    }

    /**
     * The state of a server, as {@code :sys.get_state/1}.
     *
     * @throws ExitException {@code {:noproc, {:sys, :get_state, [server]}}} when no such server
     */
    public static Object getState(Object server, long timeoutMs) {
        return Sys.getState(server, timeoutMs, Arrays.asList(server));
    }

    /**
     * Resolves a server reference to a pid, as {@code GenServer.whereis/1}.
     *
     * @return the pid, or null when nothing is registered under the name
     */
    public static Pid whereis(Object server) {
        return resolve(ProcessContext.require().node(), server);
    }

    /** {@code server} when it is {@code {name, node}} of another node this node can reach, else null. */
    private static Tuple remoteName(Node node, Object server) {
        return node.remote() != null && server instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom
                && t.get(1) instanceof Atom other && !other.equals(node.name()) && !Atom.GLOBAL.equals(t.get(0))
                && !Atom.VIA.equals(t.get(0)) ? t : null;
    }

    /** The pid a server reference names on this node (a local name, {@code {:global, name}}, a via tuple, a pid), or null. */
    /**
     * The tag of a call's {@code from}, {@code {caller, tag}}: OTP 24+'s {@code [:alias | ref]}
     * ({@link ImproperList#alias}); the bare ref to a remote node, whose reply to an alias would
     * need the alias routed here.
     */
    private static Object replyTag(Ref ref, boolean local) {
        return local ? ImproperList.alias(ref) : ref;
    }

    static Pid resolve(Node node, Object server) {
        if (server instanceof Tuple t && t.isTagged(Atom.GLOBAL, 2)) return node.via(Atom.GLOBAL).whereisName(t.get(1));
        return node.whereis(server);
    }

    // ---- the server loop ----------------------------------------------------------------------

    private void run(ProcessContext self, Object arg, Handoff ack) {
        try {
            runServer(self, arg, ack);
        } finally {
            // Killed before init returned: the starter must not wait forever.
            Object died = self.process().exitReason();
            if (!ack.isDone()) ack.complete(Tuple.of(Atom.ERROR, died == null ? Atom.KILLED : died));
        }
    }

    private void runServer(ProcessContext self, Object arg, Handoff ack) {
        Node node = self.node();
        LocalProcess proc = self.process();
        proc.dictionaryPut("$initial_call", Tuple.of(module(), Atom.of("init"), 1));
        proc.dictionaryPut("$ancestors", procshell.runtime.observe.ProcessFacts.ancestors(node, parent));
        Object initResult;
        try {
            if (name != null && !register(node, self)) {
                Pid holder = resolve(node, name);
                ack.complete(Tuple.of(Atom.ERROR, Tuple.of(ALREADY_STARTED, holder)));
                return;
            }
            initResult = init(arg);
        } catch (ExitException e) {
            unregister(node);
            ack.complete(Tuple.of(Atom.ERROR, e.reason()));
            throw e;
        } catch (ProcessExitedError e) {
            ack.complete(Tuple.of(Atom.ERROR, e.reason()));
            throw e;
        } catch (Throwable e) {
            // Any throwable: Groovy code can throw checked exceptions without declaring them.
            unregister(node);
            Object reason = ErrorReason.of(e);
            ack.complete(Tuple.of(Atom.ERROR, reason));
            throw new ExitException(reason);
        }
        Object state;
        Object next = null;
        if (initResult instanceof Tuple t && t.get(0) == Atom.OK && (t.size() == 2 || t.size() == 3)) {
            state = t.get(1);
            if (t.size() == 3) next = t.get(2);
            ack.complete(Tuple.of(Atom.OK, self.self()));
        } else if (Atom.IGNORE.equals(initResult)) {
            unregister(node);
            ack.complete(Atom.IGNORE);
            return;
        } else if (initResult instanceof Tuple t && t.isTagged(Atom.ERROR, 2)) {
            // OTP 26: start returns {:error, reason} and the process exits :normal (no crash).
            unregister(node);
            ack.complete(initResult);
            return;
        } else if (initResult instanceof Tuple t && t.isTagged(STOP, 2)) {
            unregister(node);
            ack.complete(Tuple.of(Atom.ERROR, t.get(1)));
            throw new ExitException(t.get(1));
        } else {
            unregister(node);
            Object reason = Tuple.of(BAD_RETURN_VALUE, initResult);
            ack.complete(Tuple.of(Atom.ERROR, reason));
            throw new ExitException(reason);
        }
        loop(self, state, next);
    }

    private boolean register(Node node, ProcessContext self) {
        if (name instanceof Atom a) {
            try {
                node.names().register(a, self.process());
                return true;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        ViaModule via = viaFor(node);
        if (via == null) throw new IllegalArgumentException("invalid name: " + name);
        viaRegistered = via.registerName(viaName(), self.self());
        return viaRegistered;
    }

    /**
     * Drops the via name of a server whose start failed, as gen.erl's {@code unregister_name/1}:
     * a failure of the via module (its registry being restarted, say) is ignored, so that the
     * starter still gets init's own error.
     */
    private void unregister(Node node) {
        // Only a name this process registered, as gen's unregister_name: a start whose via
        // registration itself failed (a module that is no via module) reports that error.
        if (!viaRegistered) return;
        try {
            ViaModule via = viaFor(node);
            if (via != null) via.unregisterName(viaName());
        } catch (RuntimeException ignored) {
            // gen.erl: try Mod:unregister_name(Name) catch _:_ -> ok end
        }
    }

    /** True once this server registered its via (or global) name. */
    private boolean viaRegistered;

    private ViaModule viaFor(Node node) {
        if (name instanceof Tuple t && t.isTagged(Atom.VIA, 3) && t.get(1) instanceof Atom m) return node.via(m);
        if (name instanceof Tuple t && t.isTagged(Atom.GLOBAL, 2)) return node.via(Atom.GLOBAL);
        return null;
    }

    private Object viaName() {
        Tuple t = (Tuple) name;
        return t.get(t.size() - 1);
    }

    /** The loop's state between two messages: the server's state and what to do next (a timeout, {@code {:continue, arg}}, or null). */
    private static final class Pass {
        Object state;
        Object next;

        Pass(Object state, Object next) {
            this.state = state;
            this.next = next;
        }
    }

    /**
     * Handles message after message. Each message is one call of {@link #step}, a method of its
     * own: the JIT compiles a method after a few hundred calls, but a loop that runs inside one
     * call that never returns only by on-stack replacement after 60,000 turns, so a new server's
     * first tens of thousands of messages ran in the interpreter.
     */
    private void loop(ProcessContext self, Object state, Object next) {
        Pass pass = new Pass(state, next);
        while (true) step(self, pass);
    }

    /** One message (or one {@code handle_continue/2}): updates {@code pass}, or ends the process. */
    private void step(ProcessContext self, Pass pass) {
        Object state = pass.state;
        Object next = pass.next;
        Object lastMessage = null;
        Pid client = null;
        try {
            Object result;
            if (next instanceof Tuple c && c.isTagged(CONTINUE, 2)) {
                lastMessage = next;
                if (debug != null && debug.watching()) debug.continues(self, name, c.get(1));
                result = handleContinue(c.get(1), state);
                setPass(pass, noreply(result, state, lastMessage));
                return;
            }
            long timeout = next instanceof Number n ? n.longValue() : -1;
            pass.next = null;
            Object msg = debug != null && debug.suspended() ? self.receive(this::takenWhileSuspended, -1) : self.receive(timeout);
            lastMessage = msg;
            if (debug != null && debug.watching() && !(msg instanceof Tuple t && t.isTagged(SYSTEM, 3))) {
                debug.in(self, name, msg == Mailbox.TIMEOUT ? Atom.TIMEOUT : msg);
            }
            if (msg == Mailbox.TIMEOUT) {
                lastMessage = Atom.TIMEOUT;
                setPass(pass, noreply(handleInfo(Atom.TIMEOUT, state), state, lastMessage));
            } else if (msg instanceof Tuple t && t.isTagged(GEN_CALL, 3) && t.get(1) instanceof Tuple from) {
                client = (Pid) from.get(0);
                lastMessage = t.get(2);
                setPass(pass, handleCallResult(handleCall(t.get(2), from, state), from, state, lastMessage));
            } else if (msg instanceof Tuple t && t.isTagged(GEN_CAST, 2)) {
                // a crash report shows a cast as gen_server received it: {:"$gen_cast", request}
                setPass(pass, noreply(handleCast(t.get(1), state), state, lastMessage));
            } else if (msg instanceof Tuple t && t.isTagged(SYSTEM, 3) && t.get(1) instanceof Tuple from) {
                Object req = t.get(2);
                if (req instanceof Tuple term && term.isTagged(TERMINATE, 2)) {
                    // gen_server:system_terminate/4 reports no last message: []
                    stopWith(self, term.get(1), state, List.of(), null, true);
                }
                if (debug == null) debug = new SysDebug();
                pass.state = debug.handle(this, self, from, req, state);
            } else if (msg instanceof Tuple t && t.isTagged(Atom.EXIT, 3) && t.get(1).equals(parent) && self.process().trapsExits()) {
                stopWith(self, t.get(2), state, msg, null, true);
            } else {
                setPass(pass, noreply(handleInfo(msg, state), state, lastMessage));
            }
        } catch (ServerExit e) {
            throw e;
        } catch (StopSignal s) {
            stopWith(self, s.reason, s.state, lastMessage, client, true);
        } catch (ExitException e) {
            stopWith(self, e.reason(), state, lastMessage, client, true);
        } catch (ProcessExitedError e) {
            throw e;
        } catch (Throwable e) {
            // Any other throwable is a crash (Errors and undeclared checked exceptions too).
            stopWith(self, ErrorReason.of(e), state, lastMessage, client, true);
        }
    }

    /** What a suspended server takes: system messages, and its parent's exit when it traps exits. */
    private boolean takenWhileSuspended(Object msg) {
        return msg instanceof Tuple t && (t.isTagged(SYSTEM, 3) || (t.isTagged(Atom.EXIT, 3) && t.get(1).equals(parent)));
    }

    /** {@code r} is {@code {state, next}}, as {@link #noreply} and {@link #handleCallResult} answer. */
    private static void setPass(Pass pass, Object[] r) {
        pass.state = r[0];
        pass.next = r[1];
    }

    /** A callback returned {@code {:stop, ...}}: carries the reason and final state to the loop. */
    private static final class StopSignal extends RuntimeException {
        final transient Object reason;
        final transient Object state;

        StopSignal(Object reason, Object state) {
            super(null, null, false, false);
            this.reason = reason;
            this.state = state;
        }
    }

    private Object[] handleCallResult(Object result, Tuple from, Object state, Object lastMessage) {
        if (result instanceof Tuple t && t.size() >= 3 && t.size() <= 4 && REPLY.equals(t.get(0))) {
            reply(from, t.get(1));
            if (debug != null && debug.watching()) debug.out(ProcessContext.require(), name, t.get(1), from, t.get(2));
            return new Object[] {t.get(2), t.size() == 4 ? t.get(3) : null};
        }
        if (result instanceof Tuple t && t.isTagged(STOP, 4)) {
            reply(from, t.get(2));
            throw new StopSignal(t.get(1), t.get(3));
        }
        return noreply(result, state, lastMessage);
    }

    private Object[] noreply(Object result, Object state, Object lastMessage) {
        if (result instanceof Tuple t && (t.size() == 2 || t.size() == 3) && NOREPLY.equals(t.get(0))) {
            Object next = t.size() == 3 ? t.get(2) : null;
            if (debug != null && debug.watching()) debug.noreply(ProcessContext.require(), name, t.get(1));
            return new Object[] {t.get(1), HIBERNATE.equals(next) ? null : next};
        }
        if (result instanceof Tuple t && t.isTagged(STOP, 3)) throw new StopSignal(t.get(1), t.get(2));
        throw new StopSignal(Tuple.of(BAD_RETURN_VALUE, result), state);
    }

    private void stopWith(ProcessContext self, Object reason, Object state, Object lastMessage, Pid client, boolean log) {
        Object finalReason = reason;
        Object shownState = log ? reportedState(state) : state; // as it was before terminate/2 ran
        try {
            terminate(reason, state);
        } catch (ExitException e) {
            finalReason = e.reason();
        } catch (ProcessExitedError e) {
            throw e;
        } catch (Throwable e) {
            finalReason = ErrorReason.of(e);
        }
        if (log && isAbnormal(finalReason)) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("module", module());
            report.put("name", name instanceof Atom ? name : self.self());
            report.put("reason", finalReason);
            report.put("last_message", lastMessage);
            report.put("state", shownState);
            if (client != null) {
                report.put("client", client);
                report.put("client_alive", self.node().isAlive(client));
            }
            self.node().events().publishCrash(Atom.of("gen_server"), self.self(), report);
        }
        throw new ServerExit(finalReason);
    }

    /** The server's own exit after {@code terminate/2} ran; passes through the loop's handlers. */
    private static final class ServerExit extends ExitException {
        ServerExit(Object reason) {
            super(reason);
        }
    }

    /** True unless the reason is {@code :normal}, {@code :shutdown} or {@code {:shutdown, _}}. */
    public static boolean isAbnormal(Object reason) {
        return !(Atom.NORMAL.equals(reason) || Atom.SHUTDOWN.equals(reason)
                || (reason instanceof Tuple t && t.isTagged(Atom.SHUTDOWN, 2)));
    }
}
