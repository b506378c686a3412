package procshell.shell.iex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static procshell.shell.iex.CompiledModules.a;
import static procshell.shell.iex.CompiledModules.kw;
import static procshell.shell.iex.CompiledModules.list;
import static procshell.shell.iex.CompiledModules.m;
import static procshell.shell.iex.CompiledModules.map;
import static procshell.shell.iex.CompiledModules.t;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

import procshell.runtime.process.ExitException;
import procshell.shell.inspect.ErrorFormatter;

/**
 * What iex prints when the supervision facades reject their arguments: the messages and the
 * Elixir stack lines of a real iex 1.14 (recorded by hand), and no Java name.
 */
@Timeout(30)
class FacadeErrorsTest {
    private static String printed(Class<? extends Throwable> type, Executable call) {
        return ErrorFormatter.format(assertThrows(type, call)).strip();
    }

    @Test
    void aBadNameShowsTheElixirFunctionThatRejectsIt() {
        try (CompiledModules c = new CompiledModules()) {
            String expected = """
                    ** (ArgumentError) expected :name option to be one of the following:

                      * nil
                      * atom
                      * {:global, term}
                      * {:via, module, term}

                    Got: "bad"

                        %s""";
            assertEquals(expected.formatted("(elixir 1.14.0) lib/gen_server.ex:957: GenServer.do_start/4"),
                    printed(ArgumentError.class, () -> Agent.start_link(c.eval("{ -> 1 }"), kw("name", "bad"))));
            assertEquals(expected.formatted("(elixir 1.14.0) lib/supervisor.ex:856: Supervisor.start_link/3"),
                    printed(ArgumentError.class, () -> Supervisor.start_link(list(), kw("strategy", a("one_for_one"), "name", "bad"))));
        }
    }

    @Test
    void registryOptionsAreCheckedAsRegistryStartLinkDoes() {
        try (CompiledModules c = new CompiledModules()) {
            assertEquals("""
                    ** (ArgumentError) expected :name option to be present
                        (elixir 1.14.0) lib/registry.ex:338: Registry.start_link/1""",
                    printed(ArgumentError.class, () -> Registry.start_link(kw("keys", a("unique")))));
            assertEquals("""
                    ** (ArgumentError) expected :partitions to be a positive integer, got: 0
                        (elixir 1.14.0) lib/registry.ex:350: Registry.start_link/1""",
                    printed(ArgumentError.class, () -> Registry.start_link(kw("keys", a("unique"), "name", m("R"), "partitions", 0))));
        }
    }

    @Test
    void rejectedChildrenShowSupervisorsInitChild() {
        try (CompiledModules c = new CompiledModules()) {
            assertEquals("""
                    ** (ArgumentError) The module :nope was given as a child to a supervisor but it does not exist.
                        (elixir 1.14.0) lib/supervisor.ex:701: Supervisor.init_child/1
                        (elixir 1.14.0) lib/enum.ex:1658: Enum."-map/2-lists^map/1-0-"/2
                        (elixir 1.14.0) lib/supervisor.ex:687: Supervisor.init/2
                        (elixir 1.14.0) lib/supervisor.ex:617: Supervisor.start_link/2""",
                    printed(ArgumentError.class, () -> Supervisor.start_link(list(a("nope")), kw("strategy", a("one_for_one")))));
            assertEquals("""
                    ** (ArgumentError) expected :strategy option to be given
                        (elixir 1.14.0) lib/supervisor.ex:671: Supervisor.init/2
                        (elixir 1.14.0) lib/supervisor.ex:617: Supervisor.start_link/2""",
                    printed(ArgumentError.class, () -> Supervisor.start_link(list(), List.of())));
            Object sup = ((procshell.runtime.node.Tuple) DynamicSupervisor.start_link(kw("strategy", a("one_for_one")))).get(1);
            assertEquals("""
                    ** (ArgumentError) The module :nope was given as a child to a supervisor but it does not exist.
                        (elixir 1.14.0) lib/supervisor.ex:701: Supervisor.init_child/1
                        (elixir 1.14.0) lib/supervisor.ex:809: Supervisor.child_spec/2
                        (elixir 1.14.0) lib/dynamic_supervisor.ex:400: DynamicSupervisor.start_child/2""",
                    printed(ArgumentError.class, () -> DynamicSupervisor.start_child(sup, a("nope"))));
            assertEquals("""
                    ** (ArgumentError) unknown key :foo in child specification override
                        (elixir 1.14.0) lib/supervisor.ex:814: anonymous fn/2 in Supervisor.child_spec/2
                        (elixir 1.14.0) lib/enum.ex:2468: Enum."-reduce/3-lists^foldl/2-0-"/3""",
                    printed(ArgumentError.class, () -> Supervisor.child_spec(m("Agent"), kw("foo", 1))));
        }
    }

    @Test
    void startingAChildUnderNoSupervisorExitsWithElixirsRequest() {
        try (CompiledModules c = new CompiledModules()) {
            Object spec = map("id", a("x"), "start", t(m("MyApp.Hello"), a("start_link"), list(1)));
            assertEquals("""
                    ** (exit) exited in: GenServer.call(:nosup, {:start_child, {{MyApp.Hello, :start_link, [1]}, :permanent, 5000, :worker, [MyApp.Hello]}}, :infinity)
                        ** (EXIT) no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started""",
                    printed(ExitException.class, () -> DynamicSupervisor.start_child(a("nosup"), spec)).lines().limit(2)
                            .reduce((x, y) -> x + "\n" + y).orElse(""));
            assertEquals("""
                    ** (exit) exited in: GenServer.call(:nosup, {:start_child, %{id: :x, start: {MyApp.Hello, :start_link, [1]}}}, :infinity)""",
                    printed(ExitException.class, () -> Supervisor.start_child(a("nosup"), spec)).lines().findFirst().orElse(""));
        }
    }
}
