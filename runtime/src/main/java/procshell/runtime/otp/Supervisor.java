package procshell.runtime.otp;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import procshell.runtime.event.NodeEvent;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ErlangError;
import procshell.runtime.process.ProcessContext;

/**
 * A supervisor, as OTP's {@code supervisor} behind Elixir's {@code Supervisor}: a process that
 * traps exits, starts its children in order, restarts them by strategy and restart type, and
 * gives up (exit reason {@code :shutdown}) when restarts exceed the intensity.
 *
 * <p>It is a {@link GenServer}, so it answers the gen_server protocol: the client functions here
 * are {@code GenServer.call(sup, request, :infinity)} with supervisor.erl's requests
 * ({@code :which_children}, {@code :count_children}, {@code {:start_child, spec}},
 * {@code {:terminate_child, id}}, {@code {:restart_child, id}}, {@code {:delete_child, id}},
 * {@code {:get_childspec, id}}), and {@link GenServer#stop} stops it. Children are started by
 * calling their {@link ChildSpec.Start} inside the supervisor process, so a {@code start_link}
 * links them to it. Its {@code "$initial_call"} is {@code {:supervisor, Supervisor.Default, 1}}, as
 * Elixir's, which tells observers that the process is a supervisor.
 *
 * <p>Restarts publish {@link NodeEvent.Restarted}; errors publish supervisor reports (see
 * {@link SupervisorSupport#report}): {@code :child_terminated} when a child dies abnormally,
 * {@code :start_error}, {@code :shutdown_error}, and {@code :shutdown} with reason
 * {@code :reached_max_restart_intensity} before the supervisor gives up.
 */
public final class Supervisor {
    /** {@code Supervisor}. */
    public static final Atom MODULE = Atom.module("Supervisor");
    /** {@code Supervisor.Default}, the callback module of {@code Supervisor.start_link/2}. */
    public static final Atom DEFAULT_MODULE = Atom.module("Supervisor.Default");
    /** {@code :supervisor}, the first element of a supervisor's {@code "$initial_call"}. */
    public static final Atom ERLANG_MODULE = Atom.of("supervisor");

    static final Atom WHICH_CHILDREN = Atom.of("which_children");
    static final Atom COUNT_CHILDREN = Atom.of("count_children");
    static final Atom START_CHILD = Atom.of("start_child");
    static final Atom TERMINATE_CHILD = Atom.of("terminate_child");
    private static final Atom RESTART_CHILD = Atom.of("restart_child");
    private static final Atom DELETE_CHILD = Atom.of("delete_child");
    private static final Atom GET_CHILDSPEC = Atom.of("get_childspec");
    private static final Atom TRY_AGAIN_RESTART = Atom.of("try_again_restart");
    private static final Atom GEN_CAST = Atom.of("$gen_cast");
    private static final Atom FAILED_TO_START_CHILD = Atom.of("failed_to_start_child");
    private static final Atom START_SPEC = Atom.of("start_spec");
    static final Atom SUPERVISOR_DATA = Atom.of("supervisor_data");
    private static final Atom DUPLICATE_CHILD_NAME = Atom.of("duplicate_child_name");
    private static final Atom ALREADY_STARTED = Atom.of("already_started");
    private static final Atom ALREADY_PRESENT = Atom.of("already_present");
    private static final Atom RUNNING = Atom.of("running");
    static final Atom NOT_FOUND = Atom.of("not_found");
    static final Atom SPECS = Atom.of("specs");
    static final Atom ACTIVE = Atom.of("active");
    static final Atom SUPERVISORS = Atom.of("supervisors");
    static final Atom WORKERS = Atom.of("workers");
    static final Atom INVALID_STRATEGY = Atom.of("invalid_strategy");
    static final Atom INVALID_INTENSITY = Atom.of("invalid_intensity");
    static final Atom INVALID_PERIOD = Atom.of("invalid_period");
    private static final Atom CHILD_RECORD = Atom.of("child");

    private Supervisor() {}

    // ---- client API ---------------------------------------------------------------------------

    /**
     * Starts a supervisor linked to the calling process, as
     * {@code Supervisor.start_link(children, strategy: ..., max_restarts: ..., max_seconds: ..., name: ...)};
     * returns once every child has started.
     *
     * @param children the child specs, started in this order
     * @param flags    strategy and intensity
     * @param name     null, a local name atom, {@code {:global, term}} or {@code {:via, module, term}}
     * @return {@code {:ok, pid}}; {@code {:error, {:already_started, pid}}} when the name is taken;
     *         {@code {:error, {:shutdown, {:failed_to_start_child, id, reason}}}} when a child failed to
     *         start (those already started are stopped, and the supervisor exits with that reason,
     *         so a linked caller that does not trap exits dies with it, as in Elixir);
     *         {@code {:error, {:start_spec, reason}}} for a bad or duplicate spec;
     *         {@code {:error, {:supervisor_data, reason}}} for bad flags
     * @throws IllegalStateException when not called from a process
     */
    public static Object startLink(List<ChildSpec> children, SupervisorFlags flags, Object name) {
        return startLink(children, flags, name, null);
    }

    /**
     * As {@link #startLink(List, SupervisorFlags, Object)}, with children that may also be term specs
     * ({@code %{id:, start: {m, f, a}, ...}} maps or 6-tuples), checked inside the supervisor as
     * OTP does ({@link ChildSpec#fromTerm}); {@code resolver} runs their {@code {m, f, a}}.
     */
    public static Object startLink(List<?> children, SupervisorFlags flags, Object name, ChildSpec.Resolver resolver) {
        Server server = new Server(new ArrayList<>(children), flags, resolver);
        return GenServer.startLink(server, null, name == null ? StartOptions.DEFAULT : StartOptions.named(name));
    }

    /**
     * Adds a child and starts it, as {@code Supervisor.start_child/2}.
     *
     * @return {@code {:ok, pid}}, {@code {:ok, pid, info}}, {@code {:ok, :undefined}} (start returned
     *         {@code :ignore}), {@code {:error, {:already_started, pid}}} (a running child has the
     *         id), {@code {:error, :already_present}} (a stopped child has the id), or
     *         {@code {:error, {reason, child}}} when the start failed ({@code child} is OTP's child
     *         record tuple {@code {:child, :undefined, id, mfargs, restart, false, shutdown, type, modules}})
     * @throws procshell.runtime.process.ExitException {@code {:noproc, {GenServer, :call, ...}}} when no such supervisor
     */
    public static Object startChild(Object sup, ChildSpec spec) {
        return call(sup, Tuple.of(START_CHILD, spec));
    }

    /**
     * As {@link #startChild(Object, ChildSpec)} with a term spec; an invalid one gives
     * {@code {:error, reason}} as OTP's check does (e.g. {@code {:error, :missing_id}}).
     */
    public static Object startChild(Object sup, Object spec, ChildSpec.Resolver resolver) {
        return SupervisorSupport.startChecked(sup, () -> ChildSpec.fromTerm(spec, resolver));
    }

    /**
     * Stops a child and keeps its spec (a temporary child's spec is dropped), as
     * {@code Supervisor.terminate_child/2}.
     *
     * @return {@code :ok} or {@code {:error, :not_found}}
     */
    public static Object terminateChild(Object sup, Object id) {
        return call(sup, Tuple.of(TERMINATE_CHILD, id));
    }

    /**
     * Starts a stopped child again from its spec, as {@code Supervisor.restart_child/2}.
     *
     * @return {@code {:ok, pid}}, {@code {:ok, pid, info}}, {@code {:error, :running}},
     *         {@code {:error, :restarting}}, {@code {:error, :not_found}} or {@code {:error, reason}}
     */
    public static Object restartChild(Object sup, Object id) {
        return call(sup, Tuple.of(RESTART_CHILD, id));
    }

    /**
     * Deletes a stopped child's spec, as {@code Supervisor.delete_child/2}.
     *
     * @return {@code :ok}, {@code {:error, :running}}, {@code {:error, :restarting}} or
     *         {@code {:error, :not_found}}
     */
    public static Object deleteChild(Object sup, Object id) {
        return call(sup, Tuple.of(DELETE_CHILD, id));
    }

    /**
     * A child's spec as a term, as {@code :supervisor.get_childspec/2}.
     *
     * @return {@code {:ok, %{id:, start:, restart:, shutdown:, type:, modules:}}} or {@code {:error, :not_found}}
     */
    public static Object getChildspec(Object sup, Object id) {
        return call(sup, Tuple.of(GET_CHILDSPEC, id));
    }

    /**
     * The children, newest first (reverse start order, as supervisor.erl lists them), as
     * {@code Supervisor.which_children/1}.
     *
     * @return {@code [{id, pid | :restarting | :undefined, :worker | :supervisor, modules}]}
     */
    @SuppressWarnings("unchecked")
    public static List<Object> whichChildren(Object sup) {
        return (List<Object>) call(sup, WHICH_CHILDREN);
    }

    /**
     * Counts the children, as {@code Supervisor.count_children/1}: {@code specs} (all specs),
     * {@code active} (children whose process is alive), {@code supervisors} and {@code workers}
     * (by type, running or not).
     *
     * @return {@code %{active: n, specs: n, supervisors: n, workers: n}}
     */
    public static Map<Atom, Object> countChildren(Object sup) {
        return countsToMap(call(sup, COUNT_CHILDREN));
    }

    /**
     * Stops the supervisor with {@code :normal} and waits, as {@code Supervisor.stop/1}: its children
     * are shut down in reverse start order first.
     *
     * @return {@code :ok}
     */
    public static Atom stop(Object sup) {
        return GenServer.stop(sup, Atom.NORMAL, -1);
    }

    /** As {@code Supervisor.stop/3}; {@code timeoutMs} negative for {@code :infinity}. */
    public static Atom stop(Object sup, Object reason, long timeoutMs) {
        return GenServer.stop(sup, reason, timeoutMs);
    }

    static Object call(Object sup, Object request) {
        return GenServer.call(sup, request, -1);
    }

    /** {@code [{:specs, n}, ...]} as Elixir's {@code :maps.from_list/1} shows it: keys in term order. */
    static Map<Atom, Object> countsToMap(Object reply) {
        Map<Atom, Object> counts = new LinkedHashMap<>();
        Map<Object, Object> byKey = new LinkedHashMap<>();
        for (Object o : (List<?>) reply) {
            Tuple t = (Tuple) o;
            byKey.put(t.get(0), t.get(1));
        }
        for (Atom k : List.of(ACTIVE, SPECS, SUPERVISORS, WORKERS)) counts.put(k, byKey.get(k));
        return counts;
    }

    // ---- the server ---------------------------------------------------------------------------

    /** A child id that is being restarted: {@code ?restarting(old)}; shown as {@code :restarting}. */
    private record Restarting(Pid old, Object reason) {}

    /** supervisor.erl's {@code #child{}}: a spec and its pid (Pid, null for undefined, or Restarting). */
    private static final class Child {
        final ChildSpec spec;
        Object pid;

        Child(ChildSpec spec) {
            this.spec = spec;
        }
    }

    private record StartFailure(Child child, Object reason) {}

    private static final class Server extends GenServer {
        private final List<?> specs;
        private final SupervisorFlags flags;
        private final ChildSpec.Resolver resolver;
        /** In start order; which_children shows them reversed. */
        private final List<Child> children = new ArrayList<>();
        private SupervisorSupport.Intensity intensity;
        private Object supName;
        private ProcessContext self;

        Server(List<?> specs, SupervisorFlags flags, ChildSpec.Resolver resolver) {
            this.specs = specs;
            this.flags = flags;
            this.resolver = resolver;
        }

        @Override
        public Atom module() {
            return ERLANG_MODULE;
        }

        /**
         * OTP 25's {@code #state{}} record of supervisor.erl, as a crash report prints it:
         * {@code {:state, name, strategy, {ids, %{id => child}}, :undefined, intensity, period,
         * [], 0, :never, Supervisor.Default, {:ok, {flags, specs}}}}, each child
         * {@code {:child, pid, id, mfa, restart, false, shutdown, type, modules}}.
         */
        @Override
        protected Object reportedState(Object state) {
            List<Object> ids = new ArrayList<>();
            Map<Object, Object> db = new LinkedHashMap<>();
            for (Child c : children) {
                ChildSpec s = c.spec;
                ids.add(s.id());
                db.put(s.id(), Tuple.of(CHILD_RECORD, c.pid == null ? Atom.UNDEFINED : c.pid, s.id(), s.startTerm(), s.restart(),
                        Boolean.FALSE, s.shutdown(), s.type(), s.modules()));
            }
            Map<Object, Object> flagMap = new LinkedHashMap<>();
            flagMap.put(Atom.of("intensity"), flags.maxRestarts());
            flagMap.put(Atom.of("period"), flags.maxSeconds());
            flagMap.put(Atom.of("strategy"), flags.strategy());
            List<Object> given = new ArrayList<>();
            for (Object spec : specs) given.add(spec instanceof ChildSpec cs ? cs.toTerm() : spec);
            return Tuple.of(Atom.of("state"), supName, flags.strategy(), Tuple.of(ids, db), Atom.UNDEFINED, flags.maxRestarts(),
                    flags.maxSeconds(), List.of(), 0, Atom.of("never"), DEFAULT_MODULE,
                    Tuple.of(Atom.OK, Tuple.of(flagMap, given)));
        }

        @Override
        protected Atom supervisorCallback() {
            return DEFAULT_MODULE;
        }

        @Override
        public Object init(Object arg) {
            self = ProcessContext.require();
            self.trapExit(true);
            self.process().dictionaryPut("$initial_call", Tuple.of(ERLANG_MODULE, DEFAULT_MODULE, 1));
            supName = SupervisorSupport.supName(name(), self.self(), DEFAULT_MODULE);
            Object flagError = checkFlags(flags);
            if (flagError != null) return Tuple.of(Atom.of("stop"), Tuple.of(SUPERVISOR_DATA, flagError));
            intensity = new SupervisorSupport.Intensity(flags.maxRestarts(), flags.maxSeconds());
            Set<Object> ids = new HashSet<>();
            for (Object s : specs) {
                ChildSpec spec;
                try {
                    spec = ChildSpec.fromTerm(s, resolver);
                } catch (ChildSpecException e) {
                    return Tuple.of(Atom.of("stop"), Tuple.of(START_SPEC, e.reason()));
                } catch (IllegalArgumentException e) {
                    return Tuple.of(Atom.of("stop"), Tuple.of(START_SPEC, Tuple.of(Atom.of("invalid_child_spec"), s)));
                }
                if (!ids.add(spec.id())) {
                    return Tuple.of(Atom.of("stop"), Tuple.of(START_SPEC, Tuple.of(DUPLICATE_CHILD_NAME, spec.id())));
                }
                children.add(new Child(spec));
            }
            StartFailure failed = startChildren(new ArrayList<>(children));
            if (failed != null) {
                terminateChildren(new ArrayList<>(children));
                return Tuple.of(Atom.of("stop"), Tuple.of(Atom.SHUTDOWN,
                        Tuple.of(FAILED_TO_START_CHILD, failed.child.spec.id(), failed.reason)));
            }
            return Tuple.of(Atom.OK, Atom.of("supervisor_state"));
        }

        static Object checkFlags(SupervisorFlags flags) {
            Atom s = flags.strategy();
            if (!(SupervisorFlags.ONE_FOR_ONE.equals(s) || SupervisorFlags.ONE_FOR_ALL.equals(s)
                    || SupervisorFlags.REST_FOR_ONE.equals(s))) {
                return Tuple.of(INVALID_STRATEGY, s);
            }
            if (flags.maxRestarts() < 0) return Tuple.of(INVALID_INTENSITY, flags.maxRestarts());
            if (flags.maxSeconds() <= 0) return Tuple.of(INVALID_PERIOD, flags.maxSeconds());
            return null;
        }

        // ---- starting and stopping children ---------------------------------------------------

        /** Calls a child's start: {@code {:ok, pid}}, {@code {:ok, pid, info}}, {@code {:ok, :undefined}} or {@code {:error, e}}. */
        private Object doStart(ChildSpec spec) {
            Object r = SupervisorSupport.callStart(self, spec.start(), true);
            return Atom.IGNORE.equals(r) ? Tuple.of(Atom.OK, Atom.UNDEFINED) : r;
        }

        private static boolean isOk(Object r) {
            return r instanceof Tuple t && Atom.OK.equals(t.get(0));
        }

        /**
         * Starts {@code list} in order, as {@code start_children/2}; an ignored temporary child is
         * dropped. Stops at the first failure (reported as {@code start_error}).
         */
        private StartFailure startChildren(List<Child> list) {
            for (Child c : list) {
                Object r = doStart(c.spec);
                if (isOk(r)) {
                    Pid p = SupervisorSupport.startedPid(r);
                    if (p == null && c.spec.isTemporary()) children.remove(c);
                    else c.pid = p;
                    continue;
                }
                Object reason = ((Tuple) r).get(1);
                report(SupervisorSupport.START_ERROR, reason, c);
                return new StartFailure(c, reason);
            }
            return null;
        }

        /**
         * Stops {@code list} in reverse start order, as {@code terminate_children/2}: temporary
         * children are dropped, the others keep their spec with pid {@code :undefined}.
         */
        private void terminateChildren(List<Child> list) {
            for (int i = list.size() - 1; i >= 0; i--) {
                Child c = list.get(i);
                doTerminate(c);
                if (c.spec.isTemporary()) {
                    children.remove(c);
                    list.remove(i);
                } else {
                    c.pid = null;
                }
            }
        }

        private void doTerminate(Child c) {
            if (c.pid instanceof Pid p) {
                Object error = SupervisorSupport.shutdown(self, p, c.spec);
                if (error != null) report(SupervisorSupport.SHUTDOWN_ERROR, error, c);
            }
        }

        /** As {@code del_child/2}: a temporary child's spec goes; another's pid becomes :undefined. */
        private void delChild(Child c) {
            if (c.spec.isTemporary()) children.remove(c);
            else c.pid = null;
        }

        private void report(Atom context, Object reason, Child c) {
            Object pid = c.pid instanceof Restarting r ? Tuple.of(SupervisorSupport.RESTARTING, r.old == null ? Atom.UNDEFINED : r.old) : c.pid;
            SupervisorSupport.report(self, supName, context, reason, pid, c.spec.id(), c.spec, c.spec.startTerm());
        }

        // ---- restarts -------------------------------------------------------------------------

        /** A child exited, as {@code do_restart/3}: false when the supervisor must shut down. */
        private boolean childExited(Child c, Object reason) {
            ChildSpec spec = c.spec;
            if (spec.isPermanent()) {
                report(SupervisorSupport.CHILD_TERMINATED, reason, c);
                return restart(c, reason);
            }
            if (SupervisorSupport.isNormalExit(reason)) {
                delChild(c);
                return true;
            }
            report(SupervisorSupport.CHILD_TERMINATED, reason, c);
            if (spec.isTemporary()) {
                delChild(c);
                return true;
            }
            return restart(c, reason);
        }

        /** As {@code restart/2}: counts the restart, then restarts by strategy. */
        private boolean restart(Child c, Object reason) {
            if (!intensity.add()) {
                report(Atom.SHUTDOWN, SupervisorSupport.REACHED_MAX, c);
                delChild(c);
                return false;
            }
            Atom strategy = flags.strategy();
            Object dead = c.pid;
            if (SupervisorFlags.ONE_FOR_ONE.equals(strategy)) {
                Object r = doStart(c.spec);
                if (isOk(r)) {
                    c.pid = SupervisorSupport.startedPid(r);
                    published(c, dead, reason);
                } else {
                    c.pid = restarting(dead, reason);
                    report(SupervisorSupport.START_ERROR, ((Tuple) r).get(1), c);
                    tryAgain(c);
                }
                return true;
            }
            List<Child> affected;
            if (SupervisorFlags.REST_FOR_ONE.equals(strategy)) {
                affected = new ArrayList<>(children.subList(children.indexOf(c), children.size()));
            } else {
                affected = new ArrayList<>(children);
            }
            c.pid = null;
            Map<Child, Object> before = new LinkedHashMap<>();
            for (Child a : affected) before.put(a, a == c ? dead : a.pid);
            terminateChildren(affected);
            StartFailure failed = startChildren(affected);
            for (Child a : affected) {
                if (failed != null && a == failed.child) break;
                published(a, before.get(a), a == c ? reason : Atom.SHUTDOWN);
            }
            if (failed != null) {
                failed.child.pid = failed.child == c ? restarting(dead, reason) : new Restarting(null, reason);
                tryAgain(failed.child);
            }
            return true;
        }

        private static Restarting restarting(Object dead, Object reason) {
            if (dead instanceof Restarting r) return r;
            return new Restarting(dead instanceof Pid p ? p : null, reason);
        }

        /** As {@code try_again_restart/1}: retry later, so that other requests get in first. */
        private void tryAgain(Child c) {
            self.send(self.self(), Tuple.of(GEN_CAST, Tuple.of(TRY_AGAIN_RESTART, c.spec.id())));
        }

        private void published(Child c, Object old, Object reason) {
            if (!self.node().events().active()) return;
            Pid oldPid = old instanceof Pid p ? p : old instanceof Restarting r ? r.old : null;
            Object why = old instanceof Restarting r ? r.reason : reason;
            self.node().events().publish(new NodeEvent.Restarted(self.self(), c.spec.id(), oldPid,
                    c.pid instanceof Pid p ? p : null, why, flags.strategy(), intensity.count(), intensity.max()));
        }

        // ---- callbacks ------------------------------------------------------------------------

        private Child byId(Object id) {
            for (Child c : children) if (java.util.Objects.equals(c.spec.id(), id)) return c;
            return null;
        }

        private Child byPid(Pid pid) {
            for (Child c : children) if (pid.equals(c.pid)) return c;
            return null;
        }

        @Override
        public Object handleCall(Object request, Tuple from, Object state) {
            Object reply;
            if (WHICH_CHILDREN.equals(request)) {
                List<Object> out = new ArrayList<>(children.size());
                for (int i = children.size() - 1; i >= 0; i--) {
                    Child c = children.get(i);
                    Object pid = c.pid instanceof Restarting ? SupervisorSupport.RESTARTING : c.pid == null ? Atom.UNDEFINED : c.pid;
                    out.add(Tuple.of(c.spec.id(), pid, c.spec.type(), c.spec.modules()));
                }
                reply = out;
            } else if (COUNT_CHILDREN.equals(request)) {
                int active = 0;
                int supervisors = 0;
                int workers = 0;
                for (Child c : children) {
                    if (c.pid instanceof Pid p && self.node().isAlive(p)) active++;
                    if (ChildSpec.SUPERVISOR.equals(c.spec.type())) supervisors++;
                    else workers++;
                }
                reply = List.of(Tuple.of(SPECS, children.size()), Tuple.of(ACTIVE, active),
                        Tuple.of(SUPERVISORS, supervisors), Tuple.of(WORKERS, workers));
            } else if (request instanceof Tuple t && t.isTagged(START_CHILD, 2)) {
                reply = handleStartChild(t.get(1));
            } else if (request instanceof Tuple t && t.isTagged(TERMINATE_CHILD, 2)) {
                Child c = byId(t.get(1));
                if (c == null) {
                    reply = Tuple.of(Atom.ERROR, NOT_FOUND);
                } else {
                    doTerminate(c);
                    delChild(c);
                    reply = Atom.OK;
                }
            } else if (request instanceof Tuple t && t.isTagged(RESTART_CHILD, 2)) {
                Child c = byId(t.get(1));
                if (c == null) reply = Tuple.of(Atom.ERROR, NOT_FOUND);
                else if (c.pid instanceof Restarting) reply = Tuple.of(Atom.ERROR, SupervisorSupport.RESTARTING);
                else if (c.pid != null) reply = Tuple.of(Atom.ERROR, RUNNING);
                else {
                    Object r = doStart(c.spec);
                    if (isOk(r)) c.pid = SupervisorSupport.startedPid(r);
                    reply = r;
                }
            } else if (request instanceof Tuple t && t.isTagged(DELETE_CHILD, 2)) {
                Child c = byId(t.get(1));
                if (c == null) reply = Tuple.of(Atom.ERROR, NOT_FOUND);
                else if (c.pid instanceof Restarting) reply = Tuple.of(Atom.ERROR, SupervisorSupport.RESTARTING);
                else if (c.pid != null) reply = Tuple.of(Atom.ERROR, RUNNING);
                else {
                    children.remove(c);
                    reply = Atom.OK;
                }
            } else if (request instanceof Tuple t && t.isTagged(GET_CHILDSPEC, 2)) {
                Child c = byId(t.get(1));
                reply = c == null ? Tuple.of(Atom.ERROR, NOT_FOUND) : Tuple.of(Atom.OK, c.spec.toTerm());
            } else {
                // supervisor.erl has no catch-all clause: an unknown call crashes it.
                throw new ErlangError(Atom.of("function_clause"));
            }
            return Tuple.of(Atom.of("reply"), reply, state);
        }

        /** As {@code handle_start_child/2}. */
        private Object handleStartChild(Object specTerm) {
            ChildSpec spec;
            try {
                spec = ChildSpec.fromTerm(specTerm, resolver);
            } catch (ChildSpecException e) {
                return Tuple.of(Atom.ERROR, e.reason());
            } catch (IllegalArgumentException e) {
                return Tuple.of(Atom.ERROR, Tuple.of(Atom.of("invalid_child_spec"), specTerm));
            }
            Child existing = byId(spec.id());
            if (existing != null) {
                if (existing.pid instanceof Pid p) return Tuple.of(Atom.ERROR, Tuple.of(ALREADY_STARTED, p));
                return Tuple.of(Atom.ERROR, ALREADY_PRESENT);
            }
            Child c = new Child(spec);
            Object r = doStart(spec);
            if (isOk(r)) {
                Pid p = SupervisorSupport.startedPid(r);
                if (p != null || !spec.isTemporary()) {
                    c.pid = p;
                    children.add(c);
                }
                return r;
            }
            Object what = ((Tuple) r).get(1);
            if (what instanceof Tuple w && w.isTagged(ALREADY_STARTED, 2)) return r;
            Tuple record = Tuple.of(CHILD_RECORD, Atom.UNDEFINED, spec.id(), spec.startTerm(), spec.restart(),
                    Boolean.FALSE, spec.shutdown(), spec.type(), spec.modules());
            return Tuple.of(Atom.ERROR, Tuple.of(what, record));
        }

        @Override
        public Object handleCast(Object request, Object state) {
            if (request instanceof Tuple t && t.isTagged(TRY_AGAIN_RESTART, 2)) {
                Child c = byId(t.get(1));
                if (c != null && c.pid instanceof Restarting r && !restart(c, r.reason)) {
                    return Tuple.of(Atom.of("stop"), Atom.SHUTDOWN, state);
                }
            }
            return Tuple.of(Atom.of("noreply"), state);
        }

        @Override
        public Object handleInfo(Object message, Object state) {
            if (message instanceof Tuple t && t.isTagged(Atom.EXIT, 3) && t.get(1) instanceof Pid pid) {
                Child c = byPid(pid);
                if (c != null && !childExited(c, t.get(2))) return Tuple.of(Atom.of("stop"), Atom.SHUTDOWN, state);
                return Tuple.of(Atom.of("noreply"), state);
            }
            SupervisorSupport.unexpected(self, MODULE, message);
            return Tuple.of(Atom.of("noreply"), state);
        }

        @Override
        public Object terminate(Object reason, Object state) {
            terminateChildren(new ArrayList<>(children));
            return Atom.OK;
        }
    }
}
