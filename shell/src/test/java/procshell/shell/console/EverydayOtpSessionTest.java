package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The everyday lines of issue 15 that reach for processes, against what a real iex printed for
 * them ({@code iex-reference/everyday_otp.txt}): Agent, Task (await, yield, async_stream),
 * spawn_monitor, Process.send_after, the process dictionary and flags, GenServer.abcast,
 * multi_call and whereis of {@code {name, node}}, a Supervisor with {@code {Agent, fn}} as a child,
 * System, a module that is its atom; then a GenServer's default callbacks and their reports.
 */
@Timeout(60)
class EverydayOtpSessionTest {
    private static final String HELLO_SERVER = """
            defmodule HelloServer do
              use GenServer
              def start_link(arg), do: GenServer.start_link(__MODULE__, arg, name: __MODULE__)
              def init(arg), do: {:ok, arg}
            end""";

    @Test
    void everydayProcessLinesPrintWhatIexPrints() {
        IexSessionCheck.against("everyday_otp.txt")
                .same("{:ok, agent} = Agent.start_link(fn -> 0 end)")
                .same("Agent.update(agent, &(&1 + 1))")
                .same("Agent.get(agent, & &1)")
                .same("Agent.get_and_update(agent, fn n -> {n, n + 10} end)")
                .same("Agent.get(agent, & &1)")
                .same("Task.async(fn -> 1 + 1 end) |> Task.await()")
                .same("Task.async(fn -> :slow end) |> Task.yield(1000)")
                .same("Task.async_stream([1, 2, 3], fn x -> x * x end) |> Enum.to_list()")
                .same("{pid, ref} = spawn_monitor(fn -> :ok end)")
                .same("receive do {:DOWN, ^ref, :process, ^pid, reason} -> reason end")
                .same("Process.send_after(self(), :tick, 10)")
                .same("receive do :tick -> :got_tick end")
                .same("Process.info(self(), :message_queue_len)")
                .same("Process.put(:key, 1)")
                .same("Process.get(:key)")
                .same("Process.flag(:priority, :high)")
                .same("Process.info(self(), :priority)")
                .same("GenServer.abcast(:nobody, :hi)")
                .same("GenServer.multi_call(:nobody, :hi)")
                .same("GenServer.whereis({:nobody, node()})")
                .same("GenServer.whereis({:nobody, :elsewhere@host})")
                .same("{:ok, sup} = Supervisor.start_link([{Agent, fn -> 0 end}], strategy: :one_for_one)")
                .same("Supervisor.which_children(sup)")
                .same("Supervisor.count_children(sup)")
                .same("System.schedulers_online() > 0")
                .same("System.convert_time_unit(1500, :millisecond, :second)")
                .same("System.otp_release()")
                .same("System.version()")
                .same("is_integer(System.monotonic_time())")
                .same(HELLO_SERVER)
                .same("HelloServer == :\"Elixir.HelloServer\"")
                .same("HelloServer.start_link(1)")
                .same("Process.registered() |> Enum.member?(HelloServer)")
                // iex's Logger printed the warning after the next prompt; procshell prints it after the value
                .instead("send(HelloServer, :unknown_info)",
                        ":unknown_info",
                        "",
                        "09:03:45.534 [error] HelloServer HelloServer received unexpected message in handle_info/2: :unknown_info",
                        "")
                // the shell, linked to the server, exits first; then the reports of the server and of the
                // supervisor that the shell's exit took down, as iex prints them (its Logger raced them
                // with the EXIT line); the supervisor's child holds a fn, whose inspect differs
                // (in iex's transcript this line was typed while its Logger wrote, after the prompt)
                .extra("GenServer.cast(HelloServer, :unknown_cast)",
                        "** (EXIT from #PID<0.108.0>) shell process exited with reason: an exception was raised:",
                        "    ** (RuntimeError) attempted to cast GenServer HelloServer but no handle_cast/2 clause was provided",
                        "        lib/gen_server.ex:832: HelloServer.handle_cast/2",
                        "        (stdlib 4.2) gen_server.erl:1123: :gen_server.try_dispatch/4",
                        "        (stdlib 4.2) gen_server.erl:1200: :gen_server.handle_msg/6",
                        "        (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3",
                        "",
                        Console.RESTART_BANNER,
                        "",
                        "09:04:16.324 [error] GenServer HelloServer terminating",
                        "** (RuntimeError) attempted to cast GenServer HelloServer but no handle_cast/2 clause was provided",
                        "    lib/gen_server.ex:832: HelloServer.handle_cast/2",
                        "    (stdlib 4.2) gen_server.erl:1123: :gen_server.try_dispatch/4",
                        "    (stdlib 4.2) gen_server.erl:1200: :gen_server.handle_msg/6",
                        "    (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3",
                        "Last message: {:\"$gen_cast\", :unknown_cast}",
                        "State: 1",
                        "",
                        "09:04:16.430 [error] GenServer #PID<0.139.0> terminating",
                        "** (RuntimeError) attempted to cast GenServer HelloServer but no handle_cast/2 clause was provided",
                        "    lib/gen_server.ex:832: HelloServer.handle_cast/2",
                        "    (stdlib 4.2) gen_server.erl:1123: :gen_server.try_dispatch/4",
                        "    (stdlib 4.2) gen_server.erl:1200: :gen_server.handle_msg/6",
                        "    (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3",
                        "Last message: {:EXIT, #PID<0.108.0>, {%RuntimeError{message: \"attempted to cast GenServer HelloServer but no handle_cast/2 clause was provided\"}, [{HelloServer, :handle_cast, 2, [file: 'lib/gen_server.ex', line: 832]}, {:gen_server, :try_dispatch, 4, [file: 'gen_server.erl', line: 1123]}, {:gen_server, :handle_msg, 6, [file: 'gen_server.erl', line: 1200]}, {:proc_lib, :init_p_do_apply, 3, [file: 'proc_lib.erl', line: 240]}]}}",
                        "...")
                .extra("Process.whereis(HelloServer)", "nil")
                .check();
    }

    /**
     * {@code GenServer.multi_call/2} and {@code abcast/2} to nil (an atom no server has) reach no
     * server; a name that is no atom is {@code :gen_server.multi_call/4}'s FunctionClauseError
     * ({@code iex-reference/multi_call_names.txt}).
     */
    @Test
    void multiCallNamesAsInIex() {
        IexSessionCheck.against("multi_call_names.txt").everyInput().check();
    }
}
