package procshell.runtime.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import procshell.runtime.global.Global;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.GenServer;
import procshell.runtime.otp.StartOptions;
import procshell.runtime.process.Await;
import procshell.runtime.process.ProcessContext;

/** {@code :global} across procshell nodes: one registry, one lock, names that go with their process or node. */
class GlobalTest {
    private static final Tuple NAME = Tuple.of(Atom.of("Elixir.MyApp.HelloServerGlobalName"), 123);
    private DistTestSupport dist;
    private Distribution a;
    private Distribution b;

    @BeforeEach
    void start() throws IOException {
        dist = new DistTestSupport();
        a = dist.start("ga", "secret");
        b = dist.start("gb", "secret");
        Global.install(a.node());
        Global.install(b.node());
    }

    @AfterEach
    void stop() {
        dist.close();
    }

    private Pid startOn(Node node, Object name) {
        return DistTestSupport.inProcess(node, ctx -> {
            Object r = GenServer.start(new DistributionTest.Echo(), null, StartOptions.named(name));
            assertTrue(r instanceof Tuple t && Atom.OK.equals(t.get(0)), String.valueOf(r));
            return (Pid) ((Tuple) r).get(1);
        });
    }

    @Test
    void aNameRegisteredOnOneNodeIsSeenAndCalledOnTheOther() {
        assertTrue(b.connect(a.node().name()));
        Pid server = startOn(a.node(), Tuple.of(Atom.GLOBAL, NAME));
        Await.until("b sees the name", () -> Global.of(b.node()).whereisName(NAME) != null);
        Pid seen = Global.of(b.node()).whereisName(NAME);
        assertEquals(server.number(), seen.number());
        assertTrue(seen.nodeIndex() > 0);
        assertEquals(Tuple.of(Atom.of("echo"), "hello", a.node().name()),
                DistTestSupport.inProcess(b.node(), ctx -> GenServer.call(Tuple.of(Atom.GLOBAL, NAME), "hello")));
        // The name is taken cluster-wide: :no on b, and {:already_started, pid} for a second server.
        boolean second = DistTestSupport.inProcess(b.node(), ctx -> Global.of(b.node()).registerName(NAME, ctx.self()));
        assertFalse(second);
        Object again = DistTestSupport.inProcess(b.node(), ctx -> GenServer.start(new DistributionTest.Echo(), null, StartOptions.named(Tuple.of(Atom.GLOBAL, NAME))));
        assertEquals(Tuple.of(Atom.ERROR, Tuple.of(Atom.of("already_started"), seen)), again);
        assertEquals(List.of(NAME), Global.of(b.node()).registeredNames());
        // The process exits: the name goes on both nodes.
        a.node().exit(null, server, Atom.KILL);
        Await.until("the name goes on b", () -> Global.of(b.node()).whereisName(NAME) == null);
        assertNull(Global.of(a.node()).whereisName(NAME));
    }

    @Test
    void aNodeThatGoesDownTakesItsNamesWithIt() {
        assertTrue(b.connect(a.node().name()));
        startOn(a.node(), Tuple.of(Atom.GLOBAL, NAME));
        Await.until("b sees the name", () -> Global.of(b.node()).whereisName(NAME) != null);
        a.stop();
        Await.until("the name goes with its node", () -> Global.of(b.node()).whereisName(NAME) == null);
    }

    @Test
    void namesAreExchangedOnConnectAndClashesResolvedAsTheBeamDoes() {
        Pid onA = startOn(a.node(), Tuple.of(Atom.GLOBAL, NAME));
        Pid onB = startOn(b.node(), Tuple.of(Atom.GLOBAL, NAME));
        startOn(b.node(), Tuple.of(Atom.GLOBAL, Atom.of("only_b")));
        assertTrue(b.connect(a.node().name()));
        // a's node name is the smaller one: its process keeps the name, b's is killed.
        Await.until("b's clashing process is killed", () -> !b.node().isAlive(onB));
        Await.until("both agree", () -> {
            Pid x = Global.of(b.node()).whereisName(NAME);
            return x != null && x.number() == onA.number() && onA.equals(Global.of(a.node()).whereisName(NAME));
        });
        Await.until("a learns b's other name", () -> Global.of(a.node()).whereisName(Atom.of("only_b")) != null);
    }

    @Test
    void locksAreClusterWide() {
        assertTrue(b.connect(a.node().name()));
        Tuple id = Tuple.of(Atom.of("res"), Atom.of("me"));
        Tuple other = Tuple.of(Atom.of("res"), Atom.of("you"));
        DistTestSupport.inProcess(a.node(), ctx -> {
            assertTrue(Global.of(a.node()).setLock(id, null, -1));
            boolean taken = inProcess2(b.node(), () -> Global.of(b.node()).setLock(other, null, 0));
            assertFalse(taken);
            assertTrue(Global.of(a.node()).delLock(id, null));
            assertEquals(Atom.OK, inProcess2(b.node(), () -> Global.of(b.node()).trans(other, () -> Atom.OK, null, 0)));
            return null;
        });
    }

    /** Runs on another thread attached to {@code node}, while this thread stays a process of its own node. */
    private static <T> T inProcess2(Node node, java.util.function.Supplier<T> body) {
        java.util.concurrent.CompletableFuture<T> f = new java.util.concurrent.CompletableFuture<>();
        Thread.ofVirtual().start(() -> f.complete(DistTestSupport.inProcess(node, ctx -> body.get())));
        return f.join();
    }
}
