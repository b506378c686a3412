package procshell.shell.iex;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ProcessContext;

/** Erlang's {@code :erlang} module, the parts the shell offers: {@code :erlang.system_info/1}, {@code :erlang.node/0}, {@code :erlang.process_info/2} and friends. */
@Doc("""
    The :erlang module: built-in functions of the runtime.
    """)
@ElixirName(":erlang")
public final class Erlang {
    private Erlang() {}

    /**
     * Facts about the node, as {@code :erlang.system_info/1}: {@code :atom_count},
     * {@code :atom_limit}, {@code :process_count}, {@code :process_limit},
     * {@code :schedulers_online}, {@code :otp_release}.
     *
     * @throws IllegalArgumentException for other items
     */
    @Doc("""
        Returns information about the runtime: :atom_count, :atom_limit,
        :process_count, :process_limit, ...

        ## Examples

            ps> :erlang.system_info(:atom_limit)
            1048576
        """)
    public static Object system_info(Atom item) {
        Node node = ProcessContext.require().node();
        return switch (item.name()) {
            case "atom_count" -> node.atoms().count();
            case "atom_limit" -> node.atoms().limit();
            case "process_count" -> node.processCount();
            case "process_limit" -> 1_048_576 * 128;
            case "schedulers_online", "schedulers" -> Runtime.getRuntime().availableProcessors();
            case "otp_release" -> "25";
            default -> throw new IllegalArgumentException("errors were found at the given arguments:\n\n  * 1st argument: invalid argument\n");
        };
    }

    /** As {@code :erlang.whereis/1}: the pid or {@code :undefined}. */
    @Doc("""
        Returns the pid registered under the name, or :undefined.
        """)
    public static Object whereis(Atom name) {
        Pid p = ProcessContext.require().node().whereis(name);
        return p == null ? Atom.UNDEFINED : p;
    }

    /** As {@code :erlang.self/0}. */
    @Doc("""
        Returns the pid of the calling process.
        """)
    public static Pid self() {
        return ProcessContext.require().self();
    }

    /**
     * The element at a one-based position, as {@code :erlang.element/2}.
     *
     * @throws ArgumentError "1st argument: out of range" or "2nd argument: not a tuple"
     */
    @Doc("""
        Returns the element of a tuple at the one-based position.

        ## Examples

            ps> :erlang.element(1, {:a, :b})
            :a
        """)
    public static Object element(Object position, Object tuple) {
        String call = ":erlang.element(" + Kernel.inspect(position) + ", " + Kernel.inspect(tuple) + ")";
        if (!(tuple instanceof Tuple t)) throw ArgumentError.badArgument("2nd argument: not a tuple", call);
        long n = position instanceof Integer || position instanceof Long ? ((Number) position).longValue() : 0;
        if (n < 1 || n > t.size()) throw ArgumentError.badArgument("1st argument: out of range", call);
        return t.get((int) n - 1);
    }

    /**
     * The atom whose text is a binary, as {@code :erlang.binary_to_atom/2} (what {@code :"x#{y}"}
     * and {@code String.to_atom/1} compile to); the atom is added to the node's atom table.
     *
     * @param binary   the atom's text
     * @param encoding {@code :utf8}, {@code :unicode} or {@code :latin1}
     * @throws ArgumentError "1st argument: not a binary" or "2nd argument: not a valid encoding"
     */
    @Doc("""
        Returns the atom whose text is the binary, creating it if needed.

        ## Examples

            ps> :erlang.binary_to_atom("ok", :utf8)
            :ok
        """)
    public static Atom binary_to_atom(Object binary, Object encoding) {
        String call = ":erlang.binary_to_atom(" + Kernel.inspect(binary) + ", " + Kernel.inspect(encoding) + ")";
        if (!(binary instanceof String text)) throw ArgumentError.badArgument("1st argument: not a binary", call);
        if (!(encoding instanceof Atom e) || !java.util.Set.of("utf8", "unicode", "latin1").contains(e.name())) {
            throw ArgumentError.badArgument("2nd argument: not a valid encoding", call);
        }
        return Kernel._atom_(text);
    }

    /** {@code :erlang.binary_to_atom/1}: as {@link #binary_to_atom(Object, Object)} in UTF-8. */
    @Doc("""
        Returns the atom whose text is the (UTF-8) binary, creating it if needed.
        """)
    public static Atom binary_to_atom(Object binary) {
        return binary_to_atom(binary, Atom.of("utf8"));
    }

    /**
     * The text of an atom, as {@code :erlang.atom_to_binary/1}.
     *
     * @throws ArgumentError "1st argument: not an atom"
     */
    @Doc("""
        Returns the text of an atom as a binary.

        ## Examples

            ps> :erlang.atom_to_binary(:ok)
            "ok"
        """)
    public static String atom_to_binary(Object atom) {
        if (atom == null) return "nil";
        if (atom instanceof Boolean b) return b.toString();
        if (atom instanceof Atom a) return a.name();
        throw ArgumentError.badArgument("1st argument: not an atom", ":erlang.atom_to_binary(" + Kernel.inspect(atom) + ")");
    }

    /**
     * The number of elements of a tuple, as {@code :erlang.tuple_size/1}.
     *
     * @throws ArgumentError "1st argument: not a tuple"
     */
    @Doc("""
        Returns the number of elements of a tuple.
        """)
    public static int tuple_size(Object tuple) {
        if (tuple instanceof Tuple t) return t.size();
        throw ArgumentError.badArgument("1st argument: not a tuple", ":erlang.tuple_size(" + Kernel.inspect(tuple) + ")");
    }

    /** As {@code :erlang.node/0}: this node's name, {@code :nonode@nohost} when not distributed. */
    @Doc("""
        Returns the name of the local node (:nonode@nohost when not distributed);
        with a pid, the node the process runs on.

        ## Examples

            ps> :erlang.node()
            :nonode@nohost
        """)
    public static Atom node() {
        return Kernel.node();
    }

    /** As {@code :erlang.node/1}: the node a pid belongs to. */
    public static Atom node(Pid pid) {
        return Kernel.node(pid);
    }

    /** As {@code :erlang.processes/0}: the live pids, oldest first. */
    @Doc("""
        Returns the pids of every live process on the local node, oldest first.
        """)
    public static java.util.List<Pid> processes() {
        return Process.list();
    }

    /** As {@code :erlang.registered/0}: the locally registered names. */
    @Doc("""
        Returns the names registered on the local node.
        """)
    public static java.util.List<Atom> registered() {
        return Process.registered();
    }

    /**
     * As {@code :erlang.is_process_alive/1}.
     *
     * @throws ArgumentError "1st argument: not a pid" for anything but a local pid
     */
    @Doc("""
        Tells whether the local process exists and is alive.

        ## Examples

            ps> :erlang.is_process_alive(self())
            true
        """)
    public static boolean is_process_alive(Object pid) {
        return Process.alive_qm(pid);
    }

    /**
     * As {@code :erlang.process_info/1,2}: the keyword list or the {@code {item, value}} tuple
     * of {@code Process.info/1,2}; nil for a dead process.
     *
     * @throws ArgumentError "1st argument: not a pid" for anything but a local pid
     */
    @Doc("""
        Returns information about a process: all items, or one item as {item, value}.

        ## Examples

            ps> :erlang.process_info(self(), :status)
            {:status, :running}
        """)
    public static Object process_info(Object pid) {
        return Process.erlangInfo(pid);
    }

    /** {@code :erlang.process_info/2}; see {@link #process_info(Object)}. */
    public static Object process_info(Object pid, Object item) {
        return Process.erlangInfo(pid, item);
    }
}
