package procshell.runtime;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import procshell.runtime.event.NodeEvent;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.Await;
import procshell.runtime.process.ProcessContext;

/**
 * A fresh {@link Node} for every test, with the test's own thread attached to it as a process.
 * Register it on an instance field:
 *
 * <pre>{@code @RegisterExtension final TestNode rt = new TestNode();}</pre>
 *
 * <p>Before each test (ahead of the class's own {@code @BeforeEach} methods) it creates a node
 * named {@code nonode@nohost}, subscribes an event recorder first when made with
 * {@link #recordingEvents()}, and attaches the test thread with {@link Node#attach()}: that
 * process is {@link #self()}. After each test (behind the class's {@code @AfterEach} methods) it
 * detaches the thread, which ends the attached process with {@code :normal} and clears any
 * interrupt a kill left on the thread, then shuts the node down, killing every process still
 * running.
 *
 * <p>The helpers are the small pieces many runtime tests need: an idle process, a dead pid, a kill.
 * For bounded waits and receives see {@link Await}.
 */
public final class TestNode implements BeforeEachCallback, AfterEachCallback {
    private final boolean recordEvents;
    private final List<NodeEvent> events = new CopyOnWriteArrayList<>();
    private Node node;
    private ProcessContext self;

    /** A node per test with the test thread attached; no events recorded. */
    public TestNode() {
        this(false);
    }

    private TestNode(boolean recordEvents) {
        this.recordEvents = recordEvents;
    }

    /** As {@link #TestNode()}, and every event the node publishes, from its first, goes to {@link #events()}. */
    public static TestNode recordingEvents() {
        return new TestNode(true);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        node = new Node();
        if (recordEvents) node.events().subscribe(events::add);
        self = node.attach();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            node.detach();
        } finally {
            node.shutdown();
        }
    }

    /** This test's node. */
    public Node node() {
        if (node == null) throw new IllegalStateException("no node outside a test: register TestNode with @RegisterExtension");
        return node;
    }

    /** The test thread's process: its context, for send, receive, link, monitor and the like. */
    public ProcessContext self() {
        if (self == null) throw new IllegalStateException("no attached process outside a test: register TestNode with @RegisterExtension");
        return self;
    }

    /** The pid of the test thread's process. */
    public Pid pid() {
        return self().self();
    }

    /** Every event the node has published so far, in order; only for {@link #recordingEvents()}. */
    public List<NodeEvent> events() {
        if (!recordEvents) throw new IllegalStateException("events are recorded only by TestNode.recordingEvents()");
        return events;
    }

    /** Spawns a process that waits for messages forever, dropping each; returns its pid. */
    public Pid idle() {
        return node().spawn(process -> {
            while (true) process.receive();
        });
    }

    /** The pid of a process that did nothing and ended {@code :normal}; its DOWN has been received. */
    public Pid deadPid() {
        Tuple spawned = self().spawnMonitor(process -> {});
        Await.down(self(), (Ref) spawned.get(1));
        return (Pid) spawned.get(0);
    }

    /** Sends {@code pid} an exit signal {@code :kill} from the test's process, as {@code Process.exit(pid, :kill)}. */
    public void kill(Pid pid) {
        node().exit(pid(), pid, Atom.KILL);
    }

    /**
     * Starts a thread that, once under way, kills {@code pid} from no process, racing with whatever
     * the test does next; join the thread to know the kill, its signals included, is over.
     */
    public Thread killFromAnotherThread(Pid pid) {
        Node n = node();
        CountDownLatch go = new CountDownLatch(1);
        Thread killer = Thread.ofPlatform().start(() -> {
            Await.latch(go);
            n.exit(null, pid, Atom.KILL);
        });
        go.countDown();
        return killer;
    }
}
