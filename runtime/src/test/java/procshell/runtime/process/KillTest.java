package procshell.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import procshell.runtime.TestNode;
import procshell.runtime.event.NodeEvent;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;

/**
 * A killed process is dead at once for everyone, even while its thread still runs code that never
 * calls the runtime; the thread's next runtime call fails with {@link ProcessExitedError}.
 */
class KillTest {
    @RegisterExtension
    final TestNode rt = new TestNode();

    /** Body that registers a name, reports, then spins without calling the runtime until released. */
    private static final class Spinner implements ProcessBody {
        final Pid test;
        final Atom name;
        final Object spinning = Atom.of("spinning");
        volatile boolean release;
        volatile long sink;
        final ConcurrentLinkedQueue<Object> afterwards = new ConcurrentLinkedQueue<>();
        final Thread[] thread = new Thread[1];

        Spinner(Pid test, Atom name) {
            this.test = test;
            this.name = name;
        }

        @Override
        public void run(ProcessContext self) {
            self.node().names().register(name, self.process());
            thread[0] = Thread.currentThread();
            self.send(test, spinning);
            long x = 0;
            while (!release) x++; // a CPU loop: no runtime call, no interrupt check
            sink = x;
            try {
                self.receive(0);
                afterwards.add("receive returned");
            } catch (ProcessExitedError e) {
                afterwards.add(e.reason());
                throw e;
            }
        }
    }

    @Test
    void aKilledProcessInACpuLoopIsDeadAtOnce() {
        ConcurrentLinkedQueue<NodeEvent> events = new ConcurrentLinkedQueue<>();
        Runnable unsubscribe = rt.node().events().subscribe(e -> {
            if (e instanceof NodeEvent.Exited) events.add(e);
        });
        try {
            Atom name = Atom.of("spinner");
            Spinner body = new Spinner(rt.pid(), name);
            Pid pid = rt.node().spawn(body);
            Await.receiveEqual(rt.self(), body.spinning);
            Ref ref = rt.self().monitor(pid);
            LocalProcess record = rt.node().process(pid);
            rt.self().send(pid, Atom.of("queued before the kill"));

            rt.self().exit(pid, Atom.KILL);

            // Its thread is still spinning, yet for everyone else it is gone.
            assertTrue(body.thread[0].isAlive());
            assertFalse(rt.node().isAlive(pid));
            assertNull(rt.node().whereis(name));
            assertFalse(rt.node().names().registered().contains(name));
            assertFalse(rt.node().processes().contains(pid));
            assertEquals(Tuple.of(Atom.DOWN, ref, Atom.PROCESS, pid, Atom.KILLED), rt.self().receive(0));
            assertEquals(List.of(new NodeEvent.Exited(pid, name, Atom.KILLED)), List.copyOf(events));
            assertEquals(Atom.of("exiting"), record.status());

            // Its next runtime call (a receive, with a message queued) throws.
            body.release = true;
            Await.until("the spinner's next runtime call", () -> !body.afterwards.isEmpty());
            assertEquals(List.of(Atom.KILLED), List.copyOf(body.afterwards));
            Await.until("the spinner's thread ends", () -> !body.thread[0].isAlive());
            assertEquals(1, events.size(), "exit processed once");
        } finally {
            unsubscribe.run();
        }
    }

    @Test
    void theNameOfAKilledProcessIsFreeAtOnce() {
        Atom name = Atom.of("reusable");
        Spinner body = new Spinner(rt.pid(), name);
        Pid pid = rt.node().spawn(body);
        Await.receiveEqual(rt.self(), body.spinning);
        rt.self().exit(pid, Atom.KILL);
        rt.node().names().register(name, rt.self().process());
        assertEquals(rt.pid(), rt.node().whereis(name));
        body.release = true;
    }

    @Test
    void everyRuntimeCallOfAKilledProcessThrows() {
        AtomicReference<ProcessContext> ctx = new AtomicReference<>();
        Pid test = rt.pid();
        Pid pid = rt.node().spawn(self -> {
            ctx.set(self);
            self.send(test, Atom.of("ready"));
            while (true) self.receive();
        });
        Await.receiveEqual(rt.self(), Atom.of("ready"));
        rt.self().exit(pid, Atom.of("bye"));
        ProcessContext dead = ctx.get();
        List<Runnable> calls = List.of(
                () -> dead.send(test, 1),
                () -> dead.receive(0),
                () -> dead.link(test),
                () -> dead.monitor(test),
                () -> dead.spawn(s -> {}),
                () -> dead.trapExit(true),
                () -> dead.exit(test, Atom.KILL));
        for (Runnable call : calls) {
            try {
                call.run();
                throw new AssertionError("a dead process's runtime call returned");
            } catch (ProcessExitedError e) {
                assertEquals(Atom.of("bye"), e.reason());
            }
        }
        assertTrue(rt.self().process().isAlive());
    }

    @Test
    void aProcessExitedErrorThrownByALiveProcessStillEndsIt() {
        Tuple spawned = rt.self().spawnMonitor(self -> {
            throw new ProcessExitedError(Atom.of("odd"));
        });
        Pid pid = (Pid) spawned.get(0);
        assertEquals(Atom.of("odd"), Await.down(rt.self(), (Ref) spawned.get(1)));
        assertFalse(rt.node().isAlive(pid));
    }

    @Test
    void detachAfterAKillLeavesTheThreadUninterrupted() throws Exception {
        AtomicReference<Pid> attached = new AtomicReference<>();
        ConcurrentLinkedQueue<Object> result = new ConcurrentLinkedQueue<>();
        Object lock = new Object();
        Thread t = Thread.ofPlatform().start(() -> {
            ProcessContext ctx = rt.node().attach();
            attached.set(ctx.self());
            synchronized (lock) {
                while (rt.node().isAlive(ctx.self())) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        // the kill: carry on to detach
                    }
                }
            }
            rt.node().detach();
            result.add(Thread.currentThread().isInterrupted());
        });
        Await.until("attached", () -> attached.get() != null);
        rt.self().exit(attached.get(), Atom.KILL);
        synchronized (lock) {
            lock.notifyAll();
        }
        t.join();
        assertEquals(List.of(false), List.copyOf(result));
    }
}
