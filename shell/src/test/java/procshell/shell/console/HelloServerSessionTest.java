package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The first chapter's server in a piped session, step by step against iex's
 * ({@code iex-reference/hello_server.txt}): start, call, state, a named server and
 * {@code {:error, {:already_started, pid}}} for local, atom and {@code :global} names.
 */
@Timeout(20)
class HelloServerSessionTest {
    @Test
    void startCallAndAlreadyStarted() {
        IexSessionCheck.against("hello_server.txt")
                .helloServer()
                .same("{:ok, pid} = HelloServer.start_link(123)", "{:ok, pid} = MyApp.HelloServer.start_link(123)")
                .same("HelloServer.hello(pid)", "MyApp.HelloServer.hello(pid)")
                .same(":sys.get_state(pid)", ":sys.get_state(pid)")
                .same("pid", "pid")
                .same("HelloServer.start_link(456)", "MyApp.HelloServer.start_link(456)")
                .instead("""
                        class HelloServerNamed extends GenServer {
                          static start_link(id) { GenServer.start_link(HelloServerNamed, id, name: HelloServerNamed) }
                          static hello() { GenServer.call(HelloServerNamed, :hello) }
                          def init(id) { {:ok, %{id: id}} }
                          def handle_call(msg, from, state) { {:reply, "hello", state} }
                        }""", "defmodule MyApp.HelloServerNamed do\n  use GenServer\n"
                        + "  def start_link(id), do: GenServer.start_link(__MODULE__, id, name: __MODULE__)\n"
                        + "  def hello(), do: GenServer.call(__MODULE__, :hello)\n  @impl true\n  def init(id), do: {:ok, %{id: id}}\n"
                        + "  @impl true\n  def handle_call(:hello, _from, state), do: {:reply, \"hello\", state}\nend",
                        "{:module, HelloServerNamed}")
                .same("{:ok, npid} = HelloServerNamed.start_link(1)", "{:ok, npid} = MyApp.HelloServerNamed.start_link(1)")
                .same("HelloServerNamed.start_link(2)", "MyApp.HelloServerNamed.start_link(2)")
                .same("HelloServerNamed.hello()", "MyApp.HelloServerNamed.hello()")
                .same("GenServer.whereis(HelloServerNamed)", "GenServer.whereis(MyApp.HelloServerNamed)")
                .same(":sys.get_state(HelloServerNamed)", ":sys.get_state(MyApp.HelloServerNamed)")
                .same("GenServer.start_link(HelloServer, 7, name: :hs7)", "GenServer.start_link(MyApp.HelloServer, 7, name: :hs7)")
                .same("GenServer.start_link(HelloServer, 7, name: :hs7)", "GenServer.start_link(MyApp.HelloServer, 7, name: :hs7)")
                .same("HelloServer.hello(:hs7)", "MyApp.HelloServer.hello(:hs7)")
                .check();
    }

    @Test
    void globalNames() {
        IexSessionCheck.against("hello_server.txt")
                .instead("class HelloServer extends GenServer { def init(id) { {:ok, %{id: id}} }\n"
                        + "  def handle_call(msg, from, state) { {:reply, \"hello\", state} } }",
                        "defmodule MyApp.HelloServer do\n  use GenServer\n"
                        + "  def start_link(id), do: GenServer.start_link(__MODULE__, id)\n"
                        + "  def hello(pid), do: GenServer.call(pid, :hello)\n  @impl true\n  def init(id), do: {:ok, %{id: id}}\n"
                        + "  @impl true\n  def handle_call(:hello, _from, state), do: {:reply, \"hello\", state}\nend",
                        "{:module, HelloServer}")
                .same("GenServer.start(HelloServer, 8, name: {:global, :hs8})", "GenServer.start(MyApp.HelloServer, 8, name: {:global, :hs8})")
                .same("GenServer.start(HelloServer, 8, name: {:global, :hs8})", "GenServer.start(MyApp.HelloServer, 8, name: {:global, :hs8})")
                .check();
    }
}
