package procshell.runtime.node;

/**
 * The atoms a node's table holds from the start, as the BEAM's table holds the atoms of its
 * preloaded modules before any user code runs.
 */
final class BootAtoms {
    static final String[] NAMES = {
        "ok", "error", "normal", "kill", "killed", "shutdown", "EXIT", "DOWN", "process", "noproc",
        "undefined", "timeout", "ignore", "infinity", "yes", "no", "via", "global", "true", "false", "nil",
        "badarg", "badarith", "system_limit", "noconnection", "reply", "noreply", "stop", "continue",
        "hibernate", "permanent", "transient", "temporary", "worker", "supervisor", "brutal_kill",
        "one_for_one", "one_for_all", "rest_for_one", "simple_one_for_one", "$gen_call", "$gen_cast",
        "already_started", "already_present", "running", "restarting", "not_found", "max_children",
        "waiting", "exiting", "registered_name", "current_function", "initial_call", "status",
        "message_queue_len", "messages", "links", "monitors", "monitored_by", "trap_exit", "dictionary",
        "reductions", "memory", "unique", "duplicate", "Elixir.GenServer", "Elixir.Supervisor",
        "Elixir.DynamicSupervisor", "Elixir.Registry", "Elixir.Process", "Elixir.Node", "erlang",
        "gen_server", "gen", "call", "cast", "init_it", "loop", "proc_lib", "erts", "nonode@nohost",
    };

    private BootAtoms() {}
}
