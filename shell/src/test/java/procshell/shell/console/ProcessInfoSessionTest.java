package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code i(pid)} and {@code Process.info/1,2} against iex's ({@code iex-reference/processes.txt}):
 * a GenServer linked to the shell, a named one, the shell itself and a pid of nobody.
 * {@code Process.info/1} lists the BEAM's keys in the BEAM's order (heap and stack sizes are
 * estimates; the group leader is the shell's I/O server, started when first asked for).
 */
@Timeout(30)
class ProcessInfoSessionTest {
    @Test
    void iAndProcessInfoOfServersTheShellAndNobody() {
        IexSessionCheck.against("processes.txt")
                .helloServer()
                .same("{:ok, gs} = MyApp.HelloServer.start_link(123)")
                .same("i(gs)")
                // every key iex shows; the heap and stack figures are procshell's estimates, its
                // reductions count messages handled, and the shell has no ancestors of its own
                .instead("Process.info(gs)",
                        "[",
                        "  current_function: {:gen_server, :loop, 7},",
                        "  initial_call: {:proc_lib, :init_p, 5},",
                        "  status: :waiting,",
                        "  message_queue_len: 0,",
                        "  links: [#PID<0.153.0>],",
                        "  dictionary: [",
                        "    \"$initial_call\": {MyApp.HelloServer, :init, 1},",
                        "    \"$ancestors\": [#PID<0.153.0>]",
                        "  ],",
                        "  trap_exit: false,",
                        "  error_handler: :error_handler,",
                        "  priority: :normal,",
                        "  group_leader: #PID<0.67.0>,",
                        "  total_heap_size: 251,",
                        "  heap_size: 251,",
                        "  stack_size: 9,",
                        "  reductions: 0,",
                        "  garbage_collection: [",
                        "    max_heap_size: %{error_logger: true, kill: true, size: 0},",
                        "    min_bin_vheap_size: 46422,",
                        "    min_heap_size: 233,",
                        "    fullsweep_after: 65535,",
                        "    minor_gcs: 0",
                        "  ],",
                        "  suspending: []",
                        "]")
                .same("Process.info(gs, :message_queue_len)")
                .same("Process.info(gs, [:status, :registered_name])")
                .same("Process.info(pid(0, 999, 0))")
                .same("i(self())")
                .same("{:ok, named} = GenServer.start(MyApp.HelloServer, 5, name: MyApp.Named)")
                .same("i(named)")
                .same("Process.info(named, :registered_name)")
                .same("i(pid(0, 999, 0))")
                .extra("MyApp.HelloServer.hello(gs); MyApp.HelloServer.hello(gs); Process.info(gs, [:reductions, :links, :monitors])",
                        "[reductions: 2, links: [#PID<0.153.0>], monitors: []]")
                .extra("ref = Process.monitor(named); Process.info(named, :monitored_by)", "{:monitored_by, [#PID<0.153.0>]}")
                .extra("Process.info(self(), :monitors)", "{:monitors, [process: #PID<0.169.0>]}")
                .extra("p = spawn(fn -> Process.sleep(:infinity) end); send(p, :hi); send(p, {:two, 2}); Process.info(p, [:messages, :message_queue_len])",
                        "[messages: [:hi, {:two, 2}], message_queue_len: 2]")
                .extra("s = spawn(fn -> Process.sleep(:infinity) end); "
                        + "Enum.find(1..2000, fn _ -> Process.info(s, :status) == {:status, :waiting} || (Process.sleep(5); false) end); "
                        + "Process.info(s, :status)",
                        "{:status, :waiting}")
                .extra("Process.exit(s, :kill); Process.register(self(), :me); Enum.sort(Process.registered())", "[MyApp.Named, :me]")
                .extra("{length(Process.list()), Process.list() == Enum.sort(Process.list()), hd(Process.list()) == self()}", "{5, true, true}")
                .check();
    }

    /** A list of items answers them in its order (the unknown ones: {@link #anUnknownItemIsProcessInfosArgumentError}). */
    @Test
    void aListOfItemsAnswersInItsOrder() {
        IexSessionCheck.against("processes.txt")
                .extra("Process.info(self(), [:status, :trap_exit])", "[status: :running, trap_exit: false]")
                .check();
    }

    /**
     * An item process_info does not know (an unknown atom, nil, one in a list) is its ArgumentError
     * with the call {@code :erlang.process_info(pid, item)} and Process.info/2's line; a string
     * is the guard's FunctionClauseError ({@code iex-reference/process_info_items.txt}).
     */
    @Test
    void anUnknownItemIsProcessInfosArgumentError() {
        IexSessionCheck.against("process_info_items.txt").everyInput().check();
    }
}
