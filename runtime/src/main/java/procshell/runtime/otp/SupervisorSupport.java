package procshell.runtime.otp;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.node.ErrorReason;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.Mailbox;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.process.ProcessExitedError;

/**
 * What {@link Supervisor} and {@link DynamicSupervisor} share: calling a child's start function,
 * shutting a child down, counting restarts against the intensity, and supervisor reports.
 * Everything here runs in the supervisor process.
 */
final class SupervisorSupport {
    static final Atom EXIT_TAG = Atom.EXIT;
    static final Atom CHILD_TERMINATED = Atom.of("child_terminated");
    static final Atom START_ERROR = Atom.of("start_error");
    static final Atom SHUTDOWN_ERROR = Atom.of("shutdown_error");
    static final Atom REACHED_MAX = Atom.of("reached_max_restart_intensity");
    static final Atom RESTARTING = Atom.of("restarting");
    /** The crash-report kind of supervisor reports ({@link procshell.runtime.event.NodeEvent.CrashReport}). */
    static final Atom SUPERVISOR_REPORT = Atom.of("supervisor_report");

    /**
     * How long to wait, after a child's DOWN, for the EXIT of a child we were linked to. On the
     * BEAM unlink/1 guarantees that the EXIT is already queued or never comes. Here the EXIT is
     * queued before the DOWN, except when the child died inside an exit-signal cascade run by a
     * third thread, which queues link signals until the cascade unwinds; then it comes a moment
     * later. The bound only guards a child that unlinked itself.
     */
    private static final long LINKED_EXIT_WAIT_MS = 1000;

    private SupervisorSupport() {}

    /**
     * Calls a start function and normalises what it returns, as {@code do_start_child_i/3}.
     *
     * @param otp true for supervisor.erl's {@code catch apply(...)} (a failure becomes
     *            {@code {:error, {:EXIT, reason}}}); false for DynamicSupervisor's
     *            (a failure becomes {@code {:error, reason}})
     * @return {@code {:ok, pid}}, {@code {:ok, pid, info}}, {@code :ignore} or {@code {:error, e}}
     * @throws ProcessExitedError when the supervisor itself died meanwhile
     */
    static Object callStart(ProcessContext self, ChildSpec.Start start, boolean otp) {
        Object r;
        try {
            r = start.start();
        } catch (ProcessExitedError e) {
            throw e;
        } catch (Throwable t) {
            // A kill of the supervisor interrupts whatever the start function was waiting on.
            self.process().checkAlive();
            Object reason;
            if (t instanceof ExitException e) reason = e.reason();
            else reason = ErrorReason.of(t);
            return Tuple.of(Atom.ERROR, otp ? Tuple.of(EXIT_TAG, reason) : reason);
        }
        if (r instanceof Tuple t && t.size() == 2 && Atom.OK.equals(t.get(0)) && t.get(1) instanceof Pid) return t;
        if (r instanceof Tuple t && t.size() == 3 && Atom.OK.equals(t.get(0)) && t.get(1) instanceof Pid) return t;
        if (Atom.IGNORE.equals(r)) return r;
        if (r instanceof Tuple t && t.isTagged(Atom.ERROR, 2)) return t;
        return Tuple.of(Atom.ERROR, r);
    }

    /** The pid in {@code {:ok, pid}} / {@code {:ok, pid, info}}, or null. */
    static Pid startedPid(Object result) {
        return result instanceof Tuple t && t.size() >= 2 && Atom.OK.equals(t.get(0)) && t.get(1) instanceof Pid p ? p : null;
    }

    /**
     * Shuts one child down and waits for it, as supervisor.erl's {@code shutdown/2}: monitor,
     * {@code exit(pid, :shutdown)}, wait up to the spec's shutdown for the DOWN, then
     * {@code exit(pid, :kill)}; {@code :brutal_kill} kills at once; {@code :infinity} waits.
     * Afterwards the link is removed and the child's EXIT message consumed.
     *
     * @return null when the child died as expected, otherwise the reason it died with (to report
     *         as {@code shutdown_error})
     */
    static Object shutdown(ProcessContext self, Pid pid, ChildSpec spec) {
        boolean linked = self.process().links().contains(pid);
        Ref mon = self.monitor(pid);
        boolean brutal = spec.isBrutalKill();
        self.exit(pid, brutal ? Atom.KILL : Atom.SHUTDOWN);
        Object down = awaitDown(self, mon, brutal ? -1 : spec.shutdownMs());
        if (down == Mailbox.TIMEOUT) {
            self.exit(pid, Atom.KILL);
            down = awaitDown(self, mon, -1);
        }
        Object reason = unlinkFlush(self, pid, ((Tuple) down).get(4), linked);
        boolean permanent = spec.isPermanent();
        if (brutal && Atom.KILLED.equals(reason)) return null;
        if (brutal && Atom.SHUTDOWN.equals(reason) && !permanent) return null;
        if (!brutal && Atom.SHUTDOWN.equals(reason)) return null;
        if (reason instanceof Tuple t && t.isTagged(Atom.SHUTDOWN, 2) && !permanent) return null;
        if (Atom.NORMAL.equals(reason) && !permanent) return null;
        return reason;
    }

    static Object awaitDown(ProcessContext self, Ref mon, long timeoutMs) {
        return self.receive(m -> m instanceof Tuple t && t.isTagged(Atom.DOWN, 5) && mon.equals(t.get(1)), timeoutMs);
    }

    /**
     * Unlinks and takes the child's EXIT message if there is one, as {@code unlink_flush/2}.
     *
     * @return the EXIT's reason, or {@code dflt} (the DOWN's reason) when none came
     */
    static Object unlinkFlush(ProcessContext self, Pid pid, Object dflt, boolean linked) {
        self.unlink(pid);
        Object exit = self.receive(m -> m instanceof Tuple t && t.isTagged(EXIT_TAG, 3) && pid.equals(t.get(1)),
                linked ? LINKED_EXIT_WAIT_MS : 0);
        return exit == Mailbox.TIMEOUT ? dflt : ((Tuple) exit).get(2);
    }

    /**
     * Unlinks a child that may already be dead, as Elixir's {@code monitor_child/1}: when its EXIT
     * is already queued, returns that reason (after taking the DOWN), else null.
     */
    static Object monitorChild(ProcessContext self, Pid pid, Ref mon) {
        self.unlink(pid);
        Object exit = self.receive(m -> m instanceof Tuple t && t.isTagged(EXIT_TAG, 3) && pid.equals(t.get(1)), 0);
        if (exit == Mailbox.TIMEOUT) return null;
        awaitDown(self, mon, -1);
        return ((Tuple) exit).get(2);
    }

    /** The restarts within the period, as the {@code restarts} list of supervisor.erl. */
    static final class Intensity {
        private final int maxRestarts;
        private final int periodSeconds;
        private final ArrayDeque<Long> restarts = new ArrayDeque<>();

        Intensity(int maxRestarts, int periodSeconds) {
            this.maxRestarts = maxRestarts;
            this.periodSeconds = periodSeconds;
        }

        /**
         * Counts one restart, as {@code add_restart/1}: drops those older than the period (in
         * whole seconds of monotonic time, as OTP's {@code erlang:monotonic_time(1)}).
         *
         * @return true when the restart is allowed, false when the intensity is exceeded
         */
        boolean add() {
            long now = System.nanoTime() / 1_000_000_000L;
            long threshold = now - periodSeconds;
            // Newest first and time only grows: the expired ones are all at the tail. (Scanning the
            // whole window made a restart storm under a large intensity quadratic.)
            while (!restarts.isEmpty() && restarts.peekLast() < threshold) restarts.pollLast();
            restarts.addFirst(now);
            return restarts.size() <= maxRestarts;
        }

        /** Restarts within the window, the last one included. */
        int count() {
            return restarts.size();
        }

        int max() {
            return maxRestarts;
        }
    }

    /**
     * The supervisor's name as OTP reports it: {@code {:local, name}}, the {@code {:global, _}} or
     * {@code {:via, _, _}} tuple, or {@code {pid, module}} for an unnamed one.
     */
    static Object supName(Object name, Pid self, Atom module) {
        if (name instanceof Atom a) return Tuple.of(Atom.of("local"), a);
        if (name != null) return name;
        return Tuple.of(self, module);
    }

    /**
     * Publishes a supervisor report, as supervisor.erl's {@code ?report_error}: a
     * {@link procshell.runtime.event.NodeEvent.CrashReport} of kind {@code :supervisor_report}
     * whose report holds {@code supervisor} (see {@link #supName}), {@code errorContext}
     * ({@code :start_error}, {@code :child_terminated}, {@code :shutdown_error} or
     * {@code :shutdown}), {@code reason} and {@code offender} (a map: {@code pid}, {@code id},
     * {@code mfargs}, {@code restart_type}, {@code shutdown}, {@code child_type}).
     */
    static void report(ProcessContext self, Object supName, Atom context, Object reason, Object pid, Object id,
            ChildSpec spec, Object mfargs) {
        if (!self.node().events().active()) return;
        Map<String, Object> offender = new LinkedHashMap<>();
        offender.put("pid", pid == null ? Atom.UNDEFINED : pid);
        offender.put("id", id);
        offender.put("mfargs", mfargs);
        offender.put("restart_type", spec.restart());
        offender.put("significant", Boolean.FALSE);
        offender.put("shutdown", spec.shutdown());
        offender.put("child_type", spec.type());
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("supervisor", supName);
        report.put("errorContext", context);
        report.put("reason", reason);
        report.put("offender", offender);
        self.node().events().publishCrash(SUPERVISOR_REPORT, self.self(), report);
    }

    /** Publishes {@code "<Who> received unexpected message: msg"} as a crash report. */
    static void unexpected(ProcessContext self, Atom module, Object message) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("module", module);
        report.put("name", self.process().registeredName() != null ? self.process().registeredName() : self.self());
        report.put("message", message);
        self.node().events().publishCrash(Atom.of("unexpected_message"), self.self(), report);
    }

    /** True for {@code :normal}, {@code :shutdown} and {@code {:shutdown, _}}: no restart for transient. */
    static boolean isNormalExit(Object reason) {
        return Atom.NORMAL.equals(reason) || Atom.SHUTDOWN.equals(reason)
                || (reason instanceof Tuple t && t.isTagged(Atom.SHUTDOWN, 2));
    }

    /** Parses a timeout term: an integer of ms, or {@code :infinity} as -1. */
    static long timeoutMs(Object timeout) {
        if (timeout instanceof Number n) return n.longValue();
        if (Atom.INFINITY.equals(timeout)) return -1;
        throw new IllegalArgumentException("invalid timeout: " + timeout);
    }

    /**
     * Validates a term child spec, then asks the supervisor to start it, as start_child/2 does:
     * an invalid spec gives {@code {:error, reason}} without a call.
     */
    static Object startChecked(Object sup, java.util.function.Supplier<ChildSpec> check) {
        ChildSpec checked;
        try {
            checked = check.get();
        } catch (ChildSpecException e) {
            return Tuple.of(Atom.ERROR, e.reason());
        }
        return Supervisor.call(sup, Tuple.of(Supervisor.START_CHILD, checked));
    }
}
