package procshell.runtime.otp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static procshell.runtime.otp.SupervisorTest.BOOM;
import static procshell.runtime.otp.SupervisorTest.TEMPORARY;
import static procshell.runtime.otp.SupervisorTest.TRANSIENT;
import static procshell.runtime.otp.SupervisorTest.WORKER;
import static procshell.runtime.otp.SupervisorTest.WORKER_MODULE;
import static procshell.runtime.otp.SupervisorTest.a;
import static procshell.runtime.otp.SupervisorTest.counts;
import static procshell.runtime.otp.SupervisorTest.okPid;
import static procshell.runtime.otp.SupervisorTest.t;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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

/**
 * DynamicSupervisor, as Elixir's: start_child, terminate_child, which_children, count_children,
 * max_children, extra_arguments, restarts and intensity.
 */
class DynamicSupervisorTest {
    @RegisterExtension
    final TestNode rt = TestNode.recordingEvents();

    private Pid startSup(DynamicSupervisor.Flags flags) {
        return okPid(DynamicSupervisor.startLink(flags));
    }

    private static ChildSpec spec(Object arg) {
        return ChildSpec.worker(arg, SupervisorTest.worker(arg, null)).withModules(List.of(WORKER_MODULE));
    }

    private List<Object> pidsOf(Pid sup) {
        return DynamicSupervisor.whichChildren(sup).stream().map(c -> ((Tuple) c).get(1)).toList();
    }

    @Test
    void startTerminateAndListChildren() {
        Pid sup = startSup(DynamicSupervisor.Flags.defaults());
        assertEquals(List.of(), DynamicSupervisor.whichChildren(sup));
        Pid c1 = okPid(DynamicSupervisor.startChild(sup, spec(1)));
        Pid c2 = okPid(DynamicSupervisor.startChild(sup, spec(2)));
        assertEquals(List.of(t(Atom.UNDEFINED, c1, WORKER, List.of(WORKER_MODULE)),
                t(Atom.UNDEFINED, c2, WORKER, List.of(WORKER_MODULE))), DynamicSupervisor.whichChildren(sup));
        assertEquals(counts(2, 2, 0, 2), DynamicSupervisor.countChildren(sup));

        Ref mon = rt.self().monitor(c1);
        assertEquals(Atom.OK, DynamicSupervisor.terminateChild(sup, c1));
        assertEquals(Atom.SHUTDOWN, Await.down(rt.self(), mon));
        assertEquals(t(Atom.ERROR, a("not_found")), DynamicSupervisor.terminateChild(sup, c1));
        assertEquals(List.of(c2), pidsOf(sup));
        assertEquals(counts(1, 1, 0, 1), DynamicSupervisor.countChildren(sup));
    }

    @Test
    void maxChildrenLimitsHowManyRun() {
        Pid sup = startSup(DynamicSupervisor.Flags.defaults().withMaxChildren(2));
        Pid c1 = okPid(DynamicSupervisor.startChild(sup, spec(1)));
        okPid(DynamicSupervisor.startChild(sup, spec(2)));
        assertEquals(t(Atom.ERROR, a("max_children")), DynamicSupervisor.startChild(sup, spec(3)));
        assertEquals(Atom.OK, DynamicSupervisor.terminateChild(sup, c1));
        okPid(DynamicSupervisor.startChild(sup, spec(3)));
        assertEquals(counts(2, 2, 0, 2), DynamicSupervisor.countChildren(sup));
    }

    @Test
    void aKilledPermanentChildIsReplaced() {
        Pid sup = startSup(DynamicSupervisor.Flags.defaults());
        Pid c1 = okPid(DynamicSupervisor.startChild(sup, spec(1)));
        Pid other = okPid(DynamicSupervisor.startChild(sup, spec(2)));
        rt.kill(c1);
        Await.until("replaced", () -> pidsOf(sup).size() == 2 && !pidsOf(sup).contains(c1));
        List<Object> now = pidsOf(sup);
        assertTrue(now.contains(other));
        Pid c2 = (Pid) now.stream().filter(p -> !p.equals(other)).findFirst().orElseThrow();
        assertNotEquals(c1, c2);
        assertEquals(1, GenServer.getState(c2, 5000), "the new child started from the same spec");
        assertEquals(counts(2, 2, 0, 2), DynamicSupervisor.countChildren(sup));
        NodeEvent.Restarted r = (NodeEvent.Restarted) rt.events().stream().filter(e -> e instanceof NodeEvent.Restarted)
                .findFirst().orElseThrow();
        assertEquals(new NodeEvent.Restarted(sup, Atom.UNDEFINED, c1, c2, Atom.KILLED, SupervisorFlags.ONE_FOR_ONE, 1, 3), r);
    }

    @Test
    void transientAndTemporaryChildrenGoAway() {
        Pid sup = startSup(DynamicSupervisor.Flags.defaults());
        Pid tr = okPid(DynamicSupervisor.startChild(sup, spec(1).withRestart(TRANSIENT)));
        Pid tm = okPid(DynamicSupervisor.startChild(sup, spec(2).withRestart(TEMPORARY)));
        Pid tr2 = okPid(DynamicSupervisor.startChild(sup, spec(3).withRestart(TRANSIENT)));
        GenServer.cast(tr, t(a("exit"), Atom.NORMAL));
        rt.kill(tm);
        Await.until("both gone", () -> pidsOf(sup).size() == 1);
        assertEquals(List.of(tr2), pidsOf(sup));
        GenServer.cast(tr2, t(a("exit"), BOOM));
        Await.until("transient restarted", () -> pidsOf(sup).size() == 1 && !pidsOf(sup).contains(tr2));
        assertEquals(counts(1, 1, 0, 1), DynamicSupervisor.countChildren(sup));
    }

    @Test
    void startResultsPassThrough() {
        Pid sup = startSup(DynamicSupervisor.Flags.defaults());
        assertEquals(Atom.IGNORE, DynamicSupervisor.startChild(sup, ChildSpec.worker(1, () -> Atom.IGNORE)));
        assertEquals(t(Atom.ERROR, BOOM), DynamicSupervisor.startChild(sup, ChildSpec.worker(1, () -> t(Atom.ERROR, BOOM))));
        assertEquals(t(Atom.ERROR, a("what")), DynamicSupervisor.startChild(sup, ChildSpec.worker(1, () -> a("what"))));
        assertEquals(t(Atom.ERROR, BOOM), DynamicSupervisor.startChild(sup, ChildSpec.worker(1, () -> {
            throw new ExitException(BOOM);
        })), "an exit in the start function is the error reason");
        Tuple thrown = (Tuple) DynamicSupervisor.startChild(sup, ChildSpec.worker(1, () -> {
            throw new IllegalStateException("nope");
        }));
        assertInstanceOf(IllegalStateException.class, ((Tuple) thrown.get(1)).get(0));
        Pid withInfo = rt.node().spawn(self -> self.receive());
        assertEquals(t(Atom.OK, withInfo, a("info")),
                DynamicSupervisor.startChild(sup, ChildSpec.worker(1, () -> t(Atom.OK, withInfo, a("info")))));
        assertEquals(counts(1, 1, 0, 1), DynamicSupervisor.countChildren(sup));
    }

    @Test
    void tooManyRestartsShutDownTheSupervisor() {
        rt.self().trapExit(true);
        Pid sup = startSup(DynamicSupervisor.Flags.defaults().withIntensity(2, 5));
        Pid keep = okPid(DynamicSupervisor.startChild(sup, spec(0)));
        Pid c = okPid(DynamicSupervisor.startChild(sup, spec(1)));
        for (int i = 0; i < 2; i++) {
            Pid dead = c;
            rt.kill(dead);
            Await.until("replaced", () -> pidsOf(sup).size() == 2 && !pidsOf(sup).contains(dead));
            c = (Pid) pidsOf(sup).stream().filter(p -> !p.equals(keep)).findFirst().orElseThrow();
        }
        rt.kill(c);
        assertEquals(Atom.SHUTDOWN, Await.exitFrom(rt.self(), sup));
        assertFalse(rt.node().isAlive(sup));
        assertFalse(rt.node().isAlive(keep));
    }

    @Test
    void extraArgumentsArePrependedToMfaStarts() {
        List<List<Object>> calls = new CopyOnWriteArrayList<>();
        ChildSpec.Resolver resolver = (m, f, args) -> {
            calls.add(args);
            return GenServer.startLink(new SupervisorTest.Worker(false, 0, null), args, StartOptions.DEFAULT);
        };
        Pid sup = startSup(DynamicSupervisor.Flags.defaults().withExtraArguments(List.of(a("room"))));
        Map<Atom, Object> spec = new LinkedHashMap<>();
        spec.put(a("id"), a("ignored"));
        spec.put(a("start"), t(WORKER_MODULE, a("start_link"), List.of(42)));
        Pid c = okPid(DynamicSupervisor.startChild(sup, spec, resolver));
        assertEquals(List.of(List.of(a("room"), 42)), calls);
        assertEquals(List.of(t(Atom.UNDEFINED, c, WORKER, List.of(WORKER_MODULE))), DynamicSupervisor.whichChildren(sup));
        rt.kill(c);
        Await.until("restarted", () -> calls.size() == 2);
        assertEquals(List.of(a("room"), 42), calls.get(1), "a restart prepends them again, once");
    }

    @Test
    void termSpecsAreValidatedAsElixirDoes() {
        Pid sup = startSup(DynamicSupervisor.Flags.defaults());
        ChildSpec.Resolver r = (m, f, args) -> Atom.IGNORE;
        Map<Atom, Object> noId = Map.of(a("start"), t(WORKER_MODULE, a("start_link"), List.of()));
        assertEquals(t(Atom.ERROR, t(a("invalid_child_spec"), noId)), DynamicSupervisor.startChild(sup, noId, r));
        Map<Atom, Object> zero = Map.of(a("id"), 1, a("start"), t(WORKER_MODULE, a("start_link"), List.of()), a("shutdown"), 0);
        assertEquals(t(Atom.ERROR, t(a("invalid_shutdown"), 0)), DynamicSupervisor.startChild(sup, zero, r));
        Map<Atom, Object> ok = Map.of(a("id"), 1, a("start"), t(WORKER_MODULE, a("start_link"), List.of()));
        assertEquals(Atom.IGNORE, DynamicSupervisor.startChild(sup, ok, r));
    }

    @Test
    void badFlagsAndNames() {
        rt.self().trapExit(true);
        assertEquals(t(Atom.ERROR, t(a("supervisor_data"), t(a("invalid_max_children"), -1))),
                DynamicSupervisor.startLink(DynamicSupervisor.Flags.defaults().withMaxChildren(-1)));
        assertEquals(t(Atom.ERROR, t(a("supervisor_data"), t(a("invalid_strategy"), a("one_for_all")))),
                DynamicSupervisor.startLink(new DynamicSupervisor.Flags(a("one_for_all"), 3, 5, Atom.INFINITY, List.of())));
        Pid sup = okPid(DynamicSupervisor.startLink(DynamicSupervisor.Flags.defaults(), a("rooms")));
        assertEquals(t(Atom.ERROR, t(a("already_started"), sup)),
                DynamicSupervisor.startLink(DynamicSupervisor.Flags.defaults(), a("rooms")));
        Pid c = okPid(DynamicSupervisor.startChild(a("rooms"), spec(1)));
        assertEquals(List.of(c), pidsOf(sup));
    }

    @Test
    void stopShutsEveryChildDownKillingThoseThatHang() {
        List<Object> terminated = new CopyOnWriteArrayList<>();
        Pid sup = startSup(DynamicSupervisor.Flags.defaults());
        ChildSpec hanging = ChildSpec.worker(0, () -> GenServer.startLink(new SupervisorTest.Worker(true, 60_000, terminated),
                a("hangs"), StartOptions.DEFAULT)).withShutdown(200);
        ChildSpec polite = ChildSpec.worker(0, () -> GenServer.startLink(new SupervisorTest.Worker(true, 0, terminated),
                a("polite"), StartOptions.DEFAULT));
        ChildSpec brutal = ChildSpec.worker(0, () -> GenServer.startLink(new SupervisorTest.Worker(true, 60_000, terminated),
                a("brutal"), StartOptions.DEFAULT)).withShutdown(a("brutal_kill"));
        Ref h1 = rt.self().monitor(okPid(DynamicSupervisor.startChild(sup, hanging)));
        Ref h2 = rt.self().monitor(okPid(DynamicSupervisor.startChild(sup, hanging)));
        Ref p = rt.self().monitor(okPid(DynamicSupervisor.startChild(sup, polite)));
        Ref b = rt.self().monitor(okPid(DynamicSupervisor.startChild(sup, brutal)));
        assertEquals(Atom.OK, DynamicSupervisor.stop(sup));
        assertEquals(Atom.KILLED, Await.down(rt.self(), h1));
        assertEquals(Atom.KILLED, Await.down(rt.self(), h2));
        assertEquals(Atom.SHUTDOWN, Await.down(rt.self(), p));
        assertEquals(Atom.KILLED, Await.down(rt.self(), b));
        assertFalse(terminated.contains(a("brutal")));
        assertTrue(terminated.containsAll(List.of(a("hangs"), a("polite"))));
        assertFalse(rt.node().isAlive(sup));
    }

    @Test
    void supervisorsUnderADynamicSupervisor() {
        Pid sup = startSup(DynamicSupervisor.Flags.defaults());
        AtomicReference<Pid> inner = new AtomicReference<>();
        ChildSpec innerSpec = ChildSpec.supervisor(0, () -> {
            Object r = Supervisor.startLink(List.of(SupervisorTest.workerSpec(a("w"))), SupervisorFlags.oneForOne(), null);
            inner.set(okPid(r));
            return r;
        });
        okPid(DynamicSupervisor.startChild(sup, innerSpec));
        assertEquals(counts(1, 1, 1, 0), DynamicSupervisor.countChildren(sup));
        Pid w = rt.node().whereis(a("w"));
        assertEquals(Atom.OK, DynamicSupervisor.terminateChild(sup, inner.get()));
        assertFalse(rt.node().isAlive(w), "terminating a supervisor child stops its tree");
        assertEquals(counts(0, 0, 0, 0), DynamicSupervisor.countChildren(sup));
    }
}
