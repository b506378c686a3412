package procshell.runtime.gproc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.GenServer;
import procshell.runtime.otp.StartOptions;
import procshell.runtime.process.Await;
import procshell.runtime.process.ErlangError;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.table.Table;
import procshell.runtime.table.TableType;

/** gproc's behaviour and return shapes, after gproc's own gproc_tests.erl where it has them. */
class GprocTest {
    private static final Atom N = Atom.of("n"), P = Atom.of("p"), C = Atom.of("c"), A = Atom.of("a"), R = Atom.of("r"),
            RC = Atom.of("rc"), L = Atom.of("l"), G = Atom.of("g"), ANY = Atom.of("_"), V1 = Atom.of("$1");
    private Node node;
    private ProcessContext me;
    private Pid self;

    @BeforeEach
    void attach() {
        node = new Node();
        me = node.attach();
        self = me.self();
    }

    @AfterEach
    void detach() {
        node.detach();
        node.shutdown();
    }

    private static Tuple key(Atom type, Object name) {
        return Tuple.of(type, L, name);
    }

    /** A process that runs {@code regs} then waits until told to stop (any message) or killed. */
    private Pid holder(Runnable regs) {
        CountDownLatch done = new CountDownLatch(1);
        Pid pid = node.spawn(ctx -> {
            regs.run();
            done.countDown();
            ctx.receive("stop"::equals, -1);
        });
        Await.latch(done);
        return pid;
    }

    private Table table() {
        return node.tables().named(Atom.of("gproc"));
    }

    @Test
    void uniqueNamesAreTakenOnceAndFoundWithWhere() {
        assertTrue(Gproc.reg(key(N, "name")));
        assertEquals(self, Gproc.where(key(N, "name")));
        assertEquals(self, Gproc.lookupPid(key(N, "name")));
        assertEquals(Atom.UNDEFINED, Gproc.lookupValue(key(N, "name")));
        Pid other = node.spawn(ctx -> {
            try {
                Gproc.reg(key(N, "name"));
                ctx.send(self, "registered");
            } catch (IllegalArgumentException e) {
                ctx.send(self, e.getMessage());
            }
        });
        assertEquals("argument error", me.receive(5000));
        assertEquals(List.of(self), Gproc.lookupPids(key(N, "name")));
        assertTrue(Gproc.unreg(key(N, "name")));
        assertNull(Gproc.where(key(N, "name")));
        assertThrows(IllegalArgumentException.class, () -> Gproc.lookupPid(key(N, "name")));
        assertThrows(IllegalArgumentException.class, () -> Gproc.unreg(key(N, "name")));
        assertThrows(IllegalArgumentException.class, () -> Gproc.where(key(P, "prop")));
        assertThrows(IllegalArgumentException.class, () -> Gproc.reg(Tuple.of(Atom.of("x"), L, 1)));
        assertTrue(other.number() > 0);
    }

    @Test
    void propertiesAreHeldByManyAndVanishWithTheirOwners() {
        Pid p1 = holder(() -> Gproc.reg(key(P, "worker"), 1));
        Pid p2 = holder(() -> Gproc.reg(key(P, "worker"), 2));
        assertTrue(Gproc.reg(key(P, "worker"), 0));
        assertThrows(IllegalArgumentException.class, () -> Gproc.reg(key(P, "worker"), 0));
        assertEquals(List.of(self, p1, p2), Gproc.lookupPids(key(P, "worker")));
        assertEquals(List.of(Tuple.of(self, 0), Tuple.of(p1, 1), Tuple.of(p2, 2)), Gproc.lookupValues(key(P, "worker")));
        assertEquals(2, Gproc.getValue(key(P, "worker"), p2));
        assertThrows(IllegalArgumentException.class, () -> Gproc.lookupValue(key(P, "worker")));
        assertEquals("hi", Gproc.send(key(P, "worker"), "hi"));
        assertEquals("hi", me.receive(5000));
        node.exit(self, p1, Atom.KILL);
        Await.until("p1's entries gone", () -> table().lookup(Tuple.of(key(P, "worker"), p1)).isEmpty()
                && table().lookup(Tuple.of(p1, key(P, "worker"))).isEmpty() && table().lookup(Tuple.of(p1, L)).isEmpty());
        assertEquals(List.of(self, p2), Gproc.lookupPids(key(P, "worker")));
    }

    @Test
    void aggregatedCountersFollowTheirCounters() {
        Pid c1 = holder(() -> Gproc.reg(key(C, "hits"), 3));
        assertTrue(Gproc.reg(key(A, "hits")));
        assertEquals(3, Gproc.lookupValue(key(A, "hits")));
        assertTrue(Gproc.reg(key(C, "hits")));
        assertEquals(0, Gproc.getValue(key(C, "hits")));
        assertEquals(5, Gproc.updateCounter(key(C, "hits"), 5));
        assertEquals(8, Gproc.lookupValue(key(A, "hits")));
        assertEquals(List.of(6, 0), Gproc.updateCounter(key(C, "hits"), List.of(1, Tuple.of(10, 10, 0))));
        assertEquals(3, Gproc.lookupValue(key(A, "hits")));
        assertTrue(Gproc.setValue(key(C, "hits"), 7));
        assertEquals(10, Gproc.lookupValue(key(A, "hits")));
        assertEquals(Tuple.of(7, 0), Gproc.resetCounter(key(C, "hits")));
        assertEquals(3, Gproc.lookupValue(key(A, "hits")));
        node.exit(self, c1, Atom.KILL);
        Await.until("the aggregate follows the dead counter", () -> Integer.valueOf(0).equals(Gproc.lookupValue(key(A, "hits"))));
        assertThrows(IllegalArgumentException.class, () -> Gproc.reg(key(C, "bad"), "x"));
        assertThrows(IllegalArgumentException.class, () -> Gproc.updateCounter(key(C, "nope"), 1));
    }

    @Test
    void resourceCountersCountResources() {
        holder(() -> Gproc.reg(key(R, "db")));
        assertTrue(Gproc.reg(key(RC, "db")));
        assertTrue(Gproc.reg(key(R, "db")));
        assertEquals(2, Gproc.lookupValue(key(RC, "db")));
        assertTrue(Gproc.unreg(key(R, "db")));
        assertEquals(1, Gproc.lookupValue(key(RC, "db")));
    }

    @Test
    void awaitAndNbWaitHearOfALaterRegistration() {
        Ref ref = Gproc.nbWait(key(N, "later"));
        Pid p = holder(() -> Gproc.reg(key(N, "later"), "v"));
        assertEquals(Tuple.of(Atom.of("gproc"), ref, Atom.of("registered"), Tuple.of(key(N, "later"), p, "v")), me.receive(5000));
        assertEquals(Tuple.of(p, "v"), Gproc.await(key(N, "later"), 1000));
        Pid waiter = node.spawn(ctx -> ctx.send(self, Gproc.await(key(N, "awaited"), -1)));
        Await.until("the waiter waits", () -> table().lookup(Tuple.of(key(N, "awaited"), N)).size() == 1);
        Pid q = holder(() -> Gproc.reg(key(N, "awaited")));
        assertEquals(Tuple.of(q, Atom.UNDEFINED), me.receive(5000));
        ErlangError e = assertThrows(ErlangError.class, () -> Gproc.await(key(N, "never"), 10));
        assertEquals(Atom.TIMEOUT, e.reason());
        assertTrue(table().lookup(Tuple.of(key(N, "never"), N)).isEmpty());
        assertTrue(waiter.number() > 0);
    }

    @Test
    void giveAwayGoodbyeAndRegOrLocate() {
        Pid other = holder(() -> Gproc.reg(key(N, "other")));
        assertTrue(Gproc.reg(key(N, "gift"), 42));
        assertEquals(other, Gproc.giveAway(key(N, "gift"), key(N, "other")));
        assertEquals(other, Gproc.where(key(N, "gift")));
        assertEquals(42, Gproc.getValue(key(N, "gift"), other));
        assertTrue(Gproc.reg(key(P, "gift2")));
        assertEquals(Atom.UNDEFINED, Gproc.giveAway(key(P, "gift2"), key(N, "nobody")));
        assertEquals(List.of(), Gproc.lookupPids(key(P, "gift2")));
        assertEquals(Tuple.of(other, Atom.UNDEFINED), Gproc.regOrLocate(key(N, "other"), 1));
        assertEquals(Tuple.of(self, 1), Gproc.regOrLocate(key(N, "mine"), 1));
        Tuple spawned = Gproc.regOrLocate(key(N, "spawned"), "s", ctx -> ctx.receive());
        assertEquals(spawned.get(0), Gproc.where(key(N, "spawned")));
        assertTrue(Gproc.reg(key(P, "x")));
        assertEquals(Tuple.of(Atom.of("gproc"), List.of(Tuple.of(key(N, "mine"), 1), Tuple.of(key(P, "x"), Atom.UNDEFINED))), Gproc.info(self));
        assertEquals(Atom.OK, Gproc.goodbye());
        assertEquals(Tuple.of(Atom.of("gproc"), List.of()), Gproc.info(self));
        assertNull(Gproc.where(key(N, "mine")));
    }

    @Test
    void selectSeesKeyPidValue() {
        Pid p = holder(() -> Gproc.reg(key(P, "w"), 1));
        assertTrue(Gproc.reg(key(N, "me"), 2));
        assertTrue(Gproc.reg(key(P, "w"), 3));
        Object all = List.of(Tuple.of(Tuple.of(ANY, ANY, ANY), List.of(), List.of(Atom.of("$_"))));
        assertEquals(List.of(Tuple.of(key(N, "me"), self, 2), Tuple.of(key(P, "w"), self, 3), Tuple.of(key(P, "w"), p, 1)), Gproc.select(all));
        Object pids = List.of(Tuple.of(Tuple.of(key(P, "w"), V1, ANY), List.of(), List.of(V1)));
        assertEquals(List.of(self, p), Gproc.select(pids));
        assertEquals(List.of(Tuple.of(key(N, "me"), self, 2)), Gproc.select(Atom.of("names"), all));
        assertEquals(2, Gproc.select(Tuple.of(L, P), all).size());
        assertThrows(IllegalArgumentException.class, () -> Gproc.select(Atom.of("bogus"), all));
    }

    @Test
    void theTableHasGprocsLayout() {
        assertTrue(Gproc.reg(key(N, "me"), 2));
        assertTrue(Gproc.reg(key(P, "w")));
        Table t = table();
        assertEquals(TableType.ORDERED_SET, t.type());
        assertEquals(node.names().whereisPid(Atom.of("gproc")), t.owner());
        List<Tuple> expected = new ArrayList<>(List.of(
                Tuple.of(Tuple.of(self, L)),
                Tuple.of(Tuple.of(self, key(N, "me")), List.of()),
                Tuple.of(Tuple.of(self, key(P, "w")), List.of()),
                Tuple.of(Tuple.of(key(N, "me"), N), self, 2),
                Tuple.of(Tuple.of(key(P, "w"), self), self, Atom.UNDEFINED)));
        assertEquals(expected, t.tab2list());
    }

    @Test
    void viaTuplesNameGenServers() {
        Tuple via = Tuple.of(Atom.VIA, Atom.of("gproc"), key(N, "srv"));
        class Srv extends GenServer {
            @Override
            public Object init(Object arg) {
                return Tuple.of(Atom.OK, arg);
            }

            @Override
            public Object handleCall(Object request, Tuple from, Object state) {
                return Tuple.of(Atom.of("reply"), state, state);
            }
        }
        Gproc.install(node);
        Tuple started = (Tuple) GenServer.start(new Srv(), "state", StartOptions.named(via));
        assertEquals(Atom.OK, started.get(0), started::toString);
        assertEquals(started.get(1), Gproc.where(key(N, "srv")));
        assertEquals("state", GenServer.call(via, "get"));
        Tuple again = (Tuple) GenServer.start(new Srv(), "state", StartOptions.named(via));
        assertEquals(Tuple.of(Atom.ERROR, Tuple.of(Atom.of("already_started"), started.get(1))), again);
        node.exit(self, (Pid) started.get(1), Atom.KILL);
        Await.until("the name is free", () -> Gproc.where(key(N, "srv")) == null);
    }

    @Test
    void globalKeysNeedAGlobalScope() {
        ErlangError e = assertThrows(ErlangError.class, () -> Gproc.reg(Tuple.of(N, G, "x")));
        assertEquals(Atom.of("local_only"), e.reason());
        Gproc.installGlobalScope(node, (f, args) -> f + args.size());
        assertEquals("lookup_value1", Gproc.lookupValue(Tuple.of(N, G, "x")));
        Gproc.installGlobalScope(node, null);
        assertThrows(ErlangError.class, () -> Gproc.where(Tuple.of(N, G, "x")));
    }
}
