package procshell.shell.iex;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.process.ProcessContext;

/** Erlang's {@code :erlang} module, the parts the shell offers: {@code :erlang.system_info/1} and friends. */
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
}
