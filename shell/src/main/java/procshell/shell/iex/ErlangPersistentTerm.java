package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Tuple;
import procshell.runtime.term.PersistentMap;
import procshell.shell.eval.Values;

/**
 * Erlang's {@code :persistent_term} (OTP 25): terms stored under keys for the whole node, read by
 * any process without copying. Keys are compared exactly, as the BEAM's ({@code 1} and
 * {@code 1.0} are two keys). Each node has its own store; an update replaces the whole store at
 * once, so a reader sees the store before or after it, never half of it.
 */
@Doc("""
    Node-wide storage of terms for fast reading: :persistent_term.put(key, value),
    :persistent_term.get(key). Updates are meant to be rare.
    """)
public final class ErlangPersistentTerm {
    private ErlangPersistentTerm() {}

    /** Each node's store (a node that is gone takes its store with it). */
    private static final PerNode<AtomicReference<PersistentMap>> STORES = new PerNode<>(() -> new AtomicReference<>(PersistentMap.EMPTY));

    private static AtomicReference<PersistentMap> store() {
        return STORES.get();
    }

    /** As {@code :persistent_term.put/2}: stores the value under the key, replacing any; returns {@code :ok}. */
    @Doc("Stores a term under a key for the whole node; returns :ok.")
    public static Atom put(Object key, Object value) {
        Object k = Values.normalize(key), v = Values.normalize(value);
        store().updateAndGet(m -> m.put(k, v));
        return Atom.OK;
    }

    /**
     * As {@code :persistent_term.get/1}: the term stored under the key.
     *
     * @throws ArgumentError when none is: {@code no persistent term stored with this key}
     */
    @Doc("The term stored under the key (an ArgumentError when there is none); with a default, the default.")
    public static Object get(Object key) {
        Object k = Values.normalize(key);
        Object missing = new Object();
        Object v = store().get().get(k, missing);
        if (v == missing) {
            throw ArgumentError.badArgument("1st argument: no persistent term stored with this key",
                    ":persistent_term.get(" + Kernel.inspect(k) + ")");
        }
        return v;
    }

    /** As {@code :persistent_term.get/2}: the term stored under the key, or {@code fallback}. */
    public static Object get(Object key, Object fallback) {
        return store().get().get(Values.normalize(key), Values.normalize(fallback));
    }

    /** As {@code :persistent_term.get/0}: every {@code {key, value}} stored on the node. */
    public static List<Tuple> get() {
        List<Tuple> out = new ArrayList<>();
        store().get().forEach((k, v) -> out.add(Tuple.of(k, v)));
        return out;
    }

    /** As {@code :persistent_term.erase/1}: removes the key's term; true when there was one. */
    @Doc("Removes the term stored under the key; true when there was one.")
    public static boolean erase(Object key) {
        Object k = Values.normalize(key);
        PersistentMap before = store().getAndUpdate(m -> m.remove(k));
        return before.containsKey(k);
    }
}
