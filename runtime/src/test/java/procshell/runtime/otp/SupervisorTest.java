package procshell.runtime.otp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import procshell.runtime.TestNode;
import procshell.runtime.event.NodeEvent;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.Await;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.ProcessContext;

/**
 * Supervisor, as OTP's supervisor.erl behind Elixir's {@code Supervisor}: strategies, restart
 * types, intensity, start failures, the child API and shutdown.
 */
class SupervisorTest {
    static final Atom PERMANENT = Atom.of("permanent");
    static final Atom TRANSIENT = Atom.of("transient");
    static final Atom TEMPORARY = Atom.of("temporary");
    static final Atom WORKER = Atom.of("worker");
    static final Atom BOOM = Atom.of("boom");
    static final Atom WORKER_MODULE = Atom.module("Worker");
    private static final Atom A = Atom.of("a");
    private static final Atom B = Atom.of("b");
    private static final Atom C = Atom.of("c");

    @RegisterExtension
    final TestNode rt = TestNode.recordingEvents();

    // ---- helpers, shared with DynamicSupervisorTest -------------------------------------------

    static Tuple t(Object... elements) {
        return Tuple.of(elements);
    }

    static Atom a(String name) {
        return Atom.of(name);
    }

    static Pid okPid(Object result) {
        Tuple t = assertInstanceOf(Tuple.class, result, () -> "expected {:ok, pid}, got " + result);
        assertEquals(Atom.OK, t.get(0), () -> "expected {:ok, pid}, got " + result);
        return assertInstanceOf(Pid.class, t.get(1));
    }

    /**
     * A test GenServer: replies {@code :pong} to {@code :ping}, stops with the reason cast as
     * {@code {:exit, reason}}, optionally traps exits, records its terminate, and can hang there.
     */
    static final class Worker extends GenServer {
        final boolean trap;
        final long hangMs;
        final List<Object> terminated;

        Worker(boolean trap, long hangMs, List<Object> terminated) {
            this.trap = trap;
            this.hangMs = hangMs;
            this.terminated = terminated;
        }

        @Override
        public Atom module() {
            return WORKER_MODULE;
        }

        @Override
        public Object init(Object arg) {
            if (trap) ProcessContext.require().trapExit(true);
            return t(Atom.OK, arg);
        }

        @Override
        public Object handleCall(Object request, Tuple from, Object state) {
            return t(a("reply"), a("pong"), state);
        }

        @Override
        public Object handleCast(Object request, Object state) {
            Tuple r = (Tuple) request;
            return t(a("stop"), r.get(1), state);
        }

        @Override
        public Object terminate(Object reason, Object state) {
            if (terminated != null) terminated.add(state);
            if (hangMs > 0) ProcessContext.require().receive(m -> false, hangMs);
            return Atom.OK;
        }
    }

    /** Starts a linked {@link Worker} with {@code arg} as its state, registered as {@code name} when not null. */
    static ChildSpec.Start worker(Object arg, Atom name) {
        return () -> GenServer.startLink(new Worker(false, 0, null), arg,
                name == null ? StartOptions.DEFAULT : StartOptions.named(name));
    }

    static ChildSpec workerSpec(Atom id) {
        return ChildSpec.worker(id, worker(id, id)).withModules(List.of(WORKER_MODULE));
    }

    /** What count_children answers: {@code %{active: _, specs: _, supervisors: _, workers: _}}. */
    static Map<Atom, Object> counts(int active, int specs, int supervisors, int workers) {
        Map<Atom, Object> m = new LinkedHashMap<>();
        m.put(a("active"), active);
        m.put(a("specs"), specs);
        m.put(a("supervisors"), supervisors);
        m.put(a("workers"), workers);
        return m;
    }

    /** The pid which_children shows for {@code id} (a Pid, :restarting or :undefined), or null when absent. */
    private Object childOf(Object sup, Object id) {
        for (Object o : Supervisor.whichChildren(sup)) {
            Tuple c = (Tuple) o;
            if (c.get(0).equals(id)) return c.get(1);
        }
        return null;
    }

    /** Waits until {@code id} runs under a pid other than {@code old}, and returns it. */
    private Pid awaitRestarted(Object sup, Object id, Pid old) {
        AtomicReference<Pid> now = new AtomicReference<>();
        Await.until(id + " restarted", () -> {
            Object p = childOf(sup, id);
            if (p instanceof Pid pid && !pid.equals(old) && rt.node().isAlive(pid)) {
                now.set(pid);
                return true;
            }
            return false;
        });
        return now.get();
    }

    private Pid startSup(SupervisorFlags flags, ChildSpec... children) {
        return okPid(Supervisor.startLink(List.of(children), flags, null));
    }

    // ---- one_for_one and restart types --------------------------------------------------------

    @Test
    void oneForOneRestartsAKilledPermanentChildAndTheNameFollowsTheNewPid() {
        Pid sup = startSup(SupervisorFlags.oneForOne(), workerSpec(A), workerSpec(B));
        Pid a1 = rt.node().whereis(A);
        Pid b1 = rt.node().whereis(B);
        assertEquals(List.of(t(B, b1, WORKER, List.of(WORKER_MODULE)), t(A, a1, WORKER, List.of(WORKER_MODULE))),
                Supervisor.whichChildren(sup), "which_children lists newest first");

        rt.kill(a1);
        Pid a2 = awaitRestarted(sup, A, a1);
        assertNotEquals(a1, a2);
        assertEquals(a2, rt.node().whereis(A), "the name follows the new pid");
        assertEquals(b1, rt.node().whereis(B), "one_for_one leaves siblings alone");
        assertEquals(a("pong"), GenServer.call(A, a("ping")));
        assertEquals(counts(2, 2, 0, 2), Supervisor.countChildren(sup));

        NodeEvent.Restarted r = rt.events().stream().filter(e -> e instanceof NodeEvent.Restarted)
                .map(e -> (NodeEvent.Restarted) e).findFirst().orElseThrow();
        assertEquals(new NodeEvent.Restarted(sup, A, a1, a2, Atom.KILLED, SupervisorFlags.ONE_FOR_ONE, 1, 3), r);
        assertTrue(rt.events().stream().anyMatch(e -> e instanceof NodeEvent.CrashReport c
                && c.kind().equals(a("supervisor_report")) && c.report().get("errorContext").equals(a("child_terminated"))
                && c.report().get("reason").equals(Atom.KILLED)), "a child_terminated report is published");
    }

    @Test
    void transientChildIsRestartedOnlyAfterAnAbnormalExit() {
        Pid sup = startSup(SupervisorFlags.oneForOne(), workerSpec(A).withRestart(TRANSIENT),
                workerSpec(B).withRestart(TRANSIENT), workerSpec(C).withRestart(TRANSIENT));
        Pid a1 = rt.node().whereis(A);
        GenServer.cast(A, t(a("exit"), Atom.NORMAL));
        Await.until("a stopped", () -> Atom.UNDEFINED.equals(childOf(sup, A)));
        Pid b1 = rt.node().whereis(B);
        GenServer.cast(B, t(a("exit"), t(Atom.SHUTDOWN, a("done"))));
        Await.until("b stopped", () -> Atom.UNDEFINED.equals(childOf(sup, B)));
        assertFalse(rt.node().isAlive(a1));
        assertFalse(rt.node().isAlive(b1));
        assertEquals(counts(1, 3, 0, 3), Supervisor.countChildren(sup), "the specs stay");

        Pid c1 = rt.node().whereis(C);
        GenServer.cast(C, t(a("exit"), BOOM));
        Pid c2 = awaitRestarted(sup, C, c1);
        assertEquals(c2, rt.node().whereis(C));
        assertEquals(counts(1, 3, 0, 3), Supervisor.countChildren(sup));
    }

    @Test
    void temporaryChildIsNeverRestartedAndItsSpecGoes() {
        Pid sup = startSup(SupervisorFlags.oneForOne(), workerSpec(A).withRestart(TEMPORARY), workerSpec(B));
        Pid a1 = rt.node().whereis(A);
        rt.kill(a1);
        Await.until("a removed", () -> childOf(sup, A) == null);
        assertEquals(counts(1, 1, 0, 1), Supervisor.countChildren(sup));
        assertEquals(t(Atom.ERROR, a("not_found")), Supervisor.restartChild(sup, A));
        assertTrue(rt.events().stream().noneMatch(e -> e instanceof NodeEvent.Restarted));
    }

    // ---- one_for_all and rest_for_one ---------------------------------------------------------

    @Test
    void oneForAllRestartsEveryChildInStartOrder() {
        List<Object> terminated = new CopyOnWriteArrayList<>();
        ChildSpec.Start trapping = () -> GenServer.startLink(new Worker(true, 0, terminated), A, StartOptions.named(A));
        Pid sup = startSup(SupervisorFlags.of(SupervisorFlags.ONE_FOR_ALL),
                ChildSpec.worker(A, trapping), workerSpec(B), workerSpec(C));
        Pid a1 = rt.node().whereis(A);
        Pid b1 = rt.node().whereis(B);
        Pid c1 = rt.node().whereis(C);
        rt.kill(b1);
        Pid b2 = awaitRestarted(sup, B, b1);
        Pid a2 = awaitRestarted(sup, A, a1);
        Pid c2 = awaitRestarted(sup, C, c1);
        assertFalse(rt.node().isAlive(a1));
        assertFalse(rt.node().isAlive(c1));
        assertEquals(List.of(A), terminated, "a sibling is shut down with :shutdown, running terminate/2");
        assertEquals(List.of(a2, b2, c2), List.of(rt.node().whereis(A), rt.node().whereis(B), rt.node().whereis(C)));
        assertEquals(counts(3, 3, 0, 3), Supervisor.countChildren(sup));
        List<NodeEvent.Restarted> restarts = rt.events().stream().filter(e -> e instanceof NodeEvent.Restarted)
                .map(e -> (NodeEvent.Restarted) e).toList();
        assertEquals(List.of(A, B, C), restarts.stream().map(NodeEvent.Restarted::childId).toList());
        assertEquals(Atom.KILLED, restarts.get(1).reason());
        assertEquals(Atom.SHUTDOWN, restarts.get(0).reason());
    }

    @Test
    void oneForAllDropsTemporarySiblings() {
        Pid sup = startSup(SupervisorFlags.of(SupervisorFlags.ONE_FOR_ALL),
                workerSpec(A).withRestart(TEMPORARY), workerSpec(B));
        Pid a1 = rt.node().whereis(A);
        Pid b1 = rt.node().whereis(B);
        rt.kill(b1);
        awaitRestarted(sup, B, b1);
        assertFalse(rt.node().isAlive(a1));
        assertEquals(null, childOf(sup, A), "a temporary sibling is terminated and not restarted");
    }

    @Test
    void restForOneRestartsTheChildAndThoseStartedAfterIt() {
        Pid sup = startSup(SupervisorFlags.of(SupervisorFlags.REST_FOR_ONE), workerSpec(A), workerSpec(B), workerSpec(C));
        Pid a1 = rt.node().whereis(A);
        Pid b1 = rt.node().whereis(B);
        Pid c1 = rt.node().whereis(C);
        rt.kill(b1);
        awaitRestarted(sup, B, b1);
        awaitRestarted(sup, C, c1);
        assertEquals(a1, rt.node().whereis(A), "children started before the dead one stay");
        assertFalse(rt.node().isAlive(c1));
        assertEquals(counts(3, 3, 0, 3), Supervisor.countChildren(sup));
    }

    // ---- intensity ----------------------------------------------------------------------------

    @Test
    void tooManyRestartsShutDownTheSupervisorAndItsChildren() {
        rt.self().trapExit(true);
        Pid sup = startSup(SupervisorFlags.oneForOne().withIntensity(3, 5), workerSpec(A), workerSpec(B));
        Pid b = rt.node().whereis(B);
        Ref mon = rt.self().monitor(sup);
        Pid a = rt.node().whereis(A);
        for (int i = 0; i < 3; i++) {
            rt.kill(a);
            a = awaitRestarted(sup, A, a);
        }
        rt.kill(a);
        assertEquals(Atom.SHUTDOWN, Await.exitFrom(rt.self(), sup));
        assertEquals(Atom.SHUTDOWN, Await.down(rt.self(), mon));
        assertFalse(rt.node().isAlive(sup));
        assertFalse(rt.node().isAlive(b), "the other children are shut down");
        assertFalse(rt.node().isAlive(a));
        assertEquals(null, rt.node().whereis(A));
        assertTrue(rt.events().stream().anyMatch(e -> e instanceof NodeEvent.CrashReport c
                && a("reached_max_restart_intensity").equals(c.report().get("reason"))
                && Atom.SHUTDOWN.equals(c.report().get("errorContext"))));
        List<Integer> windows = rt.events().stream().filter(e -> e instanceof NodeEvent.Restarted)
                .map(e -> ((NodeEvent.Restarted) e).restarts()).toList();
        assertEquals(List.of(1, 2, 3), windows);
    }

    @Test
    void zeroMaxRestartsGivesUpAtTheFirstDeath() {
        rt.self().trapExit(true);
        Pid sup = startSup(SupervisorFlags.oneForOne().withIntensity(0, 5), workerSpec(A));
        rt.kill(rt.node().whereis(A));
        assertEquals(Atom.SHUTDOWN, Await.exitFrom(rt.self(), sup));
    }

    // ---- start failures -----------------------------------------------------------------------

    @Test
    void aChildThatFailsToStartStopsTheOthersAndTheSupervisor() {
        rt.self().trapExit(true);
        AtomicReference<Pid> started = new AtomicReference<>();
        AtomicBoolean thirdCalled = new AtomicBoolean();
        ChildSpec first = ChildSpec.worker(A, () -> {
            Object r = worker(A, A).start();
            started.set(okPid(r));
            return r;
        });
        ChildSpec failing = ChildSpec.worker(B, () -> t(Atom.ERROR, BOOM));
        ChildSpec third = ChildSpec.worker(C, () -> {
            thirdCalled.set(true);
            return worker(C, C).start();
        });
        Object r = Supervisor.startLink(List.of(first, failing, third), SupervisorFlags.oneForOne(), a("the_sup"));
        Object reason = t(Atom.SHUTDOWN, t(a("failed_to_start_child"), B, BOOM));
        assertEquals(t(Atom.ERROR, reason), r);
        assertFalse(rt.node().isAlive(started.get()), "the child started before is stopped");
        assertFalse(thirdCalled.get(), "children after the failed one are not started");
        assertEquals(null, rt.node().whereis(a("the_sup")));
        Tuple exit = (Tuple) Await.receive(rt.self(), m -> m instanceof Tuple e && e.isTagged(Atom.EXIT, 3) && reason.equals(e.get(2)),
                "the supervisor's EXIT");
        assertInstanceOf(Pid.class, exit.get(1));
    }

    @Test
    void startFunctionsThatThrowOrReturnGarbageFailToStart() {
        rt.self().trapExit(true);
        ChildSpec throwing = ChildSpec.worker(A, () -> {
            throw new IllegalStateException("nope");
        });
        Tuple r = (Tuple) Supervisor.startLink(List.of(throwing), SupervisorFlags.oneForOne(), null);
        Tuple failed = (Tuple) ((Tuple) r.get(1)).get(1);
        assertEquals(a("failed_to_start_child"), failed.get(0));
        Tuple exit = (Tuple) failed.get(2);
        assertEquals(Atom.EXIT, exit.get(0), "supervisor.erl's catch gives {:EXIT, reason}");
        assertInstanceOf(IllegalStateException.class, ((Tuple) exit.get(1)).get(0));

        ChildSpec exiting = ChildSpec.worker(A, () -> {
            throw new ExitException(BOOM);
        });
        assertEquals(t(Atom.ERROR, t(Atom.SHUTDOWN, t(a("failed_to_start_child"), A, t(Atom.EXIT, BOOM)))),
                Supervisor.startLink(List.of(exiting), SupervisorFlags.oneForOne(), null));

        ChildSpec garbage = ChildSpec.worker(A, () -> a("what"));
        assertEquals(t(Atom.ERROR, t(Atom.SHUTDOWN, t(a("failed_to_start_child"), A, a("what")))),
                Supervisor.startLink(List.of(garbage), SupervisorFlags.oneForOne(), null));
    }

    @Test
    void anIgnoredChildKeepsItsSpecUnlessTemporary() {
        Pid sup = startSup(SupervisorFlags.oneForOne(), ChildSpec.worker(A, () -> Atom.IGNORE),
                ChildSpec.worker(B, () -> Atom.IGNORE).withRestart(TEMPORARY));
        assertEquals(List.of(t(A, Atom.UNDEFINED, WORKER, List.of())), Supervisor.whichChildren(sup));
        assertEquals(counts(0, 1, 0, 1), Supervisor.countChildren(sup));
    }

    @Test
    void badSpecsAndFlagsAreRejectedAsOtpDoes() {
        rt.self().trapExit(true);
        ChildSpec.Resolver resolver = (m, f, args) -> fail("not started");
        Map<Atom, Object> bad = new LinkedHashMap<>();
        bad.put(a("id"), A);
        bad.put(a("start"), t(WORKER_MODULE, a("start_link"), List.of()));
        bad.put(a("restart"), a("forever"));
        assertEquals(t(Atom.ERROR, t(a("start_spec"), t(a("invalid_restart_type"), a("forever")))),
                Supervisor.startLink(List.of(bad), SupervisorFlags.oneForOne(), null, resolver));
        assertEquals(t(Atom.ERROR, t(a("start_spec"), t(a("duplicate_child_name"), A))),
                Supervisor.startLink(List.of(workerSpec(A), workerSpec(A)), SupervisorFlags.oneForOne(), null));
        assertEquals(t(Atom.ERROR, t(a("supervisor_data"), t(a("invalid_strategy"), a("one_for_none")))),
                Supervisor.startLink(List.of(), SupervisorFlags.of(a("one_for_none")), null));
        assertEquals(t(Atom.ERROR, t(a("supervisor_data"), t(a("invalid_intensity"), -1))),
                Supervisor.startLink(List.of(), SupervisorFlags.oneForOne().withIntensity(-1, 5), null));
    }

    @Test
    void nameTakenGivesAlreadyStarted() {
        Pid first = okPid(Supervisor.startLink(List.of(), SupervisorFlags.oneForOne(), a("sup")));
        assertEquals(first, rt.node().whereis(a("sup")));
        assertEquals(t(Atom.ERROR, t(a("already_started"), first)),
                Supervisor.startLink(List.of(), SupervisorFlags.oneForOne(), a("sup")));
        assertEquals(List.of(), Supervisor.whichChildren(a("sup")));
    }

    // ---- the child API ------------------------------------------------------------------------

    @Test
    void terminateRestartDeleteAndStartChildAnswerAsOtp() {
        Pid sup = startSup(SupervisorFlags.oneForOne(), workerSpec(A));
        Pid a1 = rt.node().whereis(A);
        Ref mon = rt.self().monitor(a1);
        assertEquals(Atom.OK, Supervisor.terminateChild(sup, A));
        assertEquals(Atom.SHUTDOWN, Await.down(rt.self(), mon));
        assertEquals(Atom.UNDEFINED, childOf(sup, A));
        assertEquals(t(Atom.ERROR, a("not_found")), Supervisor.terminateChild(sup, a("nope")));
        assertEquals(Atom.OK, Supervisor.terminateChild(sup, A), "terminating a stopped child is fine");

        Pid a2 = okPid(Supervisor.restartChild(sup, A));
        assertEquals(a2, rt.node().whereis(A));
        assertEquals(t(Atom.ERROR, a("running")), Supervisor.restartChild(sup, A));
        assertEquals(t(Atom.ERROR, a("not_found")), Supervisor.restartChild(sup, a("nope")));

        assertEquals(t(Atom.ERROR, a("running")), Supervisor.deleteChild(sup, A));
        assertEquals(Atom.OK, Supervisor.terminateChild(sup, A));
        assertEquals(Atom.OK, Supervisor.deleteChild(sup, A));
        assertEquals(t(Atom.ERROR, a("not_found")), Supervisor.deleteChild(sup, A));
        assertEquals(List.of(), Supervisor.whichChildren(sup));

        Pid b = okPid(Supervisor.startChild(sup, workerSpec(B)));
        assertEquals(t(Atom.ERROR, t(a("already_started"), b)), Supervisor.startChild(sup, workerSpec(B)));
        assertEquals(Atom.OK, Supervisor.terminateChild(sup, B));
        assertEquals(t(Atom.ERROR, a("already_present")), Supervisor.startChild(sup, workerSpec(B)));
        assertEquals(t(Atom.OK, Atom.UNDEFINED), Supervisor.startChild(sup, ChildSpec.worker(C, () -> Atom.IGNORE)));

        ChildSpec failing = ChildSpec.worker(a("f"), () -> t(Atom.ERROR, BOOM));
        Tuple err = (Tuple) Supervisor.startChild(sup, failing);
        assertEquals(Atom.ERROR, err.get(0));
        Tuple what = (Tuple) err.get(1);
        assertEquals(BOOM, what.get(0));
        assertEquals(t(a("child"), Atom.UNDEFINED, a("f"), failing.start(), PERMANENT, false, 5000, WORKER, List.of()),
                what.get(1), "the error carries OTP's child record");
        assertEquals(null, childOf(sup, a("f")), "a child that failed to start is not kept");

        assertEquals(t(Atom.ERROR, a("missing_id")),
                Supervisor.startChild(sup, Map.of(a("start"), t(WORKER_MODULE, a("start_link"), List.of())), (m, f, x) -> null));
        Tuple spec = (Tuple) Supervisor.getChildspec(sup, B);
        assertEquals(Atom.OK, spec.get(0));
        assertEquals(B, ((Map<?, ?>) spec.get(1)).get(a("id")));
        assertEquals(t(Atom.ERROR, a("not_found")), Supervisor.getChildspec(sup, a("nope")));
    }

    @Test
    void aChildWhoseRestartFailsIsRestartingUntilItStarts() {
        AtomicBoolean fail = new AtomicBoolean();
        AtomicInteger attempts = new AtomicInteger();
        ChildSpec flaky = ChildSpec.worker(A, () -> {
            if (fail.get()) {
                attempts.incrementAndGet();
                Thread.sleep(20); // keep the retry loop slow, well inside the intensity
                return t(Atom.ERROR, BOOM);
            }
            return worker(A, A).start();
        });
        Pid sup = startSup(SupervisorFlags.oneForOne().withIntensity(10_000, 60), flaky);
        Pid a1 = rt.node().whereis(A);
        fail.set(true);
        rt.kill(a1);
        Await.until("a restarting", () -> a("restarting").equals(childOf(sup, A)));
        assertEquals(t(Atom.ERROR, a("restarting")), Supervisor.restartChild(sup, A));
        assertEquals(t(Atom.ERROR, a("restarting")), Supervisor.deleteChild(sup, A));
        assertEquals(counts(0, 1, 0, 1), Supervisor.countChildren(sup));
        fail.set(false);
        Pid a2 = awaitRestarted(sup, A, a1);
        assertEquals(a2, rt.node().whereis(A));
        assertTrue(attempts.get() >= 1);
        assertEquals(counts(1, 1, 0, 1), Supervisor.countChildren(sup));
    }

    @Test
    void termSpecsRunThroughTheResolver() {
        List<List<Object>> calls = new CopyOnWriteArrayList<>();
        ChildSpec.Resolver resolver = (m, f, args) -> {
            assertEquals(WORKER_MODULE, m);
            calls.add(args);
            Atom name = (Atom) args.get(0);
            return GenServer.startLink(new Worker(false, 0, null), name, StartOptions.named(name));
        };
        Map<Atom, Object> spec = new LinkedHashMap<>();
        spec.put(a("id"), A);
        spec.put(a("start"), t(WORKER_MODULE, a("start_link"), List.of(A)));
        Pid sup = okPid(Supervisor.startLink(List.of(spec), SupervisorFlags.oneForOne(), null, resolver));
        assertEquals(List.of(t(A, rt.node().whereis(A), WORKER, List.of(WORKER_MODULE))), Supervisor.whichChildren(sup));
        rt.kill(rt.node().whereis(A));
        Await.until("a restarted", () -> calls.size() == 2 && rt.node().whereis(A) != null);
        assertEquals(List.of(List.of(A), List.of(A)), calls);

        ChildSpec converted = ChildSpec.fromTerm(spec, resolver);
        assertEquals(5000, converted.shutdown());
        assertEquals(PERMANENT, converted.restart());
        assertEquals(WORKER, converted.type());
        assertEquals(t(WORKER_MODULE, a("start_link"), List.of(A)), converted.startTerm());
    }

    @Test
    void childSpecFromTermValidatesAsOtp() {
        ChildSpec.Resolver r = (m, f, args) -> null;
        Tuple mfa = t(WORKER_MODULE, a("start_link"), List.of());
        assertEquals(a("missing_id"), reason(() -> ChildSpec.fromTerm(Map.of(a("start"), mfa), r)));
        assertEquals(a("missing_start"), reason(() -> ChildSpec.fromTerm(Map.of(a("id"), A), r)));
        assertEquals(t(a("invalid_mfa"), a("nope")), reason(() -> ChildSpec.fromTerm(Map.of(a("id"), A, a("start"), a("nope")), r)));
        assertEquals(t(a("invalid_child_type"), a("boss")),
                reason(() -> ChildSpec.fromTerm(Map.of(a("id"), A, a("start"), mfa, a("type"), a("boss")), r)));
        assertEquals(t(a("invalid_shutdown"), -1),
                reason(() -> ChildSpec.fromTerm(Map.of(a("id"), A, a("start"), mfa, a("shutdown"), -1), r)));
        assertEquals(t(a("invalid_modules"), 7),
                reason(() -> ChildSpec.fromTerm(Map.of(a("id"), A, a("start"), mfa, a("modules"), 7), r)));
        assertEquals(t(a("invalid_child_spec"), 42), reason(() -> ChildSpec.fromTerm(42, r)));
        ChildSpec sup = ChildSpec.fromTerm(Map.of(a("id"), A, a("start"), mfa, a("type"), a("supervisor")), r);
        assertEquals(Atom.INFINITY, sup.shutdown(), "a supervisor child's shutdown defaults to :infinity");
        assertEquals(t(a("invalid_restart_type"), a("x")),
                reason(() -> ChildSpec.worker(A, () -> null).withRestart(a("x"))));
    }

    private static Object reason(Runnable r) {
        return assertThrows(ChildSpecException.class, r::run).reason();
    }

    // ---- shutdown -----------------------------------------------------------------------------

    @Test
    void aChildWhoseTerminateHangsIsKilledAfterItsShutdownTime() {
        List<Object> terminated = new CopyOnWriteArrayList<>();
        ChildSpec hanging = ChildSpec.worker(A, () -> GenServer.startLink(new Worker(true, 60_000, terminated), A,
                StartOptions.named(A))).withShutdown(200);
        Pid sup = startSup(SupervisorFlags.oneForOne(), hanging);
        Pid a1 = rt.node().whereis(A);
        Ref mon = rt.self().monitor(a1);
        assertEquals(Atom.OK, Supervisor.terminateChild(sup, A));
        assertEquals(Atom.KILLED, Await.down(rt.self(), mon));
        assertEquals(List.of(A), terminated, "terminate/2 ran before the kill");
        assertTrue(rt.events().stream().anyMatch(e -> e instanceof NodeEvent.CrashReport c
                && a("shutdown_error").equals(c.report().get("errorContext")) && Atom.KILLED.equals(c.report().get("reason"))));
    }

    @Test
    void brutalKillKillsAtOnceAndACooperativeChildStopsWithShutdown() {
        List<Object> terminated = new CopyOnWriteArrayList<>();
        ChildSpec brutal = ChildSpec.worker(A, () -> GenServer.startLink(new Worker(true, 60_000, terminated), A,
                StartOptions.named(A))).withShutdown(a("brutal_kill"));
        ChildSpec polite = ChildSpec.worker(B, () -> GenServer.startLink(new Worker(true, 0, terminated), B,
                StartOptions.named(B))).withShutdown(Atom.INFINITY);
        Pid sup = startSup(SupervisorFlags.oneForOne(), brutal, polite);
        Ref ma = rt.self().monitor(rt.node().whereis(A));
        Ref mb = rt.self().monitor(rt.node().whereis(B));
        assertEquals(Atom.OK, Supervisor.terminateChild(sup, A));
        assertEquals(Atom.KILLED, Await.down(rt.self(), ma));
        assertEquals(List.of(), terminated, "brutal_kill runs no terminate/2");
        assertEquals(Atom.OK, Supervisor.terminateChild(sup, B));
        assertEquals(Atom.SHUTDOWN, Await.down(rt.self(), mb));
        assertEquals(List.of(B), terminated);
        assertTrue(rt.events().stream().noneMatch(e -> e instanceof NodeEvent.CrashReport c
                && a("shutdown_error").equals(c.report().get("errorContext"))));
    }

    @Test
    void stopShutsChildrenDownInReverseStartOrder() {
        List<Object> terminated = new CopyOnWriteArrayList<>();
        List<ChildSpec> specs = new ArrayList<>();
        for (Atom id : List.of(A, B, C)) {
            specs.add(ChildSpec.worker(id, () -> GenServer.startLink(new Worker(true, 0, terminated), id, StartOptions.named(id))));
        }
        Pid sup = okPid(Supervisor.startLink(specs, SupervisorFlags.oneForOne(), null));
        List<Pid> pids = List.of(rt.node().whereis(A), rt.node().whereis(B), rt.node().whereis(C));
        assertEquals(Atom.OK, Supervisor.stop(sup));
        assertEquals(List.of(C, B, A), terminated);
        assertFalse(rt.node().isAlive(sup));
        for (Pid p : pids) assertFalse(rt.node().isAlive(p));
        assertThrows(ExitException.class, () -> Supervisor.whichChildren(sup), "a call to a dead supervisor exits :noproc");
    }

    @Test
    void theSupervisorStopsWhenItsParentExits() {
        AtomicReference<Pid> sup = new AtomicReference<>();
        Pid parent = rt.node().spawn(self -> {
            sup.set(okPid(Supervisor.startLink(List.of(workerSpec(A)), SupervisorFlags.oneForOne(), null)));
            self.receive();
        });
        Await.until("supervisor started", () -> sup.get() != null && rt.node().whereis(A) != null);
        Pid child = rt.node().whereis(A);
        Ref ms = rt.self().monitor(sup.get());
        rt.node().exit(rt.pid(), parent, a("bye"));
        assertEquals(a("bye"), Await.down(rt.self(), ms));
        assertFalse(rt.node().isAlive(child));
    }

    // ---- nesting ------------------------------------------------------------------------------

    @Test
    void nestedSupervisorsRestartAtTheirOwnLevel() {
        ChildSpec inner = ChildSpec.supervisor(a("inner"),
                () -> Supervisor.startLink(List.of(workerSpec(A)), SupervisorFlags.oneForOne(), a("inner_sup")));
        assertEquals(Atom.INFINITY, inner.shutdown());
        Pid outer = startSup(SupervisorFlags.oneForOne(), inner, workerSpec(B));
        Pid inner1 = rt.node().whereis(a("inner_sup"));
        assertEquals(List.of(t(B, rt.node().whereis(B), WORKER, List.of(WORKER_MODULE)),
                t(a("inner"), inner1, a("supervisor"), List.of())), Supervisor.whichChildren(outer));
        assertEquals(counts(2, 2, 1, 1), Supervisor.countChildren(outer));

        Pid a1 = rt.node().whereis(A);
        rt.kill(a1);
        Pid a2 = awaitRestarted(inner1, A, a1);
        assertEquals(inner1, rt.node().whereis(a("inner_sup")), "the inner supervisor handled it");

        rt.kill(inner1);
        Pid inner2 = awaitRestarted(outer, a("inner"), inner1);
        assertFalse(rt.node().isAlive(a2), "killing a supervisor takes its children with it");
        Await.until("new grandchild", () -> rt.node().whereis(A) != null && !rt.node().whereis(A).equals(a2));
        assertEquals(inner2, rt.node().whereis(a("inner_sup")));

        Pid a3 = rt.node().whereis(A);
        assertEquals(Atom.OK, Supervisor.stop(outer));
        assertFalse(rt.node().isAlive(inner2));
        assertFalse(rt.node().isAlive(a3));
        assertNotNull(a3);
    }
}
