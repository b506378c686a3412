package procshell.runtime.otp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * A child specification, as Elixir's {@code Supervisor.child_spec()} and OTP's
 * {@code supervisor:child_spec()}: how a supervisor starts, restarts and stops one child.
 *
 * <p>The Java form takes a {@link Start} function; the term form
 * {@code %{id: ..., start: {m, f, a}, restart: ..., shutdown: ..., type: ..., modules: ...}} is
 * converted by {@link #fromTerm} (OTP's {@code check_childspec/2} rules, as
 * {@link Supervisor} uses) or {@link #fromDynamicTerm} (Elixir's {@code DynamicSupervisor}
 * rules), given a {@link Resolver} that runs {@code apply(m, f, a)}.
 *
 * @param id       any term naming the child within its supervisor (ignored by DynamicSupervisor)
 * @param start    starts the child; called inside the supervisor process
 * @param restart  {@code :permanent} (always restarted), {@code :transient} (restarted unless it
 *                 exits {@code :normal}, {@code :shutdown} or {@code {:shutdown, _}}) or
 *                 {@code :temporary} (never restarted)
 * @param shutdown a non-negative integer of ms, {@code :brutal_kill} or {@code :infinity}
 * @param type     {@code :worker} or {@code :supervisor}
 * @param modules  a list of module atoms, or {@code :dynamic}
 * @throws ChildSpecException when a field is invalid, with OTP's reason term
 */
public record ChildSpec(Object id, Start start, Atom restart, Object shutdown, Atom type, Object modules) {
    static final Atom PERMANENT = Atom.of("permanent");
    static final Atom TRANSIENT = Atom.of("transient");
    static final Atom TEMPORARY = Atom.of("temporary");
    static final Atom WORKER = Atom.of("worker");
    static final Atom SUPERVISOR = Atom.of("supervisor");
    static final Atom BRUTAL_KILL = Atom.of("brutal_kill");
    static final Atom DYNAMIC = Atom.of("dynamic");
    private static final Atom ID = Atom.of("id");
    private static final Atom START = Atom.of("start");
    private static final Atom RESTART = Atom.of("restart");
    private static final Atom SHUTDOWN = Atom.of("shutdown");
    private static final Atom TYPE = Atom.of("type");
    private static final Atom MODULES = Atom.of("modules");
    private static final Atom SIGNIFICANT = Atom.of("significant");

    /**
     * Starts a child, as the {@code {m, f, a}} of a child spec: runs in the supervisor process, so
     * that a {@code start_link} links the child to the supervisor.
     */
    @FunctionalInterface
    public interface Start {
        /**
         * Starts the child.
         *
         * @return {@code {:ok, pid}}, {@code {:ok, pid, info}}, {@code :ignore} or
         *         {@code {:error, reason}}; anything else counts as {@code {:error, returned}}, and a
         *         throw as a failure
         * @throws Exception any failure, reported as the start error
         */
        Object start() throws Exception;

        /**
         * This start with {@code extra} prepended to its arguments, as DynamicSupervisor's
         * {@code :extra_arguments}. A plain function has no argument list, so it ignores them;
         * an {@link Mfa} prepends them.
         */
        default Start withExtraArguments(List<Object> extra) {
            return this;
        }
    }

    /**
     * Runs {@code apply(module, function, args)} for a term-form start. The shell supplies one that
     * calls a class's static method.
     */
    @FunctionalInterface
    public interface Resolver {
        /**
         * Applies the function.
         *
         * @return what the function returned (a start result)
         * @throws Exception any failure, reported as the start error
         */
        Object apply(Atom module, Atom function, List<Object> args) throws Exception;
    }

    /**
     * A term-form start {@code {module, function, args}}, run through a {@link Resolver}.
     *
     * @param module   the module atom, e.g. {@code HelloServer}
     * @param function the function atom, e.g. {@code :start_link}
     * @param args     the arguments
     * @param resolver runs the call
     */
    public record Mfa(Atom module, Atom function, List<Object> args, Resolver resolver) implements Start {
        /** Copies {@code args}; {@code resolver} must not be null. */
        public Mfa {
            // Arguments may hold nil (null), which List.copyOf rejects.
            args = args == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(args));
            if (resolver == null) throw new IllegalArgumentException("an {m, f, a} start needs a resolver");
        }

        @Override
        public Object start() throws Exception {
            return resolver.apply(module, function, args);
        }

        @Override
        public Start withExtraArguments(List<Object> extra) {
            if (extra == null || extra.isEmpty()) return this;
            List<Object> all = new ArrayList<>(extra);
            all.addAll(args);
            return new Mfa(module, function, all, resolver);
        }

        /** {@code {module, function, args}} as a term. */
        public Tuple toTuple() {
            return Tuple.of(module, function, args);
        }
    }

    /** Validates the fields, as OTP's {@code check_childspec/2}. */
    public ChildSpec {
        if (start == null) throw new ChildSpecException(Atom.of("missing_start"));
        if (!(PERMANENT.equals(restart) || TRANSIENT.equals(restart) || TEMPORARY.equals(restart))) {
            throw new ChildSpecException(Tuple.of(Atom.of("invalid_restart_type"), restart));
        }
        if (!(WORKER.equals(type) || SUPERVISOR.equals(type))) {
            throw new ChildSpecException(Tuple.of(Atom.of("invalid_child_type"), type));
        }
        if (shutdown == null) shutdown = WORKER.equals(type) ? (Object) 5000 : Atom.INFINITY;
        if (!validShutdown(shutdown, false)) throw new ChildSpecException(Tuple.of(Atom.of("invalid_shutdown"), shutdown));
        if (modules == null) modules = start instanceof Mfa m ? List.of(m.module()) : List.of();
        modules = checkModules(modules);
    }

    /**
     * A permanent worker with shutdown 5000 and no modules, as {@code %{id: id, start: ...}}.
     *
     * @param id    the child's id
     * @param start starts the child
     */
    public static ChildSpec worker(Object id, Start start) {
        return new ChildSpec(id, start, PERMANENT, 5000, WORKER, null);
    }

    /** A permanent supervisor child with shutdown {@code :infinity}, as {@code type: :supervisor}. */
    public static ChildSpec supervisor(Object id, Start start) {
        return new ChildSpec(id, start, PERMANENT, Atom.INFINITY, SUPERVISOR, null);
    }

    /** This spec with another id. */
    public ChildSpec withId(Object newId) {
        return new ChildSpec(newId, start, restart, shutdown, type, modules);
    }

    /** This spec with another restart type ({@code :permanent}, {@code :transient}, {@code :temporary}). */
    public ChildSpec withRestart(Atom newRestart) {
        return new ChildSpec(id, start, newRestart, shutdown, type, modules);
    }

    /** This spec with another shutdown (ms, {@code :brutal_kill} or {@code :infinity}). */
    public ChildSpec withShutdown(Object newShutdown) {
        return new ChildSpec(id, start, restart, newShutdown, type, modules);
    }

    /** This spec with another modules list (or {@code :dynamic}). */
    public ChildSpec withModules(Object newModules) {
        return new ChildSpec(id, start, restart, shutdown, type, newModules);
    }

    /** True when the restart type is {@code :temporary}. */
    public boolean isTemporary() {
        return TEMPORARY.equals(restart);
    }

    /** True when the restart type is {@code :permanent}. */
    public boolean isPermanent() {
        return PERMANENT.equals(restart);
    }

    /** True when {@code shutdown} is {@code :brutal_kill}. */
    public boolean isBrutalKill() {
        return BRUTAL_KILL.equals(shutdown);
    }

    /** The shutdown time in ms; negative for {@code :infinity}, 0 for {@code :brutal_kill}. */
    public long shutdownMs() {
        if (shutdown instanceof Number n) return n.longValue();
        return Atom.INFINITY.equals(shutdown) ? -1 : 0;
    }

    /**
     * The start as a term: {@code {m, f, a}} for an {@link Mfa}, otherwise the {@link Start}
     * object itself (as OTP's {@code mfargs} in reports).
     */
    public Object startTerm() {
        return start instanceof Mfa m ? m.toTuple() : start;
    }

    /**
     * The spec as a term, as {@code Supervisor.child_spec/2} returns and {@code get_childspec}
     * answers: {@code %{id:, start:, restart:, shutdown:, type:, modules:}}.
     */
    public Map<Atom, Object> toTerm() {
        Map<Atom, Object> m = new LinkedHashMap<>();
        m.put(ID, id);
        m.put(MODULES, modules);
        m.put(RESTART, restart);
        m.put(SHUTDOWN, shutdown);
        m.put(START, startTerm());
        m.put(TYPE, type);
        return m;
    }

    // ---- term forms ---------------------------------------------------------------------------

    /**
     * Converts a term child spec as OTP's {@code supervisor:check_childspec/2} does (what
     * {@code Supervisor.start_link/2} and {@code Supervisor.start_child/2} apply): a map
     * {@code %{id:, start: {m, f, a}}} with optional {@code restart} (default {@code :permanent}),
     * {@code shutdown} (5000 for workers, {@code :infinity} for supervisors), {@code type}
     * (default {@code :worker}), {@code modules} (default {@code [m]}) and {@code significant}
     * (only {@code false} is accepted), or the old 6-tuple {@code {id, start, restart, shutdown,
     * type, modules}}. A {@link ChildSpec} is returned as is.
     *
     * @param term     the spec term
     * @param resolver runs the {@code {m, f, a}} start; null only when {@code term} is a ChildSpec
     * @return the spec
     * @throws ChildSpecException with OTP's reason: {@code :missing_id}, {@code :missing_start},
     *         {@code {:invalid_mfa, s}}, {@code {:invalid_restart_type, r}},
     *         {@code {:invalid_child_type, t}}, {@code {:invalid_shutdown, s}},
     *         {@code {:invalid_module, m}}, {@code {:invalid_modules, ms}},
     *         {@code {:bad_combination, ...}}, {@code {:invalid_significant, x}} or
     *         {@code {:invalid_child_spec, term}}
     */
    public static ChildSpec fromTerm(Object term, Resolver resolver) {
        if (term instanceof ChildSpec spec) return spec;
        Map<?, ?> map;
        if (term instanceof Map<?, ?> m) {
            map = m;
        } else if (term instanceof Tuple t && t.size() == 6) {
            Map<Object, Object> m = new LinkedHashMap<>();
            m.put(ID, t.get(0));
            m.put(START, t.get(1));
            m.put(RESTART, t.get(2));
            m.put(SHUTDOWN, t.get(3));
            m.put(TYPE, t.get(4));
            m.put(MODULES, t.get(5));
            map = m;
        } else {
            throw new ChildSpecException(Tuple.of(Atom.of("invalid_child_spec"), term));
        }
        if (!map.containsKey(ID)) throw new ChildSpecException(Atom.of("missing_id"));
        if (!map.containsKey(START)) throw new ChildSpecException(Atom.of("missing_start"));
        Object restart = map.containsKey(RESTART) ? map.get(RESTART) : PERMANENT;
        Object type = map.containsKey(TYPE) ? map.get(TYPE) : WORKER;
        Mfa mfa = mfa(map.get(START), resolver);
        if (!(PERMANENT.equals(restart) || TRANSIENT.equals(restart) || TEMPORARY.equals(restart))) {
            throw new ChildSpecException(Tuple.of(Atom.of("invalid_restart_type"), restart));
        }
        Object significant = map.containsKey(SIGNIFICANT) ? map.get(SIGNIFICANT) : Boolean.FALSE;
        if (Boolean.TRUE.equals(significant)) {
            // auto_shutdown is always :never here, so a significant child is a bad combination.
            throw new ChildSpecException(Tuple.of(Atom.of("bad_combination"),
                    List.of(Tuple.of(Atom.of("auto_shutdown"), Atom.of("never")), Tuple.of(SIGNIFICANT, true))));
        }
        if (!Boolean.FALSE.equals(significant)) throw new ChildSpecException(Tuple.of(Atom.of("invalid_significant"), significant));
        if (!(WORKER.equals(type) || SUPERVISOR.equals(type))) {
            throw new ChildSpecException(Tuple.of(Atom.of("invalid_child_type"), type));
        }
        Object shutdown = map.containsKey(SHUTDOWN) ? map.get(SHUTDOWN) : (WORKER.equals(type) ? (Object) 5000 : Atom.INFINITY);
        if (!validShutdown(shutdown, false)) throw new ChildSpecException(Tuple.of(Atom.of("invalid_shutdown"), shutdown));
        Object modules = map.containsKey(MODULES) ? map.get(MODULES) : List.of(mfa.module());
        return new ChildSpec(map.get(ID), mfa, (Atom) restart, shutdown, (Atom) type, modules);
    }

    /**
     * Converts a term child spec as Elixir's {@code DynamicSupervisor.start_child/2} validates it:
     * a map with at least {@code :id} and {@code start: {m, f, a}}, or the old 6-tuple; shutdown
     * must be a positive integer, {@code :brutal_kill} or {@code :infinity}. A {@link ChildSpec}
     * is returned as is.
     *
     * @throws ChildSpecException with Elixir's reason: {@code {:invalid_child_spec, term}},
     *         {@code {:invalid_mfa, s}}, {@code {:invalid_restart_type, r}},
     *         {@code {:invalid_shutdown, s}}, {@code {:invalid_child_type, t}} or
     *         {@code {:invalid_modules, ms}}
     */
    public static ChildSpec fromDynamicTerm(Object term, Resolver resolver) {
        if (term instanceof ChildSpec spec) return spec;
        Object id;
        Object start;
        Object restart;
        Object shutdown;
        Object type;
        Object modules;
        if (term instanceof Map<?, ?> map && map.containsKey(ID) && map.get(START) instanceof Tuple s && s.size() == 3) {
            id = map.get(ID);
            start = s;
            restart = map.containsKey(RESTART) ? map.get(RESTART) : PERMANENT;
            type = map.containsKey(TYPE) ? map.get(TYPE) : WORKER;
            modules = map.containsKey(MODULES) ? map.get(MODULES) : List.of(s.get(0));
            Object dflt = SUPERVISOR.equals(type) ? Atom.INFINITY : (Object) 5000;
            shutdown = map.containsKey(SHUTDOWN) ? map.get(SHUTDOWN) : dflt;
            if (!WORKER.equals(type) && !SUPERVISOR.equals(type)) {
                // Elixir's case on the type has no other clause: a CaseClauseError, as a bad spec.
                throw new ChildSpecException(Tuple.of(Atom.of("invalid_child_type"), type));
            }
        } else if (term instanceof Tuple t && t.size() == 6) {
            id = t.get(0);
            start = t.get(1);
            restart = t.get(2);
            shutdown = t.get(3);
            type = t.get(4);
            modules = t.get(5);
        } else {
            throw new ChildSpecException(Tuple.of(Atom.of("invalid_child_spec"), term));
        }
        Mfa mfa = mfa(start, resolver);
        if (!(PERMANENT.equals(restart) || TRANSIENT.equals(restart) || TEMPORARY.equals(restart))) {
            throw new ChildSpecException(Tuple.of(Atom.of("invalid_restart_type"), restart));
        }
        if (!validShutdown(shutdown, true)) throw new ChildSpecException(Tuple.of(Atom.of("invalid_shutdown"), shutdown));
        if (!(WORKER.equals(type) || SUPERVISOR.equals(type))) {
            throw new ChildSpecException(Tuple.of(Atom.of("invalid_child_type"), type));
        }
        if (!DYNAMIC.equals(modules) && !(modules instanceof List<?> l && l.stream().allMatch(x -> x instanceof Atom))) {
            throw new ChildSpecException(Tuple.of(Atom.of("invalid_modules"), modules));
        }
        return new ChildSpec(id, mfa, (Atom) restart, shutdown, (Atom) type, modules);
    }

    private static Mfa mfa(Object start, Resolver resolver) {
        if (start instanceof Tuple t && t.size() == 3 && t.get(0) instanceof Atom m && t.get(1) instanceof Atom f
                && t.get(2) instanceof List<?> a) {
            if (resolver == null) throw new IllegalArgumentException("an {m, f, a} start needs a resolver");
            return new Mfa(m, f, new ArrayList<>(a), resolver);
        }
        throw new ChildSpecException(Tuple.of(Atom.of("invalid_mfa"), start));
    }

    private static boolean validShutdown(Object s, boolean positive) {
        if (s instanceof Integer || s instanceof Long || s instanceof Short || s instanceof Byte
                || s instanceof java.math.BigInteger) {
            long v = ((Number) s).longValue();
            return positive ? v > 0 : v >= 0;
        }
        return Atom.INFINITY.equals(s) || BRUTAL_KILL.equals(s);
    }

    private static Object checkModules(Object modules) {
        if (DYNAMIC.equals(modules)) return modules;
        if (!(modules instanceof List<?> l)) throw new ChildSpecException(Tuple.of(Atom.of("invalid_modules"), modules));
        for (Object m : l) {
            if (!(m instanceof Atom)) throw new ChildSpecException(Tuple.of(Atom.of("invalid_module"), m));
        }
        return List.copyOf(l);
    }
}
