package procshell.runtime.otp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import procshell.runtime.TestNode;
import procshell.runtime.event.NodeEvent;
import procshell.runtime.names.ViaModule;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.Await;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.Mailbox;
import procshell.runtime.process.ProcessContext;

/** GenServer as gen_server and Elixir's GenServer behave (OTP 26+). */
class GenServerTest {
    private static final Atom GET = Atom.of("get");
    private static final Atom CRASH = Atom.of("crash");
    private static final Atom BLOCK = Atom.of("block");
    private static final Atom ADD = Atom.of("add");
    private static final Atom STOP = Atom.of("stop");
    private static final Atom BOOM = Atom.of("boom");

    @RegisterExtension
    final TestNode rt = new TestNode();

    /** A counter whose init result is given, and which records what happens to it. */
    static class Counter extends GenServer {
        final Object initResult;
        final BlockingQueue<Object> log = new LinkedBlockingQueue<>();
        final CountDownLatch blocked = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        Counter(Object initResult) {
            this.initResult = initResult;
        }

        @Override
        public Object init(Object arg) {
            if (initResult instanceof RuntimeException e) throw e;
            if (Boolean.TRUE.equals(arg)) ProcessContext.require().trapExit(true);
            return initResult;
        }

        @Override
        public Object handleCall(Object request, Tuple from, Object state) {
            if (GET.equals(request)) return Tuple.of(Atom.of("reply"), state, state);
            if (CRASH.equals(request)) throw new IllegalStateException("crash in handle_call");
            if (BLOCK.equals(request)) {
                blocked.countDown();
                Await.latch(release);
                return Tuple.of(Atom.of("reply"), Atom.of("late"), state);
            }
            if (request instanceof Tuple t && t.isTagged(STOP, 2)) return Tuple.of(STOP, t.get(1), Atom.of("bye"), state);
            if (Atom.of("noreply").equals(request)) {
                reply(from, Atom.of("replied_from_callback"));
                return Tuple.of(Atom.of("noreply"), state);
            }
            return super.handleCall(request, from, state);
        }

        @Override
        public Object handleCast(Object request, Object state) {
            if (request instanceof Tuple t && t.isTagged(ADD, 2)) return Tuple.of(Atom.of("noreply"), (Integer) state + (Integer) t.get(1));
            return super.handleCast(request, state);
        }

        @Override
        public Object handleInfo(Object message, Object state) {
            log.add(Tuple.of(Atom.of("info"), message));
            return Tuple.of(Atom.of("noreply"), state);
        }

        @Override
        public Object handleContinue(Object arg, Object state) {
            log.add(Tuple.of(Atom.of("continue"), arg));
            return Tuple.of(Atom.of("noreply"), 10);
        }

        @Override
        public Object terminate(Object reason, Object state) {
            log.add(Tuple.of(Atom.of("terminate"), reason, state));
            return Atom.OK;
        }

        Object next() {
            try {
                Object m = log.poll(Await.DEADLINE_MS, TimeUnit.MILLISECONDS);
                if (m == null) throw new AssertionError("nothing logged");
                return m;
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static Object ok(Object state) {
        return Tuple.of(Atom.OK, state);
    }

    private Pid startOk(Counter server, StartOptions options) {
        Object r = GenServer.startLink(server, false, options);
        assertInstanceOf(Tuple.class, r, String.valueOf(r));
        assertTrue(((Tuple) r).isTagged(Atom.OK, 2), String.valueOf(r));
        return (Pid) ((Tuple) r).get(1);
    }

    private static Tuple callMfa(Object server, Object request, Object timeout) {
        return Tuple.of(GenServer.MODULE, Atom.of("call"), List.of(server, request, timeout));
    }

    @Test
    void startLinkReturnsOkPidOfALinkedProcess() {
        Pid pid = startOk(new Counter(ok(1)), StartOptions.DEFAULT);
        assertTrue(rt.node().isAlive(pid));
        assertTrue(rt.self().process().links().contains(pid));
        assertEquals(1, GenServer.call(pid, GET));
    }

    @Test
    void startIsNotLinked() {
        Object r = GenServer.start(new Counter(ok(1)), false, StartOptions.DEFAULT);
        Pid pid = (Pid) ((Tuple) r).get(1);
        assertFalse(rt.self().process().links().contains(pid));
    }

    @Test
    void aTakenNameGivesAlreadyStarted() {
        Atom name = Atom.of("counter");
        Pid first = startOk(new Counter(ok(1)), StartOptions.named(name));
        assertEquals(first, GenServer.whereis(name));
        int count = rt.node().processCount();
        Object second = GenServer.startLink(new Counter(ok(2)), false, StartOptions.named(name));
        assertEquals(Tuple.of(Atom.ERROR, Tuple.of(Atom.of("already_started"), first)), second);
        assertEquals(count, rt.node().processCount(), "the second server has exited when start returns");
        assertEquals(1, GenServer.call(name, GET));
    }

    @Test
    void initIgnore() {
        rt.self().trapExit(true);
        Atom name = Atom.of("ignored");
        assertEquals(Atom.IGNORE, GenServer.startLink(new Counter(Atom.IGNORE), false, StartOptions.named(name)));
        assertNull(rt.node().whereis(name));
        Tuple exit = (Tuple) rt.self().receive(m -> m instanceof Tuple t && t.isTagged(Atom.EXIT, 3), 0);
        assertEquals(Atom.NORMAL, exit.get(2));
    }

    @Test
    void initStopReturnsErrorAndTheLinkedCallerGetsTheExit() {
        rt.self().trapExit(true);
        Atom name = Atom.of("stopped_in_init");
        Counter server = new Counter(Tuple.of(STOP, BOOM));
        assertEquals(Tuple.of(Atom.ERROR, BOOM), GenServer.startLink(server, false, StartOptions.named(name)));
        // Synchronous failure (OTP 26): the process is gone, its name free, its EXIT queued.
        assertNull(rt.node().whereis(name));
        Tuple exit = (Tuple) rt.self().receive(m -> m instanceof Tuple t && t.isTagged(Atom.EXIT, 3), 0);
        assertTrue(exit != null && exit != Mailbox.TIMEOUT);
        assertEquals(BOOM, exit.get(2));
        assertFalse(rt.node().isAlive((Pid) exit.get(1)));
        assertTrue(server.log.isEmpty(), "terminate is not called when init stops");
    }

    @Test
    void initErrorReturnsErrorAndExitsNormally() {
        rt.self().trapExit(true);
        assertEquals(Tuple.of(Atom.ERROR, BOOM), GenServer.startLink(new Counter(Tuple.of(Atom.ERROR, BOOM)), false, StartOptions.DEFAULT));
        Tuple exit = (Tuple) rt.self().receive(m -> m instanceof Tuple t && t.isTagged(Atom.EXIT, 3), 0);
        assertEquals(Atom.NORMAL, exit.get(2));
    }

    @Test
    void anExceptionInInit() {
        rt.self().trapExit(true);
        IllegalStateException thrown = new IllegalStateException("init failed");
        Object r = GenServer.startLink(new Counter(thrown), false, StartOptions.DEFAULT);
        Tuple error = (Tuple) r;
        assertTrue(error.isTagged(Atom.ERROR, 2), String.valueOf(r));
        Tuple reason = (Tuple) error.get(1);
        assertSame(thrown, reason.get(0));
        assertInstanceOf(List.class, reason.get(1));
        Tuple exit = (Tuple) rt.self().receive(m -> m instanceof Tuple t && t.isTagged(Atom.EXIT, 3), 0);
        assertEquals(reason, exit.get(2));
    }

    @Test
    void anExceptionInInitKillsANonTrappingLinkedCaller() {
        Ref ref = (Ref) rt.self().spawnMonitor(
                self -> GenServer.startLink(new Counter(new IllegalStateException("x")), false, StartOptions.DEFAULT)).get(1);
        Tuple reason = (Tuple) Await.down(rt.self(), ref);
        assertInstanceOf(IllegalStateException.class, reason.get(0));
    }

    @Test
    void callCastInfoAndContinue() {
        Counter server = new Counter(Tuple.of(Atom.OK, 0, Tuple.of(Atom.of("continue"), Atom.of("warm_up"))));
        Pid pid = startOk(server, StartOptions.DEFAULT);
        assertEquals(10, GenServer.call(pid, GET), "handle_continue runs before the first message");
        assertEquals(Tuple.of(Atom.of("continue"), Atom.of("warm_up")), server.next());
        assertEquals(Atom.OK, GenServer.cast(pid, Tuple.of(ADD, 5)));
        assertEquals(15, GenServer.call(pid, GET, -1));
        rt.self().send(pid, Atom.of("hello"));
        assertEquals(Tuple.of(Atom.of("info"), Atom.of("hello")), server.next());
        assertEquals(Atom.of("replied_from_callback"), GenServer.call(pid, Atom.of("noreply")));
        assertEquals(15, GenServer.getState(pid, 5000));
    }

    @Test
    void castToNothingIsOk() {
        assertEquals(Atom.OK, GenServer.cast(Atom.of("nobody"), 1));
        assertEquals(Atom.OK, GenServer.cast(rt.node().pid(0, 999_999_999L, 0), 1));
    }

    @Test
    void initTimeoutGivesATimeoutMessage() {
        Counter server = new Counter(Tuple.of(Atom.OK, 0, 0L));
        startOk(server, StartOptions.DEFAULT);
        assertEquals(Tuple.of(Atom.of("info"), Atom.TIMEOUT), server.next());
    }

    @Test
    void callTimeoutExits() {
        Counter server = new Counter(ok(0));
        Pid pid = startOk(server, StartOptions.DEFAULT);
        ExitException e = assertThrows(ExitException.class, () -> GenServer.call(pid, BLOCK, 50));
        assertEquals(Tuple.of(Atom.TIMEOUT, callMfa(pid, BLOCK, 50L)), e.reason());
        server.release.countDown();
        assertEquals(0, GenServer.call(pid, GET), "the server lives on");
        assertEquals(List.of(), rt.self().process().monitoredPids(), "the call's monitor is gone");
        // The server answered BLOCK before GET, so a late reply would be queued by now.
        assertEquals(procshell.runtime.process.Mailbox.TIMEOUT, rt.self().receive(0),
                "the late reply is dropped, as OTP 24+'s call alias drops it");
    }

    @Test
    void callToAMissingNameIsNoproc() {
        Atom name = Atom.of("missing_server");
        ExitException e = assertThrows(ExitException.class, () -> GenServer.call(name, GET));
        assertEquals(Tuple.of(Atom.NOPROC, callMfa(name, GET, 5000L)), e.reason());
        Tuple via = Tuple.of(Atom.VIA, Atom.module("TestVia"), "nothing");
        rt.node().registerVia(Atom.module("TestVia"), new TestVia());
        e = assertThrows(ExitException.class, () -> GenServer.call(via, GET, -1));
        assertEquals(Tuple.of(Atom.NOPROC, callMfa(via, GET, Atom.INFINITY)), e.reason());
    }

    @Test
    void callToADeadPidIsNoproc() {
        Pid pid = startOk(new Counter(ok(0)), StartOptions.DEFAULT);
        rt.self().unlink(pid);
        rt.self().exit(pid, Atom.KILL);
        ExitException e = assertThrows(ExitException.class, () -> GenServer.call(pid, GET));
        assertEquals(Tuple.of(Atom.NOPROC, callMfa(pid, GET, 5000L)), e.reason());
    }

    /** A stop with an abnormal reason is reported with no last message, [] (gen_server:system_terminate/4). */
    @Test
    void aStopFromOutsideReportsNoLastMessage() {
        ConcurrentLinkedQueue<NodeEvent.CrashReport> reports = new ConcurrentLinkedQueue<>();
        Runnable unsubscribe = rt.node().events().subscribe(e -> {
            if (e instanceof NodeEvent.CrashReport r && r.kind().equals(Atom.of("gen_server"))) reports.add(r);
        });
        try {
            Pid pid = (Pid) ((Tuple) GenServer.start(new Counter(ok(7)), false, StartOptions.DEFAULT)).get(1);
            assertEquals(Atom.OK, GenServer.stop(pid, BOOM, 5000));
            Await.until("the crash report", () -> !reports.isEmpty());
            assertEquals(List.of(), reports.peek().report().get("last_message"));
            assertEquals(BOOM, reports.peek().report().get("reason"));
        } finally {
            unsubscribe.run();
        }
    }

    @Test
    void aCrashDuringACallExitsTheCallerAndReportsTheCrash() {
        ConcurrentLinkedQueue<NodeEvent.CrashReport> reports = new ConcurrentLinkedQueue<>();
        Runnable unsubscribe = rt.node().events().subscribe(e -> {
            if (e instanceof NodeEvent.CrashReport r && r.kind().equals(Atom.of("gen_server"))) reports.add(r);
        });
        try {
            Counter server = new Counter(ok(7));
            Pid pid = (Pid) ((Tuple) GenServer.start(server, false, StartOptions.DEFAULT)).get(1);
            ExitException e = assertThrows(ExitException.class, () -> GenServer.call(pid, CRASH));
            Tuple reason = (Tuple) e.reason();
            Tuple crash = (Tuple) reason.get(0);
            assertInstanceOf(IllegalStateException.class, crash.get(0));
            assertInstanceOf(List.class, crash.get(1));
            assertEquals(callMfa(pid, CRASH, 5000L), reason.get(1));
            assertFalse(rt.node().isAlive(pid));
            assertEquals(Tuple.of(Atom.of("terminate"), crash, 7), server.next());

            assertEquals(1, reports.size());
            Map<String, Object> report = reports.peek().report();
            assertEquals(pid, reports.peek().pid());
            assertEquals(CRASH, report.get("last_message"));
            assertEquals(7, report.get("state"));
            assertEquals(rt.pid(), report.get("client"));
            assertEquals(crash, report.get("reason"));
        } finally {
            unsubscribe.run();
        }
    }

    @Test
    void aStopReplyRepliesThenTerminates() {
        Counter server = new Counter(ok(3));
        Pid pid = (Pid) ((Tuple) GenServer.start(server, false, StartOptions.DEFAULT)).get(1);
        Ref ref = rt.self().monitor(pid);
        assertEquals(Atom.of("bye"), GenServer.call(pid, Tuple.of(STOP, Atom.NORMAL)));
        assertEquals(Atom.NORMAL, Await.down(rt.self(), ref));
        assertEquals(Tuple.of(Atom.of("terminate"), Atom.NORMAL, 3), server.next());
    }

    @Test
    void stopRunsTerminateAndWaits() {
        Counter server = new Counter(ok(4));
        Pid pid = startOk(server, StartOptions.named(Atom.of("to_stop")));
        assertEquals(Atom.OK, GenServer.stop(Atom.of("to_stop"), Atom.NORMAL, -1));
        assertFalse(rt.node().isAlive(pid));
        assertNull(rt.node().whereis(Atom.of("to_stop")));
        assertEquals(Tuple.of(Atom.of("terminate"), Atom.NORMAL, 4), server.next());
        assertTrue(rt.self().process().isAlive());
    }

    @Test
    void stopWithShutdownReachesLinkedProcesses() {
        rt.self().trapExit(true); // :shutdown is no :normal: a non-trapping linked caller would die
        Counter server = new Counter(ok(4));
        Pid pid = startOk(server, StartOptions.DEFAULT);
        assertEquals(Atom.OK, GenServer.stop(pid, Atom.SHUTDOWN, 5000));
        assertEquals(Tuple.of(Atom.of("terminate"), Atom.SHUTDOWN, 4), server.next());
        assertEquals(Atom.SHUTDOWN, Await.exitFrom(rt.self(), pid));
    }

    @Test
    void stopOfItselfIsCallingSelf() {
        Pid test = rt.pid();
        Pid pid = startReplyingWithTheExitOf(self -> GenServer.stop(self, Atom.NORMAL, 100));
        Tuple reason = (Tuple) GenServer.call(pid, GET);
        assertEquals(Tuple.of(Atom.of("calling_self"), Tuple.of(GenServer.MODULE, STOP, List.of(pid, Atom.NORMAL, 100L))), reason);
        assertTrue(rt.node().isAlive(test));
    }

    @Test
    void stopOfAMissingServerIsNoproc() {
        Pid pid = startOk(new Counter(ok(0)), StartOptions.DEFAULT);
        rt.self().unlink(pid);
        rt.self().exit(pid, Atom.KILL);
        ExitException e = assertThrows(ExitException.class, () -> GenServer.stop(pid, Atom.NORMAL, -1));
        assertEquals(Tuple.of(Atom.NOPROC, Tuple.of(GenServer.MODULE, STOP, List.of(pid, Atom.NORMAL, Atom.INFINITY))), e.reason());
    }

    @Test
    void terminateRunsWhenATrappingServerGetsItsParentsExit() {
        Counter server = new Counter(ok(5));
        Pid test = rt.pid();
        Pid parent = rt.node().spawn(self -> {
            Object r = GenServer.startLink(server, true, StartOptions.DEFAULT); // init traps exits
            self.send(test, r);
            throw new ExitException(self.receive());
        });
        Tuple started = (Tuple) Await.receive(rt.self());
        Pid pid = (Pid) started.get(1);
        Ref ref = rt.self().monitor(pid);
        rt.self().send(parent, Atom.SHUTDOWN);
        assertEquals(Tuple.of(Atom.of("terminate"), Atom.SHUTDOWN, 5), server.next());
        assertEquals(Atom.SHUTDOWN, Await.down(rt.self(), ref));
    }

    @Test
    void getStateOfAMissingServer() {
        Atom name = Atom.of("no_state");
        ExitException e = assertThrows(ExitException.class, () -> GenServer.getState(name, 1000));
        assertEquals(Tuple.of(Atom.NOPROC, Tuple.of(Atom.of("sys"), Atom.of("get_state"), List.of(name))), e.reason());
    }

    @Test
    void viaNames() {
        Atom module = Atom.module("TestVia");
        TestVia via = new TestVia();
        rt.node().registerVia(module, via);
        Tuple name = Tuple.of(Atom.VIA, module, "server-1");
        Pid pid = startOk(new Counter(ok(9)), StartOptions.named(name));
        assertEquals(pid, via.whereisName("server-1"));
        assertEquals(pid, GenServer.whereis(name));
        assertEquals(9, GenServer.call(name, GET));
        GenServer.cast(name, Tuple.of(ADD, 1));
        assertEquals(10, GenServer.getState(name, 5000));
        assertEquals(Tuple.of(Atom.ERROR, Tuple.of(Atom.of("already_started"), pid)),
                GenServer.startLink(new Counter(ok(0)), false, StartOptions.named(name)));
        rt.self().send(name, Atom.of("via_send"));
        assertEquals(10, GenServer.call(name, GET));
    }

    @Test
    void aViaLookupThatRaisesRaisesInTheCallerBeforeAnythingIsSpawned() {
        // gen:start/6 asks the via module's whereis_name/1 first: an unknown registry is the
        // caller's ArgumentError, and no server (linked to the caller) crashes of it
        procshell.runtime.registry.Registry.install(rt.node());
        Tuple name = Tuple.of(Atom.VIA, Atom.module("Registry"), Tuple.of(Atom.module("Nope"), "x"));
        int count = rt.node().processCount();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GenServer.startLink(new Counter(ok(1)), false, StartOptions.named(name)));
        assertEquals("unknown registry: Nope", e.getMessage());
        assertEquals(count, rt.node().processCount());
        assertTrue(rt.node().isAlive(rt.self().self()));
    }

    @Test
    void aViaNameIsReleasedWhenInitFails() {
        Atom module = Atom.module("TestVia");
        TestVia via = new TestVia();
        rt.node().registerVia(module, via);
        rt.self().trapExit(true);
        Tuple name = Tuple.of(Atom.VIA, module, "failing");
        assertEquals(Tuple.of(Atom.ERROR, BOOM), GenServer.startLink(new Counter(Tuple.of(STOP, BOOM)), false, StartOptions.named(name)));
        assertNull(via.whereisName("failing"));
    }

    /**
     * A name whose module is no via module: its whereis_name/1 fails in the caller, as gen:start/6
     * asks it before spawning (the BEAM's undef), and nothing is spawned.
     */
    @Test
    void aViaNameOfAModuleThatIsNoViaModuleRaisesInTheCaller() {
        Tuple name = Tuple.of(Atom.VIA, Atom.module("NoSuchVia"), "x");
        int count = rt.node().processCount();
        assertThrows(IllegalArgumentException.class, () -> GenServer.start(new Counter(Tuple.of(Atom.OK, 0)), false, StartOptions.named(name)));
        assertEquals(count, rt.node().processCount());
    }

    /**
     * A node told how to call any module as a via module ({@link procshell.runtime.node.Node#setViaModules},
     * as the shell does) asks it for a module no implementation was registered for: a start and a
     * call with that module's name reach its {@code whereis_name/1}, and what it raises is the caller's.
     */
    @Test
    void aViaNameOfAnUnregisteredModuleAsksTheNodesViaModules() {
        Atom module = Atom.module("Pretend");
        TestVia via = new TestVia();
        List<Atom> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        rt.node().setViaModules(m -> {
            asked.add(m);
            return via;
        });
        try {
            Tuple name = Tuple.of(Atom.VIA, module, "x");
            Tuple started = (Tuple) GenServer.start(new Counter(Tuple.of(Atom.OK, 0)), false, StartOptions.named(name));
            assertEquals(Atom.OK, started.get(0));
            assertEquals(started.get(1), via.whereisName("x"));
            assertEquals(started.get(1), GenServer.whereis(name));
            assertTrue(asked.stream().allMatch(module::equals), asked.toString());
            rt.node().setViaModules(m -> {
                throw new UnsupportedOperationException(m + " is no via module");
            });
            assertThrows(UnsupportedOperationException.class, () -> GenServer.whereis(Tuple.of(Atom.VIA, Atom.module("Other"), "y")));
        } finally {
            rt.node().setViaModules(null);
        }
    }

    @Test
    void aStrayInterruptWhileStartingDoesNotKillTheCaller() throws Exception {
        Thread caller = Thread.currentThread();
        CountDownLatch inInit = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        GenServer slow = new GenServer() {
            @Override
            public Object init(Object arg) {
                inInit.countDown();
                Await.latch(release);
                return Tuple.of(Atom.OK, 1);
            }
        };
        Thread interrupter = Thread.ofPlatform().start(() -> {
            Await.latch(inInit);
            Await.until("the caller waits for init", () -> caller.getState() == Thread.State.WAITING
                    && java.util.Arrays.stream(caller.getStackTrace()).anyMatch(f -> f.getClassName().contains("Handoff")));
            caller.interrupt();
            release.countDown();
        });
        Object r = GenServer.startLink(slow, null, StartOptions.DEFAULT);
        Thread.interrupted(); // the stray interrupt was not ours to consume; clear it for join
        interrupter.join();
        assertTrue(r instanceof Tuple t && t.isTagged(Atom.OK, 2), String.valueOf(r));
        assertTrue(rt.self().process().isAlive());
    }

    @Test
    void aSlowInitTimesOut() {
        CountDownLatch never = new CountDownLatch(1);
        GenServer slow = new GenServer() {
            @Override
            public Object init(Object arg) {
                try {
                    never.await();
                } catch (InterruptedException killed) {
                    Thread.currentThread().interrupt();
                }
                return Tuple.of(Atom.OK, 1);
            }
        };
        int count = rt.node().processCount();
        assertEquals(Tuple.of(Atom.ERROR, Atom.TIMEOUT), GenServer.startLink(slow, null, new StartOptions(null, 50)));
        assertEquals(count, rt.node().processCount(), "the slow server was killed");
        assertTrue(rt.self().process().isAlive());
        assertEquals(List.of(), rt.self().process().links());
    }

    @Test
    void callingSelfIsAnExit() {
        Pid test = rt.pid();
        Pid pid = startReplyingWithTheExitOf(self -> GenServer.call(self, GET));
        Tuple reason = (Tuple) GenServer.call(pid, GET);
        assertEquals(Atom.of("calling_self"), reason.get(0));
        assertTrue(rt.node().isAlive(test));
    }

    /**
     * Starts a linked server whose every call runs {@code inCall} with the server's own pid, then
     * replies with the reason of the exit that raised, or {@code :no} when none did.
     */
    private static Pid startReplyingWithTheExitOf(Consumer<Pid> inCall) {
        GenServer server = new GenServer() {
            @Override
            public Object init(Object arg) {
                return Tuple.of(Atom.OK, 0);
            }

            @Override
            public Object handleCall(Object request, Tuple from, Object state) {
                try {
                    inCall.accept(ProcessContext.require().self());
                    return Tuple.of(Atom.of("reply"), Atom.of("no"), state);
                } catch (ExitException e) {
                    return Tuple.of(Atom.of("reply"), e.reason(), state);
                }
            }
        };
        return (Pid) ((Tuple) GenServer.startLink(server, null, StartOptions.DEFAULT)).get(1);
    }

    /** A minimal via module: a map, as a test double of Registry or :global. */
    static final class TestVia implements ViaModule {
        final Map<Object, Pid> names = new ConcurrentHashMap<>();

        @Override
        public boolean registerName(Object name, Pid pid) {
            return names.putIfAbsent(name, pid) == null;
        }

        @Override
        public void unregisterName(Object name) {
            names.remove(name);
        }

        @Override
        public Pid whereisName(Object name) {
            return names.get(name);
        }
    }
}
