package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a process that dies of an error ends with, against what iex printed for the same lines
 * ({@code iex-reference/exit_reasons.txt}): the BEAM's Erlang term for the errors it raises itself
 * ({@code {:badarith, stack}}, {@code {{:badkey, :a, %{}}, stack}}, {@code :cond_clause}, ...; it
 * printed {@code %ArithmeticError{...}} and other structs made of the Java exception) and the
 * struct for what Elixir code raised, in {@code :DOWN} and {@code :EXIT} messages, patterns that
 * match them, {@code Task.yield/2}, a GenServer's failed {@code init/1} and its
 * {@code GenServer.call/2} exit, with the Logger reports as iex prints them; after
 * {@code Logger.configure(level: :none)} no crash report prints, as in iex.
 */
@Timeout(180)
class ExitReasonsSessionTest {
    private static final String SERVER = """
            defmodule S do
              use GenServer
              def init(:bad), do: {:ok, 1 / Enum.random([0])}
              def init(x), do: {:ok, x}
              def handle_call(:div, _, s), do: {:reply, 1 / Enum.random([0]), s}
              def handle_call(:match, _, s), do: {:reply, ({:ok, _} = Enum.random([:error])), s}
            end""";

    @Test
    void errorsInExitReasonsAreTheBeamsTerms() {
        IexSessionCheck.against("exit_reasons.txt")
                .same("down = fn f -> {pid, ref} = spawn_monitor(f); Process.sleep(100); receive do {:DOWN, ^ref, :process, ^pid, r} -> r end end")
                // (a crash report races the input's result, in iex as in procshell)
                .same("down.(fn -> m = Enum.random([%{}]); m.a end)").loggerAnywhere()
                .same("down.(fn -> cond do Enum.random([false]) -> 1 end end)").loggerAnywhere()
                .same("down.(fn -> with {:ok, x} <- Enum.random([:no]), do: x, else: (:yes -> 1) end)").loggerAnywhere()
                .same("down.(fn -> :erlang.error({:my, :term}) end)").loggerAnywhere()
                .same("down.(fn -> raise ArgumentError, \"own\" end)").loggerAnywhere()
                .same("down.(fn -> Enum.random([1]) and true end)").loggerAnywhere()
                .same("{pid, ref} = spawn_monitor(fn -> raise \"boom\" end); Process.sleep(100)").loggerAnywhere()
                .same("receive do {:DOWN, ^ref, :process, ^pid, {%RuntimeError{message: m}, _}} -> m end")
                .same(SERVER)
                .same("GenServer.start(S, :bad)")
                .same("{:ok, s} = GenServer.start(S, :ok)")
                .same("GenServer.call(s, :match)").loggerAnywhere()
                .same("Process.flag(:trap_exit, true)")
                .same("t = Task.async(fn -> raise ArgumentError, \"own\" end); Process.sleep(100)").loggerAnywhere()
                // from Logger.configure(level: :none) on, no report prints
                .everyInput()
                .check();
    }
}
