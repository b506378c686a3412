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
    private static final String NAMED = """
            defmodule MyApp.HelloServerNamed do
              use GenServer
              def start_link(id), do: GenServer.start_link(__MODULE__, id, name: __MODULE__)
              def hello(), do: GenServer.call(__MODULE__, :hello)
              @impl true
              def init(id), do: {:ok, %{id: id}}
              @impl true
              def handle_call(:hello, _from, state), do: {:reply, "hello", state}
            end""";

    @Test
    void startCallAndAlreadyStarted() {
        IexSessionCheck.against("hello_server.txt")
                .helloServer()
                .same("{:ok, pid} = MyApp.HelloServer.start_link(123)")
                .same("MyApp.HelloServer.hello(pid)")
                .same(":sys.get_state(pid)")
                .same("pid")
                .same("MyApp.HelloServer.start_link(456)")
                .same(NAMED)
                .same("{:ok, npid} = MyApp.HelloServerNamed.start_link(1)")
                .same("MyApp.HelloServerNamed.start_link(2)")
                .same("MyApp.HelloServerNamed.hello()")
                .same("GenServer.whereis(MyApp.HelloServerNamed)")
                .same(":sys.get_state(MyApp.HelloServerNamed)")
                .same("GenServer.start_link(MyApp.HelloServer, 7, name: :hs7)")
                .same("GenServer.start_link(MyApp.HelloServer, 7, name: :hs7)")
                .same("MyApp.HelloServer.hello(:hs7)")
                .check();
    }

    @Test
    void globalNames() {
        IexSessionCheck.against("hello_server.txt")
                .helloServer()
                .same("GenServer.start(MyApp.HelloServer, 8, name: {:global, :hs8})")
                .same("GenServer.start(MyApp.HelloServer, 8, name: {:global, :hs8})")
                .check();
    }
}
