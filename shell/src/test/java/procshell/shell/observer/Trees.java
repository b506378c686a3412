package procshell.shell.observer;

/**
 * A supervision tree with something of each kind a tree picture draws: Sup (linked to the shell)
 * supervises Counter, killed once and restarted, and Keeper, which owns an ETS table and monitors
 * the new Counter.
 */
final class Trees {
    static final String KEEPER = "defmodule Keeper do; use GenServer; "
            + "def start_link(_), do: GenServer.start_link(__MODULE__, nil, name: __MODULE__); "
            + "def init(_) do; :ets.new(:keeper_stock, [:named_table]); :ets.insert(:keeper_stock, {:apples, 3}); {:ok, nil}; end; "
            + "def handle_call(:watch, _from, s), do: {:reply, Process.monitor(Counter), s}; end";

    /** The inputs that build the tree; Counter restarted, Keeper monitoring it when they are done. */
    static final String[] KEEPER_AND_COUNTER = TraceSessions.then(TraceSessions.SUPERVISED,
            KEEPER, "Supervisor.start_child(Sup, Keeper)", TraceSessions.KILL, "is_reference(GenServer.call(Keeper, :watch))");

    private Trees() {}
}
