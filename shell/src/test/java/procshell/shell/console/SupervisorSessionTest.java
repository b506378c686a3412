package procshell.shell.console;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A named server under a supervisor, against iex's ({@code iex-reference/supervisor.txt}): killed
 * with {@code Process.exit(pid, :kill)}, restarted under a new pid that {@code Process.whereis}
 * finds; the children's shapes; four kills in a row exceed the default intensity (3 in 5 s) and
 * the supervisor's {@code :shutdown} takes the linked shell process with it, with no Logger output.
 */
@Timeout(20)
class SupervisorSessionTest {
    private static final String CLASSES = """
            class HelloServerLocalName extends GenServer {
              static start_link(id) { GenServer.start_link(HelloServerLocalName, id, name: HelloServerLocalName) }
              static hello() { GenServer.call(HelloServerLocalName, :hello) }
              def init(id) { {:ok, %{id: id}} }
              def handle_call(msg, from, state) { {:reply, "hello", state} }
            }""";

    private static final String IEX_CLASSES = "defmodule MyApp.HelloServerLocalName do\n  use GenServer\n"
            + "  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: __MODULE__)\n"
            + "  def hello(), do: GenServer.call(__MODULE__, :hello)\n  @impl true\n  def init(id), do: {:ok, %{id: id}}\n"
            + "  @impl true\n  def handle_call(:hello, _from, state), do: {:reply, \"hello\", state}\nend";

    private static final String OTHER = "class Other extends GenServer {\n"
            + "  static start_link(id) { GenServer.start_link(Other, id) }\n  def init(id) { {:ok, id} }\n}";

    private static final String IEX_OTHER = "defmodule MyApp.Other do\n  use GenServer\n"
            + "  def start_link(id), do: GenServer.start_link(__MODULE__, id)\n  @impl true\n  def init(id), do: {:ok, id}\nend";

    @Test
    void aKilledChildIsRestartedUnderANewPidAndTheNameFollows() {
        IexSessionCheck.against("supervisor.txt")
                .instead(CLASSES, IEX_CLASSES, "{:module, HelloServerLocalName}")
                .instead(OTHER, IEX_OTHER, "{:module, Other}")
                .same("children = [{HelloServerLocalName, 123}]", "children = [{MyApp.HelloServerLocalName, 123}]")
                .same("{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)",
                        "{:ok, sup} = Supervisor.start_link(children, strategy: :one_for_one)")
                // iex wraps MyApp.HelloServerLocalName's longer line at 80 columns
                .instead("Supervisor.which_children(sup)", "Supervisor.which_children(sup)",
                        "[{HelloServerLocalName, #PID<0.138.0>, :worker, [HelloServerLocalName]}]")
                .same("Supervisor.count_children(sup)", "Supervisor.count_children(sup)")
                .same("pid = Process.whereis(HelloServerLocalName)", "pid = Process.whereis(MyApp.HelloServerLocalName)")
                .same("Process.exit(pid, :kill)", "Process.exit(pid, :kill)")
                .same("Process.whereis(HelloServerLocalName)", "Process.whereis(MyApp.HelloServerLocalName)")
                .same("HelloServerLocalName.hello()", "MyApp.HelloServerLocalName.hello()")
                .same("Supervisor.start_child(sup, {Other, 1})", "Supervisor.start_child(sup, {MyApp.Other, 1})")
                .same("Supervisor.start_child(sup, {Other, 1})", "Supervisor.start_child(sup, {MyApp.Other, 1})")
                .same("Supervisor.start_child(sup, %{id: :other2, start: {Other, :start_link, [2]}})",
                        "Supervisor.start_child(sup, %{id: :other2, start: {MyApp.Other, :start_link, [2]}})")
                .instead("Supervisor.which_children(sup)", "Supervisor.which_children(sup)",
                        "[",
                        "  {:other2, #PID<0.150.0>, :worker, [Other]},",
                        "  {Other, #PID<0.147.0>, :worker, [Other]},",
                        "  {HelloServerLocalName, #PID<0.143.0>, :worker, [HelloServerLocalName]}",
                        "]")
                .same("Supervisor.terminate_child(sup, Other)", "Supervisor.terminate_child(sup, MyApp.Other)")
                .same("Supervisor.terminate_child(sup, Other)", "Supervisor.terminate_child(sup, MyApp.Other)")
                .same("Supervisor.terminate_child(sup, :nope)", "Supervisor.terminate_child(sup, :nope)")
                .same("Supervisor.count_children(sup)", "Supervisor.count_children(sup)")
                .same("Supervisor.restart_child(sup, Other)", "Supervisor.restart_child(sup, MyApp.Other)")
                .same("Supervisor.restart_child(sup, Other)", "Supervisor.restart_child(sup, MyApp.Other)")
                .same("Supervisor.restart_child(sup, :nope)", "Supervisor.restart_child(sup, :nope)")
                .same("Supervisor.delete_child(sup, Other)", "Supervisor.delete_child(sup, MyApp.Other)")
                .same("Supervisor.terminate_child(sup, Other)", "Supervisor.terminate_child(sup, MyApp.Other)")
                .same("Supervisor.delete_child(sup, Other)", "Supervisor.delete_child(sup, MyApp.Other)")
                .same("Supervisor.delete_child(sup, :nope)", "Supervisor.delete_child(sup, :nope)")
                .same("self()", "self()")
                .same("sup", "sup")
                // iex's loop sleeps 10 ms for the restart; this one waits (at most 1 s) until the name is back
                .same("for (i in 1..4) { def p = null; for (int t = 0; t < 1000 && (p = Process.whereis(HelloServerLocalName)) == null; t++)"
                        + " { Process.sleep(1) }; Process.exit(p, :kill) }",
                        "for _ <- 1..4 do Process.exit(Process.whereis(MyApp.HelloServerLocalName), :kill); Process.sleep(10) end")
                .same("self()", "self()")
                .same("Process.whereis(HelloServerLocalName)", "Process.whereis(MyApp.HelloServerLocalName)")
                .check();
    }

    @Test
    void fourKillsTypedOneByOneExceedTheIntensity() {
        IexSessionCheck.against("supervisor.txt")
                .instead(CLASSES, IEX_CLASSES, "{:module, HelloServerLocalName}")
                .same("{:ok, sup} = Supervisor.start_link([{HelloServerLocalName, 123}], strategy: :one_for_one)",
                        "{:ok, sup} = Supervisor.start_link([{MyApp.HelloServerLocalName, 123}], strategy: :one_for_one)")
                .same("Process.exit(Process.whereis(HelloServerLocalName), :kill)", "Process.exit(Process.whereis(MyApp.HelloServerLocalName), :kill)")
                .same("Process.exit(Process.whereis(HelloServerLocalName), :kill)", "Process.exit(Process.whereis(MyApp.HelloServerLocalName), :kill)")
                .same("Process.exit(Process.whereis(HelloServerLocalName), :kill)", "Process.exit(Process.whereis(MyApp.HelloServerLocalName), :kill)")
                .same("Process.exit(Process.whereis(HelloServerLocalName), :kill)", "Process.exit(Process.whereis(MyApp.HelloServerLocalName), :kill)")
                .same("self()", "self()")
                // iex lost sup with its bindings; procshell keeps it
                .instead("Process.alive?(sup)", "Process.alive?(sup)", "false")
                .check();
    }

    @Test
    @Disabled("differs from iex: Supervisor.start_link with a bad child spec or strategy prints only the EXIT line;"
            + " iex first prints the returned {:error, {:start_spec, :missing_start}} (the error reaches the caller"
            + " before the exit signal) and then the EXIT line. The fix belongs in the runtime's Supervisor.start_link"
            + " (reply, then exit) or eval/EvaluatorProcess (a value returned before the death is still printed)")
    void badChildSpecsAndConfigurations() {
        IexSessionCheck.against("supervisor.txt")
                .same("Supervisor.start_link([%{id: :x}], strategy: :one_for_one)", "Supervisor.start_link([%{id: :x}], strategy: :one_for_one)")
                .same("Supervisor.start_link([%{id: :x, start: {Other, :start_link, [1]}}, %{id: :x, start: {Other, :start_link, [2]}}], strategy: :one_for_one)",
                        "Supervisor.start_link([%{id: :x, start: {MyApp.Other, :start_link, [1]}}, %{id: :x, start: {MyApp.Other, :start_link, [2]}}], strategy: :one_for_one)")
                .same("Supervisor.start_link([], strategy: :bogus)", "Supervisor.start_link([], strategy: :bogus)")
                .same("self()", "self()")
                .check();
    }
}
