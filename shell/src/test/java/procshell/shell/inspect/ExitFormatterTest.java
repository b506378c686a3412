package procshell.shell.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;

/**
 * {@link ExitFormatter} against the texts of Elixir 1.14's {@code Exception.format_exit/1}
 * (each expected string was printed by {@code elixir -e 'IO.puts Exception.format_exit(...)'}).
 */
class ExitFormatterTest {
    static final String NOPROC = "no process: the process is not alive or there's no process currently associated with"
            + " the given name, possibly because its application isn't started";
    static final Pid PID = new Pid(null, 0, 123, 0);
    static final Atom HELLO_SERVER = Atom.of("Elixir.HelloServer");
    static final Atom GEN_SERVER = Atom.of("Elixir.GenServer");

    @BeforeAll
    static void install() {
        ShellTerms.install();
    }

    static Atom a(String name) {
        return Atom.of(name);
    }

    static Tuple call(Object server, Object request, Object timeout) {
        return Tuple.of(GEN_SERVER, a("call"), List.of(server, request, timeout));
    }

    static void formats(String elixir, Object reason) {
        assertEquals(elixir, ExitFormatter.format(reason), () -> "Exception.format_exit of " + reason);
    }

    @Test
    void plainReasons() {
        formats("normal", a("normal"));
        formats("shutdown", a("shutdown"));
        formats("killed", a("killed"));
        formats(NOPROC, a("noproc"));
        formats("time out", a("timeout"));
        formats("process attempted to call itself", a("calling_self"));
        formats("no connection", a("noconnection"));
        formats(":foo", a("foo"));
        formats("{:foo, :bar}", Tuple.of(a("foo"), a("bar")));
        formats("{1, 2, 3}", Tuple.of(1L, 2L, 3L));
        formats("\"string\"", "string");
        formats("[1, 2]", List.of(1L, 2L));
    }

    @Test
    void taggedReasons() {
        formats("shutdown: :x", Tuple.of(a("shutdown"), a("x")));
        formats("shutdown: :reached_max_restart_intensity", Tuple.of(a("shutdown"), a("reached_max_restart_intensity")));
        formats("no connection to a@b", Tuple.of(a("nodedown"), a("a@b")));
        formats("{:nodedown, \"x\"}", Tuple.of(a("nodedown"), "x"));
        formats("already started: #PID<0.123.0>", Tuple.of(a("already_started"), PID));
        formats("bad return value: :oops", Tuple.of(a("bad_return_value"), a("oops")));
        formats("bad call: :x", Tuple.of(a("bad_call"), a("x")));
        formats("bad cast: :x", Tuple.of(a("bad_cast"), a("x")));
    }

    @Test
    void supervisorStartErrors() {
        formats("HelloServer.init/1 returned a bad value: :oops", Tuple.of(a("bad_return"), Tuple.of(HELLO_SERVER, a("init"), a("oops"))));
        formats("bad child specification, invalid children: :x", Tuple.of(a("bad_start_spec"), a("x")));
        formats("bad child specification, invalid child type: :foo. Must be :worker or :supervisor.",
                Tuple.of(a("start_spec"), Tuple.of(a("invalid_child_type"), a("foo"))));
        formats("bad child specification, invalid restart type: :x. Must be :permanent, :transient or :temporary.",
                Tuple.of(a("start_spec"), Tuple.of(a("invalid_restart_type"), a("x"))));
        formats("bad child specification, got: :other", Tuple.of(a("start_spec"), a("other")));
        formats("bad supervisor configuration, invalid strategy: :x",
                Tuple.of(a("supervisor_data"), Tuple.of(a("invalid_strategy"), a("x"))));
        formats("bad supervisor configuration, invalid max_restarts (intensity): -1",
                Tuple.of(a("supervisor_data"), Tuple.of(a("invalid_intensity"), -1L)));
        formats("bad supervisor configuration, got: :other", Tuple.of(a("supervisor_data"), a("other")));
    }

    @Test
    void failedToStartChild() {
        formats("shutdown: failed to start child: HelloServer\n    ** (EXIT) already started: #PID<0.123.0>",
                Tuple.of(a("shutdown"), Tuple.of(a("failed_to_start_child"), HELLO_SERVER, Tuple.of(a("already_started"), PID))));
        formats("shutdown: failed to start child: HelloServer\n    ** (EXIT) :boom",
                Tuple.of(a("shutdown"), Tuple.of(a("failed_to_start_child"), HELLO_SERVER, a("boom"))));
        formats("shutdown: failed to start child: HelloServer\n    ** (EXIT) :boom",
                Tuple.of(a("shutdown"), Tuple.of(a("failed_to_start_child"), HELLO_SERVER, Tuple.of(a("EXIT"), a("boom")))));
        formats("shutdown: failed to start child: {:room, \"a\"}\n    ** (EXIT) :boom",
                Tuple.of(a("shutdown"), Tuple.of(a("failed_to_start_child"), Tuple.of(a("room"), "a"), a("boom"))));
        RuntimeException boom = HelloServer.raisedOnlyIn(new RuntimeException("boom"), "init", 3);
        formats("""
                shutdown: failed to start child: HelloServer
                    ** (EXIT) an exception was raised:
                        ** (RuntimeError) boom
                            iex:3: HelloServer.init/1""",
                Tuple.of(a("shutdown"), Tuple.of(a("failed_to_start_child"), HELLO_SERVER,
                        Tuple.of(boom, List.of(boom.getStackTrace())))));
    }

    @Test
    void exitedIn() {
        formats("exited in: GenServer.call(HelloServer, :hello, 5000)\n    ** (EXIT) " + NOPROC,
                Tuple.of(a("noproc"), call(HELLO_SERVER, a("hello"), 5000L)));
        formats("exited in: GenServer.call(#PID<0.123.0>, :slow, 50)\n    ** (EXIT) time out",
                Tuple.of(a("timeout"), call(PID, a("slow"), 50L)));
        formats("exited in: GenServer.call(HelloServer, :hello, :infinity)\n    ** (EXIT) killed",
                Tuple.of(a("killed"), call(HELLO_SERVER, a("hello"), a("infinity"))));
        formats("exited in: GenServer.call({:g, :a@b}, :x, 5000)\n    ** (EXIT) no connection to a@b",
                Tuple.of(Tuple.of(a("nodedown"), a("a@b")), call(Tuple.of(a("g"), a("a@b")), a("x"), 5000L)));
        formats("exited in: GenServer.call({:via, Registry, {R, \"a\"}}, :hello, 5000)\n    ** (EXIT) killed",
                Tuple.of(a("killed"), call(Tuple.of(a("via"), a("Elixir.Registry"), Tuple.of(a("Elixir.R"), "a")), a("hello"), 5000L)));
        formats("exited in: GenServer.call(HelloServer, :hello, 5000)\n    ** (EXIT) shutdown: :x",
                Tuple.of(Tuple.of(a("shutdown"), a("x")), call(HELLO_SERVER, a("hello"), 5000L)));
        formats("exited in: GenServer.call(HelloServer, :hello, 5000)\n    ** (EXIT) normal",
                Tuple.of(a("normal"), call(HELLO_SERVER, a("hello"), 5000L)));
        formats("exited in: GenServer.stop(HelloServer, :normal, :infinity)\n    ** (EXIT) " + NOPROC,
                Tuple.of(a("noproc"), Tuple.of(GEN_SERVER, a("stop"), List.of(HELLO_SERVER, a("normal"), a("infinity")))));
        formats("exited in: :gen_server.call(HelloServer, :hello)\n    ** (EXIT) " + NOPROC,
                Tuple.of(a("noproc"), Tuple.of(a("gen_server"), a("call"), List.of(HELLO_SERVER, a("hello")))));
        formats("exited in: Foo.bar(1, \"two\", %{a: 1})\n    ** (EXIT) " + NOPROC,
                Tuple.of(a("noproc"), Tuple.of(a("Elixir.Foo"), a("bar"), List.of(1L, "two", java.util.Map.of(a("a"), 1L)))));
        formats("""
                exited in: GenServer.call(HelloServer, :hello, 5000)
                    ** (EXIT) shutdown: failed to start child: HelloServer
                        ** (EXIT) :boom""",
                Tuple.of(Tuple.of(a("shutdown"), Tuple.of(a("failed_to_start_child"), HELLO_SERVER, a("boom"))),
                        call(HELLO_SERVER, a("hello"), 5000L)));
    }

    @Test
    void exceptionsWithStacktraces() {
        RuntimeException boom = HelloServer.raisedOnlyIn(new RuntimeException("boom"), "handle_call", 5);
        Tuple raised = Tuple.of(boom, List.of(boom.getStackTrace()));
        formats("an exception was raised:\n    ** (RuntimeError) boom\n        iex:5: HelloServer.handle_call/3", raised);
        formats("""
                exited in: GenServer.call(HelloServer, :crash, 5000)
                    ** (EXIT) an exception was raised:
                        ** (RuntimeError) boom
                            iex:5: HelloServer.handle_call/3""",
                Tuple.of(raised, call(HELLO_SERVER, a("crash"), 5000L)));
        IllegalArgumentException bad = HelloServer.raisedOnlyIn(new IllegalArgumentException("bad"), "handle_cast", 7);
        formats("an exception was raised:\n    ** (ArgumentError) bad\n        iex:7: HelloServer.handle_cast/2",
                Tuple.of(bad, List.of(bad.getStackTrace())));
    }

    @Test
    void theServerLoopsFramesAreShownAsOtpFrames() {
        RuntimeException boom = HelloServer.raisedIn(new RuntimeException("boom"), "handle_call", 8);
        formats("""
                an exception was raised:
                    ** (RuntimeError) boom
                        iex:8: HelloServer.handle_call/3
                        (stdlib 4.2) gen_server.erl:1149: :gen_server.try_handle_call/4
                        (stdlib 4.2) gen_server.erl:1178: :gen_server.handle_msg/6
                        (stdlib 4.2) proc_lib.erl:240: :proc_lib.init_p_do_apply/3""", Tuple.of(boom, List.of(boom.getStackTrace())));
    }

    @Test
    void anExceptionWithAnEmptyStacktraceIsJustATerm() {
        // Elixir only reads {exception, stacktrace} with a non-empty stacktrace
        RuntimeException boom = new RuntimeException("boom");
        formats("{%RuntimeError{message: \"boom\"}, []}", Tuple.of(boom, List.of()));
    }
}
