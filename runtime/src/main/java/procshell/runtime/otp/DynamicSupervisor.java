package procshell.runtime.otp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import procshell.runtime.event.NodeEvent;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ErlangError;
import procshell.runtime.process.Mailbox;
import procshell.runtime.process.ProcessContext;

/**
 * A dynamic supervisor, as Elixir's {@code DynamicSupervisor}: starts with no children, starts
 * them on demand with {@link #startChild}, restarts them {@code :one_for_one} by restart type,
 * and exits {@code :shutdown} when restarts exceed the intensity.
 *
 * <p>It is a {@link GenServer} answering Elixir's requests ({@code {:start_child, spec}},
 * {@code {:terminate_child, pid}}, {@code :which_children}, {@code :count_children}) through
 * {@code GenServer.call(sup, request, :infinity)}. Children are keyed by pid and listed in pid
 * order (as Elixir's small maps are); on exit they are all shut down at once, each killed when
 * its shutdown time runs out. Restarts publish {@link NodeEvent.Restarted}; errors publish
 * supervisor reports as {@link Supervisor} does.
 */
public final class DynamicSupervisor {
    /** {@code DynamicSupervisor}. */
    public static final Atom MODULE = Atom.module("DynamicSupervisor");
    private static final Atom GEN_RESTART = Atom.of("$gen_restart");
    private static final Atom MAX_CHILDREN = Atom.of("max_children");
    private static final Atom INVALID_MAX_CHILDREN = Atom.of("invalid_max_children");
    private static final Atom INVALID_EXTRA_ARGUMENTS = Atom.of("invalid_extra_arguments");

    private DynamicSupervisor() {}

    /**
     * The options of {@code DynamicSupervisor.start_link/1} other than {@code :name}. Values are
     * checked when the supervisor starts; bad ones give
     * {@code {:error, {:supervisor_data, {:invalid_strategy | :invalid_intensity | :invalid_period |
     * :invalid_max_children | :invalid_extra_arguments, value}}}}.
     *
     * @param strategy       only {@code :one_for_one}
     * @param maxRestarts    the most restarts within {@code maxSeconds} (>= 0)
     * @param maxSeconds     the intensity window in seconds (> 0)
     * @param maxChildren    {@code :infinity} or a non-negative integer
     * @param extraArguments prepended to the arguments of every {@code {m, f, a}} start
     */
    public record Flags(Atom strategy, int maxRestarts, int maxSeconds, Object maxChildren, List<Object> extraArguments) {
        /** {@code strategy: :one_for_one, max_restarts: 3, max_seconds: 5, max_children: :infinity, extra_arguments: []}. */
        public static Flags defaults() {
            return new Flags(SupervisorFlags.ONE_FOR_ONE, 3, 5, Atom.INFINITY, List.of());
        }

        /** These flags with {@code max_children}. */
        public Flags withMaxChildren(int max) {
            return new Flags(strategy, maxRestarts, maxSeconds, max, extraArguments);
        }

        /** These flags with {@code max_restarts} within {@code max_seconds}. */
        public Flags withIntensity(int restarts, int seconds) {
            return new Flags(strategy, restarts, seconds, maxChildren, extraArguments);
        }

        /** These flags with {@code extra_arguments}. */
        public Flags withExtraArguments(List<Object> extra) {
            return new Flags(strategy, maxRestarts, maxSeconds, maxChildren, extra);
        }
    }

    // ---- client API ---------------------------------------------------------------------------

    /**
     * Starts a dynamic supervisor linked to the caller, as {@code DynamicSupervisor.start_link/1}.
     *
     * @param flags strategy, intensity, max_children, extra_arguments
     * @param name  null, a local name atom, {@code {:global, term}} or {@code {:via, module, term}}
     * @return {@code {:ok, pid}}, {@code {:error, {:already_started, pid}}} or
     *         {@code {:error, {:supervisor_data, reason}}} (the process then exits with that reason)
     * @throws IllegalStateException when not called from a process
     */
    public static Object startLink(Flags flags, Object name) {
        return GenServer.startLink(new Server(flags), null, name == null ? StartOptions.DEFAULT : StartOptions.named(name));
    }

    /** {@link #startLink(Flags, Object)} without a name. */
    public static Object startLink(Flags flags) {
        return startLink(flags, null);
    }

    /**
     * Starts a child, as {@code DynamicSupervisor.start_child/2}; the spec's id is ignored.
     *
     * @return {@code {:ok, pid}}, {@code {:ok, pid, info}}, {@code :ignore},
     *         {@code {:error, :max_children}} or {@code {:error, reason}} (what the start returned,
     *         or why it failed)
     */
    public static Object startChild(Object sup, ChildSpec spec) {
        return Supervisor.call(sup, Tuple.of(Supervisor.START_CHILD, spec));
    }

    /**
     * As {@link #startChild(Object, ChildSpec)} with a term spec, validated as Elixir does
     * ({@link ChildSpec#fromDynamicTerm}): an invalid one gives {@code {:error, reason}}, e.g.
     * {@code {:error, {:invalid_child_spec, spec}}}.
     */
    public static Object startChild(Object sup, Object spec, ChildSpec.Resolver resolver) {
        return SupervisorSupport.startChecked(sup, () -> ChildSpec.fromDynamicTerm(spec, resolver));
    }

    /**
     * Stops a child, as {@code DynamicSupervisor.terminate_child/2}.
     *
     * @return {@code :ok} or {@code {:error, :not_found}}
     */
    public static Object terminateChild(Object sup, Pid pid) {
        return Supervisor.call(sup, Tuple.of(Supervisor.TERMINATE_CHILD, pid));
    }

    /**
     * The children in pid order, as {@code DynamicSupervisor.which_children/1}.
     *
     * @return {@code [{:undefined, pid | :restarting, :worker | :supervisor, modules}]}
     */
    @SuppressWarnings("unchecked")
    public static List<Object> whichChildren(Object sup) {
        return (List<Object>) Supervisor.call(sup, Supervisor.WHICH_CHILDREN);
    }

    /**
     * Counts the children, as {@code DynamicSupervisor.count_children/1}: {@code specs} (all),
     * {@code active} (not being restarted), {@code supervisors} and {@code workers}.
     *
     * @return {@code %{active: n, specs: n, supervisors: n, workers: n}}
     */
    public static Map<Atom, Object> countChildren(Object sup) {
        return Supervisor.countsToMap(Supervisor.call(sup, Supervisor.COUNT_CHILDREN));
    }

    /** Stops the supervisor with {@code :normal}, as {@code DynamicSupervisor.stop/1}. */
    public static Atom stop(Object sup) {
        return GenServer.stop(sup, Atom.NORMAL, -1);
    }

    /** As {@code DynamicSupervisor.stop/3}; {@code timeoutMs} negative for {@code :infinity}. */
    public static Atom stop(Object sup, Object reason, long timeoutMs) {
        return GenServer.stop(sup, reason, timeoutMs);
    }

    // ---- the server ---------------------------------------------------------------------------

    /** One child: its spec, and while a restart is pending the reason it died with. */
    private static final class Child {
        final ChildSpec spec;
        boolean restarting;
        Object reason;

        Child(ChildSpec spec) {
            this.spec = spec;
        }
    }

    private static final class Server extends GenServer {
        private final Flags flags;
        private final TreeMap<Pid, Child> children = new TreeMap<>();
        private SupervisorSupport.Intensity intensity;
        private Object supName;
        private ProcessContext self;

        Server(Flags flags) {
            this.flags = flags;
        }

        @Override
        public Atom module() {
            return MODULE;
        }

        @Override
        public Object init(Object arg) {
            self = ProcessContext.require();
            self.process().dictionaryPut("$initial_call", Tuple.of(Supervisor.ERLANG_MODULE, Supervisor.DEFAULT_MODULE, 1));
            self.trapExit(true);
            supName = SupervisorSupport.supName(name(), self.self(), Supervisor.DEFAULT_MODULE);
            Object error = checkFlags(flags);
            if (error != null) return Tuple.of(Atom.of("stop"), Tuple.of(Supervisor.SUPERVISOR_DATA, error));
            intensity = new SupervisorSupport.Intensity(flags.maxRestarts(), flags.maxSeconds());
            return Tuple.of(Atom.OK, Atom.of("supervisor_state"));
        }

        private static Object checkFlags(Flags f) {
            if (!SupervisorFlags.ONE_FOR_ONE.equals(f.strategy())) return Tuple.of(Supervisor.INVALID_STRATEGY, f.strategy());
            if (f.maxRestarts() < 0) return Tuple.of(Supervisor.INVALID_INTENSITY, f.maxRestarts());
            if (f.maxSeconds() <= 0) return Tuple.of(Supervisor.INVALID_PERIOD, f.maxSeconds());
            Object max = f.maxChildren();
            boolean validMax = Atom.INFINITY.equals(max)
                    || ((max instanceof Integer || max instanceof Long) && ((Number) max).longValue() >= 0);
            if (!validMax) return Tuple.of(INVALID_MAX_CHILDREN, max);
            if (f.extraArguments() == null) return Tuple.of(INVALID_EXTRA_ARGUMENTS, null);
            return null;
        }

        private boolean belowMax() {
            return !(flags.maxChildren() instanceof Number n) || children.size() < n.longValue();
        }

        private Object start(ChildSpec spec) {
            return SupervisorSupport.callStart(self, spec.start().withExtraArguments(flags.extraArguments()), false);
        }

        private void report(Atom context, Object reason, Object pid, ChildSpec spec) {
            Object mfargs = spec.start().withExtraArguments(flags.extraArguments()) instanceof ChildSpec.Mfa m
                    ? m.toTuple() : spec.start();
            SupervisorSupport.report(self, supName, context, reason, pid, Atom.UNDEFINED, spec, mfargs);
        }

        // ---- callbacks ------------------------------------------------------------------------

        @Override
        public Object handleCall(Object request, Tuple from, Object state) {
            Object reply;
            if (Supervisor.WHICH_CHILDREN.equals(request)) {
                List<Object> out = new ArrayList<>(children.size());
                children.forEach((pid, c) -> out.add(Tuple.of(Atom.UNDEFINED,
                        c.restarting ? SupervisorSupport.RESTARTING : pid, c.spec.type(), c.spec.modules())));
                reply = out;
            } else if (Supervisor.COUNT_CHILDREN.equals(request)) {
                int active = 0;
                int supervisors = 0;
                int workers = 0;
                for (Child c : children.values()) {
                    if (!c.restarting) active++;
                    if (ChildSpec.SUPERVISOR.equals(c.spec.type())) supervisors++;
                    else workers++;
                }
                reply = List.of(Tuple.of(Supervisor.SPECS, children.size()), Tuple.of(Supervisor.ACTIVE, active),
                        Tuple.of(Supervisor.SUPERVISORS, supervisors), Tuple.of(Supervisor.WORKERS, workers));
            } else if (request instanceof Tuple t && t.isTagged(Supervisor.TERMINATE_CHILD, 2) && t.get(1) instanceof Pid pid) {
                Child c = children.get(pid);
                if (c == null) {
                    reply = Tuple.of(Atom.ERROR, Supervisor.NOT_FOUND);
                } else {
                    Map<Pid, Child> one = new HashMap<>();
                    one.put(pid, c);
                    terminateChildren(one);
                    children.remove(pid);
                    reply = Atom.OK;
                }
            } else if (request instanceof Tuple t && t.isTagged(Supervisor.START_CHILD, 2)) {
                reply = handleStartChild(t.get(1));
            } else {
                // Elixir's DynamicSupervisor has no catch-all handle_call clause.
                throw new ErlangError(Atom.of("function_clause"));
            }
            return Tuple.of(Atom.of("reply"), reply, state);
        }

        private Object handleStartChild(Object specTerm) {
            ChildSpec spec;
            try {
                spec = ChildSpec.fromDynamicTerm(specTerm, null);
            } catch (ChildSpecException e) {
                return Tuple.of(Atom.ERROR, e.reason());
            } catch (IllegalArgumentException e) {
                return Tuple.of(Atom.ERROR, Tuple.of(Atom.of("invalid_child_spec"), specTerm));
            }
            if (!belowMax()) return Tuple.of(Atom.ERROR, MAX_CHILDREN);
            Object r = start(spec);
            Pid pid = SupervisorSupport.startedPid(r);
            if (pid != null) children.put(pid, new Child(spec));
            return r;
        }

        @Override
        public Object handleCast(Object request, Object state) {
            return Tuple.of(Atom.of("noreply"), state);
        }

        @Override
        public Object handleInfo(Object message, Object state) {
            if (message instanceof Tuple t && t.isTagged(Atom.EXIT, 3) && t.get(1) instanceof Pid pid) {
                Child c = children.get(pid);
                if (c != null && !c.restarting && !childExited(pid, c, t.get(2))) {
                    return Tuple.of(Atom.of("stop"), Atom.SHUTDOWN, state);
                }
                return Tuple.of(Atom.of("noreply"), state);
            }
            if (message instanceof Tuple t && t.isTagged(GEN_RESTART, 2) && t.get(1) instanceof Pid pid) {
                // The child may have been terminated since the retry was queued.
                Child c = children.get(pid);
                if (c != null && c.restarting && !restart(pid, c, c.reason)) return Tuple.of(Atom.of("stop"), Atom.SHUTDOWN, state);
                return Tuple.of(Atom.of("noreply"), state);
            }
            SupervisorSupport.unexpected(self, MODULE, message);
            return Tuple.of(Atom.of("noreply"), state);
        }

        /** As {@code maybe_restart_child/5}: false when the supervisor must shut down. */
        private boolean childExited(Pid pid, Child c, Object reason) {
            if (c.spec.isPermanent()) {
                report(SupervisorSupport.CHILD_TERMINATED, reason, pid, c.spec);
                return restart(pid, c, reason);
            }
            if (SupervisorSupport.isNormalExit(reason)) {
                children.remove(pid);
                return true;
            }
            report(SupervisorSupport.CHILD_TERMINATED, reason, pid, c.spec);
            if (c.spec.isTemporary()) {
                children.remove(pid);
                return true;
            }
            return restart(pid, c, reason);
        }

        /** As {@code restart_child/3}: counts the restart, then starts the child again. */
        private boolean restart(Pid old, Child c, Object reason) {
            if (!intensity.add()) {
                report(Atom.SHUTDOWN, SupervisorSupport.REACHED_MAX, c.restarting ? Tuple.of(SupervisorSupport.RESTARTING, old) : old, c.spec);
                children.remove(old);
                return false;
            }
            Object r = start(c.spec);
            Pid pid = SupervisorSupport.startedPid(r);
            if (pid != null || Atom.IGNORE.equals(r)) {
                children.remove(old);
                if (pid != null) children.put(pid, new Child(c.spec));
                if (self.node().events().active()) {
                    self.node().events().publish(new NodeEvent.Restarted(self.self(), Atom.UNDEFINED, old, pid, reason,
                            flags.strategy(), intensity.count(), intensity.max()));
                }
                return true;
            }
            report(SupervisorSupport.START_ERROR, ((Tuple) r).get(1), Tuple.of(SupervisorSupport.RESTARTING, old), c.spec);
            c.restarting = true;
            c.reason = reason;
            self.send(self.self(), Tuple.of(GEN_RESTART, old));
            return true;
        }

        @Override
        public Object terminate(Object reason, Object state) {
            terminateChildren(new HashMap<>(children));
            return Atom.OK;
        }

        /**
         * Shuts children down all at once, as Elixir's {@code terminate_children/2}: unlink and
         * monitor each, send {@code :shutdown} (or {@code :kill} for {@code :brutal_kill}), kill
         * those still alive when their shutdown time is over, and report unexpected exit reasons.
         */
        private void terminateChildren(Map<Pid, Child> toStop) {
            Map<Pid, Child> waiting = new HashMap<>();
            Map<Pid, Ref> refs = new HashMap<>();
            Map<Pid, Long> deadlines = new HashMap<>();
            Map<Pid, Object> errors = new LinkedHashMap<>();
            for (Map.Entry<Pid, Child> e : toStop.entrySet()) {
                Pid pid = e.getKey();
                Child c = e.getValue();
                if (c.restarting) continue;
                Ref ref = self.monitor(pid);
                Object already = SupervisorSupport.monitorChild(self, pid, ref);
                if (already == null) {
                    if (c.spec.isBrutalKill()) {
                        self.exit(pid, Atom.KILL);
                    } else {
                        self.exit(pid, Atom.SHUTDOWN);
                        long ms = c.spec.shutdownMs();
                        if (ms >= 0) deadlines.put(pid, System.nanoTime() + ms * 1_000_000L);
                    }
                    waiting.put(pid, c);
                    refs.put(pid, ref);
                } else if (!(Atom.NORMAL.equals(already) && !c.spec.isPermanent())) {
                    errors.put(pid, already);
                }
            }
            while (!waiting.isEmpty()) {
                long timeout = -1;
                if (!deadlines.isEmpty()) {
                    long next = deadlines.values().stream().min(Long::compare).orElseThrow();
                    timeout = Math.max(0, (next - System.nanoTime() + 999_999) / 1_000_000);
                }
                Object m = self.receive(msg -> msg instanceof Tuple t && t.isTagged(Atom.DOWN, 5)
                        && t.get(3) instanceof Pid p && waiting.containsKey(p) && refs.get(p).equals(t.get(1)), timeout);
                if (m == Mailbox.TIMEOUT) {
                    long now = System.nanoTime();
                    for (var it = deadlines.entrySet().iterator(); it.hasNext(); ) {
                        var d = it.next();
                        if (d.getValue() - now <= 0) {
                            self.exit(d.getKey(), Atom.KILL);
                            it.remove();
                        }
                    }
                    continue;
                }
                Tuple down = (Tuple) m;
                Pid pid = (Pid) down.get(3);
                Child c = waiting.remove(pid);
                deadlines.remove(pid);
                Object reason = down.get(4);
                boolean ok = c.spec.isBrutalKill()
                        ? Atom.KILLED.equals(reason)
                        : Atom.SHUTDOWN.equals(reason) || (reason instanceof Tuple r && r.isTagged(Atom.SHUTDOWN, 2))
                                || (Atom.NORMAL.equals(reason) && !c.spec.isPermanent());
                if (!ok) errors.put(pid, reason);
            }
            errors.forEach((pid, reason) -> report(SupervisorSupport.SHUTDOWN_ERROR, reason, pid, toStop.get(pid).spec));
        }
    }
}
