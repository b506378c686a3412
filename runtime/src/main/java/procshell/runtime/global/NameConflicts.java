package procshell.runtime.global;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import procshell.runtime.dist.OpaqueTerm;
import procshell.runtime.event.NodeEvent;
import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;

/**
 * What {@code :global} does when two partitions that join hold the same name for two processes:
 * the resolve method stored with the name decides, as the BEAM's {@code random_exit_name/3} (the
 * default: the process on the greater node is killed), {@code random_notify_name/3} (it is told
 * {@code {:global_name_conflict, name}}) and {@code notify_all_name/3} (both are told, and the name
 * goes). A method is the term the BEAM stores: the fun {@code &:global.random_exit_name/3}, which
 * travels between nodes as it is.
 */
final class NameConflicts {
    private static final Atom GLOBAL = Atom.of("global");
    static final Atom RANDOM_EXIT_NAME = Atom.of("random_exit_name");
    static final Atom RANDOM_NOTIFY_NAME = Atom.of("random_notify_name");
    static final Atom NOTIFY_ALL_NAME = Atom.of("notify_all_name");
    private static final Atom CONFLICT = Atom.of("global_name_conflict");
    private static final Atom INFO = Atom.of("info");
    /** The default method, {@code &:global.random_exit_name/3}. */
    static final Object DEFAULT = method(RANDOM_EXIT_NAME);

    private NameConflicts() {}

    /** The fun {@code &:global.<function>/3}, as the BEAM encodes it (EXPORT_EXT). */
    static Object method(Atom function) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(113); // EXPORT_EXT
        atom(b, GLOBAL);
        atom(b, function);
        b.write(97); // SMALL_INTEGER_EXT
        b.write(3);
        return new OpaqueTerm("&:global." + function.name() + "/3", b.toByteArray(), Tuple.of(GLOBAL, function, 3));
    }

    private static void atom(ByteArrayOutputStream b, Atom a) {
        byte[] name = a.name().getBytes(StandardCharsets.UTF_8);
        b.write(119); // SMALL_ATOM_UTF8_EXT
        b.write(name.length);
        b.writeBytes(name);
    }

    /** The function of a method {@code &:global.f/3}, or {@link #RANDOM_EXIT_NAME} for anything else. */
    static Atom function(Object method) {
        if (method instanceof OpaqueTerm o && o.fun() != null && GLOBAL.equals(o.fun().get(0)) && o.fun().get(1) instanceof Atom f
                && (f.equals(RANDOM_NOTIFY_NAME) || f.equals(NOTIFY_ALL_NAME))) {
            return f;
        }
        return RANDOM_EXIT_NAME;
    }

    /**
     * Runs {@code method(name, pid1, pid2)} as the BEAM's {@code global:resolve_it/4} on the node
     * that resolves.
     *
     * @return the pid that keeps the name, or null ({@code :none}) when neither does
     */
    static Pid resolve(Node node, Pid self, Object method, Object name, Pid pid1, Pid pid2) {
        Atom f = function(method);
        boolean firstIsMin = LockRequests.nodeOf(node, pid1).name().compareTo(LockRequests.nodeOf(node, pid2).name()) < 0;
        Pid min = firstIsMin ? pid1 : pid2;
        Pid max = firstIsMin ? pid2 : pid1;
        if (f.equals(NOTIFY_ALL_NAME)) {
            node.send(pid1, Tuple.of(CONFLICT, name, pid2));
            node.send(pid2, Tuple.of(CONFLICT, name, pid1));
            return null;
        }
        if (f.equals(RANDOM_NOTIFY_NAME)) {
            node.send(max, Tuple.of(CONFLICT, name));
            return min;
        }
        node.events().publish(new NodeEvent.Logged(INFO, "global: Name conflict terminating " + Inspect.inspect(Tuple.of(name, max))));
        node.exit(self, max, Atom.KILL);
        return min;
    }
}
