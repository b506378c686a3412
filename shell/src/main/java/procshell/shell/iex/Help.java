package procshell.shell.iex;

/** The text of {@code h/0} and {@code h/1}. */
final class Help {
    private Help() {}

    static String overview() {
        return """
                procshell — an iex-like shell over a BEAM-like runtime. Type Groovy, with Elixir's
                atoms (:ok), tuples ({:ok, pid}), maps (%{id: 1}) and matches ({:ok, pid} = ...).

                Helpers:
                  flush()          prints and drops every message in the shell's mailbox
                  h()              this help
                  i(term)          information about a term or a pid
                  pid("0.123.0")   the pid #PID<0.123.0>
                  self()           the shell's own pid
                  v(n)             the result of prompt n (v() the last one)
                  spawn { ... }    a new process; spawn_link { ... } links it to the shell
                  send(dest, msg)  sends a message; receive() / receive(ms) takes one
                  tables()         the node's ETS-like tables, as Observer's Table Viewer
                  table(name)      the rows of one table
                  processes()      the node's processes, as Observer's process list
                  tree(sup)        a supervisor's tree, restarted children marked
                  watch()          prints spawns, exits, restarts, (un)registrations live; unwatch() stops
                  observer()       a full-screen, live view: processes, trees, tables (q leaves)
                  apply(m, f, a)   calls module m's function f with the list of arguments a

                Modules: GenServer, Supervisor, DynamicSupervisor, Registry, Process, String,
                Enum, IO, :erlang, :sys, :ets. Classes you define (class X extends GenServer
                { ... }) are modules.
                Ctrl-C stops a running evaluation; Ctrl-D leaves.
                """;
    }

    static String about(Object subject) {
        String name = subject instanceof Class<?> c ? Modules.moduleName(c) : String.valueOf(subject);
        return "No documentation for " + name + " yet; h() lists what the shell offers.\n";
    }
}
