package procshell.shell.console;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.util.Iterator;
import java.util.List;

import procshell.shell.eval.Foreground;

/**
 * The first steps of a study note, run once off screen for the prompt's warm-up, on a shell and
 * node of their own: a module using GenServer defined, a supervision tree with a Registry and a
 * DynamicSupervisor started, a child named by a via tuple started, called and cast to, looked up,
 * killed and restarted, an Agent and a Task. A person's first such steps paid the runtime's and
 * the shell's first runs of that code (classes initialized, call sites linked, the interpreter):
 * through a terminal, {@code Supervisor.start_link/2} of a Registry and a DynamicSupervisor took
 * 40-50 ms against iex's 7, the first {@code DynamicSupervisor.start_child/2} 14-22 against 1.7
 * ({@code bench/README.md}, nineteenth session).
 *
 * <p>Nothing of it reaches the person: its node's processes, names, modules, atoms (a node's
 * table shows its own) and output are its own. Each input waits until no person waits for one
 * ({@link Foreground#giveWay}). Its shell never loads Groovy's compiler: every input is one the
 * shell runs without it.
 */
final class NotesRehearsal {
    /** The inputs, each one complete. */
    static final List<String> INPUTS = List.of("""
            defmodule Enum.Rehearsal do
              use GenServer
              def start_link(name), do: GenServer.start_link(__MODULE__, name, name: {:via, Registry, {Enum.Registry, name}})
              @impl true
              def init(name), do: {:ok, name}
              @impl true
              def handle_call({:echo, text}, _from, name), do: {:reply, "#{name} says: #{inspect(text)}", name}
              @impl true
              def handle_cast({:set, name}, _), do: {:noreply, name}
            end""",
            "children = [{Registry, keys: :unique, name: Enum.Registry}, {DynamicSupervisor, strategy: :one_for_one, name: Enum.Supervisor}]",
            "{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)",
            "{:ok, pid} = DynamicSupervisor.start_child(Enum.Supervisor, {Enum.Rehearsal, \"x\"})",
            "GenServer.call({:via, Registry, {Enum.Registry, \"x\"}}, {:echo, \"x\"})",
            "GenServer.cast(pid, {:set, \"x\"})",
            "Registry.lookup(Enum.Registry, \"x\") ++ Registry.keys(Enum.Registry, GenServer.whereis({:via, Registry, {Enum.Registry, \"x\"}}))",
            "Process.exit(pid, :kill)",
            "Process.sleep(20)",
            "{Registry.count(Enum.Registry), Supervisor.which_children(sup), DynamicSupervisor.count_children(Enum.Supervisor)}",
            "{:ok, agent} = Agent.start_link(fn -> 0 end)",
            "Agent.update(agent, &(&1 + 1))",
            "Agent.get(agent, & &1)",
            "Task.async(fn -> 21 * 2 end) |> Task.await()",
            "Supervisor.stop(sup)");

    private NotesRehearsal() {}

    /**
     * Runs {@link #INPUTS} on a shell of its own, its output dropped; returns when they are done.
     * The prompt's warm-up calls it once per JVM ({@link procshell.shell.eval.Evaluator#prepare(Runnable, Runnable)}).
     */
    static void run() {
        rehearse(new PrintWriter(Writer.nullWriter()));
    }

    /** Runs {@link #INPUTS} on a shell of its own, printing what its console prints to {@code out}. */
    static void rehearse(PrintWriter out) {
        Shell shell = new Shell("nonode@nohost");
        try {
            shell.rehearsal(new Inputs(INPUTS.iterator()), out).run();
        } catch (RuntimeException | LinkageError e) {
            // a warm-up only: the person's own steps run what it did not
        } finally {
            shell.shutdown();
        }
    }

    /** The inputs as piped lines, each handed over once no person waits for an input. */
    private static final class Inputs extends BufferedReader {
        private final Iterator<String> inputs;

        Inputs(Iterator<String> inputs) {
            super(Reader.nullReader());
            this.inputs = inputs;
        }

        @Override
        public String readLine() {
            if (!inputs.hasNext()) return null;
            try {
                Foreground.giveWay();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            return inputs.next();
        }
    }
}
