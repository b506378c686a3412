package procshell.runtime.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.provider.Arguments;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.Await;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.table.TermCompare;

/**
 * What the registry tests share, as registry_test.exs's setup: a node per test with the test
 * thread attached as a process, a registry named after the test, and {@code register_task/3}.
 */
abstract class RegistryTestSupport {
    static final Atom UNIQUE = Atom.of("unique");
    static final Atom DUPLICATE = Atom.of("duplicate");

    Node node;
    ProcessContext me;
    Pid self;
    private String testName;
    private int registries;

    @BeforeEach
    void attach(TestInfo info) {
        node = new Node();
        me = node.attach();
        self = me.self();
        testName = info.getTestMethod().map(m -> m.getName()).orElse("test");
    }

    @AfterEach
    void detach() {
        // The test process ends :normal, which a registry's supervisor (trapping exits) takes as its
        // parent's exit: it stops, and its partitions with it.
        node.detach();
        node.shutdown();
    }

    /** The keys × partitions of registry_test.exs's describe blocks. */
    static Stream<Arguments> unique() {
        return Stream.of(Arguments.of(UNIQUE, 1), Arguments.of(UNIQUE, 8));
    }

    static Stream<Arguments> duplicate() {
        return Stream.of(Arguments.of(DUPLICATE, 1), Arguments.of(DUPLICATE, 8));
    }

    static Stream<Arguments> both() {
        return Stream.concat(unique(), duplicate());
    }

    static Atom a(String name) {
        return Atom.of(name);
    }

    /** A keyword list from alternating names and values. */
    static List<Tuple> kw(Object... namesAndValues) {
        List<Tuple> out = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) out.add(Tuple.of(a((String) namesAndValues[i]), namesAndValues[i + 1]));
        return out;
    }

    /** Starts a registry named after the test (as {@code config.test}) and returns its name. */
    Atom start(Atom keys, int partitions, Object... more) {
        Atom name = Atom.module("RegistryTest." + testName + (registries++ == 0 ? "" : String.valueOf(registries)));
        List<Tuple> options = kw("keys", keys, "name", name, "partitions", partitions);
        options.addAll(kw(more));
        Object r = Registry.startLink(options);
        assertTrue(r instanceof Tuple t && t.isTagged(Atom.OK, 2), () -> "start_link: " + r);
        return name;
    }

    /** {@code {:ok, pid}} → pid. */
    static Pid okPid(Object result) {
        assertTrue(result instanceof Tuple t && t.isTagged(Atom.OK, 2) && t.get(1) instanceof Pid, () -> "expected {:ok, pid}, got " + result);
        return (Pid) ((Tuple) result).get(1);
    }

    /**
     * As registry_test.exs's {@code register_task/3}: a process that registers {@code key} and
     * waits; returns {@code {owner, task_pid}} where owner is the partition pid.
     */
    Tuple registerTask(Atom registry, Object key, Object value) {
        Pid parent = self;
        Ref tag = node.makeRef();
        Pid task = node.spawn(p -> {
            Object r = Registry.register(registry, key, value);
            p.send(parent, Tuple.of(tag, r));
            p.receive();
        });
        Tuple reply = (Tuple) Await.receive(me, m -> m instanceof Tuple t && t.size() == 2 && tag.equals(t.get(0)), "register_task");
        return Tuple.of(okPid(reply.get(1)), task);
    }

    /** Kills {@code pid} and waits for its {@code :DOWN}, as {@code kill_and_assert_down/1}. */
    void killAndAssertDown(Pid pid) {
        Ref ref = me.monitor(pid);
        node.exit(self, pid, Atom.KILL);
        assertEquals(Atom.KILLED, Await.down(me, ref));
    }

    /** A copy sorted in term order, as {@code Enum.sort/1}. */
    static List<Object> sorted(List<?> list) {
        List<Object> out = new ArrayList<>(list);
        out.sort(TermCompare::compare);
        return out;
    }

    /** {@code {self(), value}}. */
    Tuple entry(Object value) {
        return Tuple.of(self, value);
    }

    /** Takes every queued message (a receive with timeout 0 each), as {@code flush/0}. */
    List<Object> flush() {
        List<Object> out = new ArrayList<>();
        Object m;
        while ((m = me.receive(0)) != procshell.runtime.process.Mailbox.TIMEOUT) out.add(m);
        return out;
    }
}
