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
    private static final Atom NONE = Atom.of("none");
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

    /**
     * A method as other nodes can store it: a procshell fn (a {@link ResolveMethod}) travels as
     * itself when it can ({@link ResolveMethod#onWire}), else as the default.
     */
    static Object onWire(Object method) {
        if (!(method instanceof ResolveMethod r)) return method;
        Object wire = r.onWire();
        return wire != null ? wire : DEFAULT;
    }

    /** The function of a method {@code &:global.f/3}, or {@link #RANDOM_EXIT_NAME} for any other term. */
    static Atom function(Object method) {
        if (method instanceof OpaqueTerm o && o.fun() != null && GLOBAL.equals(o.fun().get(0)) && o.fun().get(1) instanceof Atom f
                && (f.equals(RANDOM_NOTIFY_NAME) || f.equals(NOTIFY_ALL_NAME))) {
            return f;
        }
        return RANDOM_EXIT_NAME;
    }

    /**
     * Runs {@code method(name, pid1, pid2)} as the BEAM's {@code global:resolve_it/4} on the node
     * that resolves; a method that raises or answers another pid keeps the name for neither.
     *
     * @return the pid that keeps the name, or null ({@code :none}) when neither does
     */
    static Pid resolve(Node node, Pid self, Object method, Object name, Pid pid1, Pid pid2) {
        Object kept;
        if (method instanceof ResolveMethod m) {
            try {
                kept = m.resolve(name, pid1, pid2);
            } catch (RuntimeException e) {
                kept = e;
            }
        } else {
            Atom f = function(method);
            kept = f.equals(NOTIFY_ALL_NAME) ? notifyAllName(node, name, pid1, pid2)
                    : f.equals(RANDOM_NOTIFY_NAME) ? randomNotifyName(node, name, pid1, pid2) : randomExitName(node, self, name, pid1, pid2);
        }
        if (kept instanceof Pid p && (p.equals(pid1) || p.equals(pid2))) return p;
        if (!NONE.equals(kept)) {
            node.events().publish(new NodeEvent.Logged(INFO, "global: Resolve method " + Inspect.inspect(method) + " for conflicting name "
                    + Inspect.inspect(name) + " returned " + (kept instanceof RuntimeException ? "an exception" : Inspect.inspect(kept))));
        }
        return null;
    }

    /** {@code :global.random_exit_name/3}: kills the process on the greater node (logged) and keeps the other. */
    static Pid randomExitName(Node node, Pid from, Object name, Pid pid1, Pid pid2) {
        Pid[] mm = minMax(node, pid1, pid2);
        node.events().publish(new NodeEvent.Logged(INFO, "global: Name conflict terminating " + Inspect.inspect(Tuple.of(name, mm[1]))));
        node.exit(from, mm[1], Atom.KILL);
        return mm[0];
    }

    /** {@code :global.random_notify_name/3}: tells the process on the greater node {@code {:global_name_conflict, name}}; keeps the other. */
    static Pid randomNotifyName(Node node, Object name, Pid pid1, Pid pid2) {
        Pid[] mm = minMax(node, pid1, pid2);
        node.send(mm[1], Tuple.of(CONFLICT, name));
        return mm[0];
    }

    /** {@code :global.notify_all_name/3}: tells both {@code {:global_name_conflict, name, other_pid}}; keeps neither ({@code :none}). */
    static Atom notifyAllName(Node node, Object name, Pid pid1, Pid pid2) {
        node.send(pid1, Tuple.of(CONFLICT, name, pid2));
        node.send(pid2, Tuple.of(CONFLICT, name, pid1));
        return NONE;
    }

    /** {min, max} by node name, as the BEAM's minmax/2 (the same node: the second first). */
    private static Pid[] minMax(Node node, Pid pid1, Pid pid2) {
        boolean firstIsMin = LockRequests.nodeOf(node, pid1).name().compareTo(LockRequests.nodeOf(node, pid2).name()) < 0;
        return firstIsMin ? new Pid[] {pid1, pid2} : new Pid[] {pid2, pid1};
    }
}
