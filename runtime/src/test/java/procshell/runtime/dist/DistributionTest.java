package procshell.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import procshell.runtime.event.NodeEvent;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.GenServer;
import procshell.runtime.otp.StartOptions;
import procshell.runtime.process.Await;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.ProcessContext;

/** Two (or three) procshell nodes in one JVM, talking the Erlang distribution protocol over loopback. */
class DistributionTest {
    private static final Atom ECHO = Atom.of("echo");
    private DistTestSupport dist;
    private Distribution a;
    private Distribution b;

    /** Answers {@code {from, term}} with {@code {:echo, term}}. */
    static final class Echo extends GenServer {
        @Override
        public Object init(Object arg) {
            return Tuple.of(Atom.OK, arg);
        }

        @Override
        public Object handleCall(Object request, Tuple from, Object state) {
            return Tuple.of(Atom.of("reply"), Tuple.of(ECHO, request, ProcessContext.require().node().name()), state);
        }
    }

    @BeforeEach
    void start() throws IOException {
        dist = new DistTestSupport();
        a = dist.start("a", "secret");
        b = dist.start("b", "secret");
    }

    @AfterEach
    void stop() {
        dist.close();
    }

    @Test
    void connectListAndTransitiveConnections() throws IOException {
        assertTrue(b.connect(a.node().name()));
        assertEquals(List.of(a.node().name()), b.nodes());
        Await.until("a sees b", () -> a.nodes().equals(List.of(b.node().name())));
        Distribution c = dist.start("c", "secret");
        assertTrue(c.connect(a.node().name()));
        Await.until("c gets connected to b through a", () -> c.nodes().size() == 2 && b.nodes().size() == 2);
        // (watched, not polled: global's sync through a may connect c and b again at once)
        java.util.concurrent.atomic.AtomicBoolean bWent = new java.util.concurrent.atomic.AtomicBoolean();
        c.watchNodes((n, up) -> {
            if (!up && n.equals(b.node().name())) bWent.set(true);
        });
        assertTrue(b.disconnect(c.node().name()));
        Await.until("c sees b go", bWent::get);
        assertFalse(b.connect(Atom.of(dist.name("nobody"))));
    }

    @Test
    void aWrongCookieIsRefusedWithTheBeamsLogLine() throws IOException {
        List<String> logged = new CopyOnWriteArrayList<>();
        a.node().events().subscribe(e -> {
            if (e instanceof NodeEvent.Logged l) logged.add(l.message());
        });
        Distribution intruder = dist.start("x", "wrong");
        assertFalse(intruder.connect(a.node().name()));
        assertEquals(List.of(), a.nodes());
        Await.until("a logs the refusal", () -> !logged.isEmpty());
        assertEquals("** Connection attempt from node :" + dist.name("x") + " rejected. Invalid challenge reply. **", logged.get(0));
    }

    @Test
    void sendToRegisteredNamesAndPidsBothWays() {
        Pid server = DistTestSupport.inProcess(a.node(), ctx -> {
            Object started = GenServer.start(new Echo(), null, StartOptions.named(ECHO));
            return (Pid) ((Tuple) started).get(1);
        });
        Object reply = DistTestSupport.inProcess(b.node(), ctx -> GenServer.call(Tuple.of(ECHO, a.node().name()), "hi"));
        assertEquals(Tuple.of(ECHO, "hi", a.node().name()), reply);
        // b's pid goes to a and comes back as itself.
        DistTestSupport.inProcess(b.node(), ctx -> {
            assertEquals(Tuple.of(ECHO, ctx.self(), a.node().name()), GenServer.call(Tuple.of(ECHO, a.node().name()), ctx.self()));
            return null;
        });
        Object byPid = DistTestSupport.inProcess(b.node(), ctx -> {
            Pid p = b.node().pid(b.table().index(a.node().name(), a.node().creation()), server.number(), server.serial());
            assertNotEquals(0, p.nodeIndex());
            assertTrue(p.toString().matches("#PID<[1-9]\\d*\\." + server.number() + "\\.0>"), p.toString());
            return GenServer.call(p, 42);
        });
        assertEquals(Tuple.of(ECHO, 42, a.node().name()), byPid);
    }

    @Test
    void linksAndMonitorsCrossNodesAndALostConnectionIsNoconnection() {
        Pid target = a.node().spawn(ctx -> ctx.receive());
        Pid target2 = a.node().spawn(ctx -> ctx.receive());
        ProcessContext self = b.node().attach();
        try {
            assertTrue(b.connect(a.node().name()));
            Pid remote = b.node().pid(b.table().index(a.node().name(), a.node().creation()), target.number(), target.serial());
            Pid remote2 = b.node().pid(b.table().index(a.node().name(), a.node().creation()), target2.number(), target2.serial());
            self.trapExit(true);
            // Monitor, then link: frames keep their order, so once a has the link it has the monitor too.
            Ref ref = self.monitor(remote);
            self.link(remote);
            Await.until("a sees the link", () -> !a.remoteLinks(target).isEmpty());
            a.node().exit(null, target, Atom.of("boom"));
            Tuple exit = (Tuple) Await.receive(self, m -> m instanceof Tuple t && t.isTagged(Atom.EXIT, 3), "EXIT");
            assertEquals(Tuple.of(Atom.EXIT, remote, Atom.of("boom")), exit);
            assertEquals(Atom.of("boom"), Await.down(self, ref));
            Ref gone = self.monitor(remote);
            assertEquals(Atom.NOPROC, Await.down(self, gone));
            Ref byName = b.monitor(self.process(), Tuple.of(Atom.of("nobody"), a.node().name()));
            assertEquals(Tuple.of(Atom.DOWN, byName, Atom.PROCESS, Tuple.of(Atom.of("nobody"), a.node().name()), Atom.NOPROC),
                    Await.receive(self, m -> m instanceof Tuple t && t.isTagged(Atom.DOWN, 5) && byName.equals(t.get(1)), "DOWN by name"));
            Ref watching = self.monitor(remote2);
            self.link(remote2);
            Await.until("a sees the second link", () -> !a.remoteLinks(target2).isEmpty());
            assertTrue(b.disconnect(a.node().name()));
            assertEquals(Tuple.of(Atom.EXIT, remote2, Atom.of("noconnection")),
                    Await.receive(self, m -> m instanceof Tuple t && t.isTagged(Atom.EXIT, 3), "EXIT noconnection"));
            assertEquals(Atom.of("noconnection"), Await.down(self, watching));
            Await.until("a's process lost its link to b's", () -> a.remoteLinks(target2).isEmpty());
        } finally {
            b.node().detach();
        }
    }

    @Test
    void remoteExitSignalAndCallErrors() {
        Pid target = a.node().spawn(ctx -> ctx.receive());
        ProcessContext self = b.node().attach();
        try {
            assertTrue(b.connect(a.node().name()));
            Pid remote = b.node().pid(b.table().index(a.node().name(), a.node().creation()), target.number(), target.serial());
            self.exit(remote, Atom.KILL);
            Await.until("killed from b", () -> !a.node().isAlive(target));
            ExitException e = org.junit.jupiter.api.Assertions.assertThrows(ExitException.class,
                    () -> GenServer.call(Tuple.of(Atom.of("nobody"), a.node().name()), Atom.of("hi")));
            assertEquals(Atom.NOPROC, ((Tuple) e.reason()).get(0));
            assertEquals(Atom.of("pong"), b.ping(a.node().name()));
            assertEquals(Atom.of("pang"), b.ping(Atom.of(dist.name("nobody"))));
        } finally {
            b.node().detach();
        }
    }
}
