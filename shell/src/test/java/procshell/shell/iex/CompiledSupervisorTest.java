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

import procshell.runtime.node.Tuple;

/**
 * Supervisors given Elixir child specs ({@code {Mod, arg}}, {@code Mod}, maps) of compiled
 * modules and facades, module-based supervisors, and Supervisor.child_spec/2 and init/2,
 * compared with what Elixir 1.14 prints for the same calls (pids masked).
 */
@Timeout(30)
class CompiledSupervisorTest {
    static final String HELLO = """
            @procshell.shell.iex.ElixirName("MyApp.Hello")
            class Elixir_MyApp_Hello_1 {
              static Object start_link(Object id) { procshell.shell.iex.GenServer.start_link(m("MyApp.Hello"), id, kw("name", m("MyApp.Hello"))) }
              static Object init(Object id) { t(a("ok"), map("id", id)) }
              static Object handle_call(Object msg, Object from, Object state) { t(a("reply"), state, state) }
              static Object child_spec(Object arg) { map("id", m("MyApp.Hello"), "start", t(m("MyApp.Hello"), a("start_link"), list(arg))) }
            }
            """;

    /** {@code use Supervisor} with {@code init/1} returning {@code Supervisor.init([{MyApp.Hello, 1}], strategy: :one_for_one)}. */
    static final String SUP = """
            @procshell.shell.iex.ElixirName("MyApp.Sup")
            class Elixir_MyApp_Sup_1 {
              static Object start_link(Object arg) { procshell.shell.iex.Supervisor.start_link(m("MyApp.Sup"), arg, kw("name", m("MyApp.Sup"))) }
              static Object init(Object arg) { procshell.shell.iex.Supervisor.init([t(m("MyApp.Hello"), 1)], kw("strategy", a("one_for_one"))) }
              static Object child_spec(Object arg) {
                map("id", m("MyApp.Sup"), "start", t(m("MyApp.Sup"), a("start_link"), list(arg)), "type", a("supervisor"))
              }
            }
            """;

    @Test
    void aModuleBasedSupervisorUnderASupervisor() {
        try (CompiledModules c = new CompiledModules()) {
            c.define(HELLO);
            c.define(SUP);
            assertEquals("%{id: MyApp.Sup, start: {MyApp.Sup, :start_link, [:x]}, type: :supervisor}",
                    c.show(c.session.modules().apply(m("MyApp.Sup"), "child_spec", a("x"))));
            c.define("""
                    @procshell.shell.iex.ElixirName("MyApp.Anon")
                    class Elixir_MyApp_Anon_1 {
                      static Object start_link(Object x) { procshell.shell.iex.GenServer.start_link(m("MyApp.Anon"), x, []) }
                      static Object init(Object x) { t(a("ok"), x) }
                    }
                    """);
            Object top = ((Tuple) Supervisor.start_link(list(m("MyApp.Sup"),
                    map("id", a("other"), "start", t(m("MyApp.Anon"), a("start_link"), list(2)))), kw("strategy", a("one_for_one")))).get(1);
            assertEquals("[\n  {:other, #PID<>, :worker, [MyApp.Anon]},\n  {MyApp.Sup, #PID<>, :supervisor, [MyApp.Sup]}\n]",
                    c.show(Supervisor.which_children(top)));
            assertEquals("[{MyApp.Hello, #PID<>, :worker, [MyApp.Hello]}]", c.show(Supervisor.which_children(m("MyApp.Sup"))));
            assertEquals("%{id: 1}", c.show(GenServer.call(m("MyApp.Hello"), a("state"))));
            assertEquals("%{active: 2, specs: 2, supervisors: 1, workers: 1}", c.show(Supervisor.count_children(top)));
            assertEquals(":ok", c.show(Supervisor.stop(top, a("normal"), 5000)));
            assertEquals("nil", c.show(GenServer.whereis(m("MyApp.Sup"))));
        }
    }

    @Test
    void moduleBasedSupervisorsWithoutOptionsAndDynamicOnes() {
        try (CompiledModules c = new CompiledModules()) {
            c.define(HELLO);
            c.define("""
                    @procshell.shell.iex.ElixirName("MyApp.Plain")
                    class Elixir_MyApp_Plain_1 {
                      static Object init(Object arg) { procshell.shell.iex.Supervisor.init([t(m("MyApp.Hello"), arg)], kw("strategy", a("one_for_all"))) }
                    }
                    """);
            c.define("""
                    @procshell.shell.iex.ElixirName("MyApp.Worker")
                    class Elixir_MyApp_Worker_1 {
                      static Object start_link(Object x) { procshell.shell.iex.GenServer.start_link(m("MyApp.Worker"), x, []) }
                      static Object init(Object x) { t(a("ok"), x) }
                    }
                    """);
            c.define("""
                    @procshell.shell.iex.ElixirName("MyApp.Rooms")
                    class Elixir_MyApp_Rooms_1 {
                      static Object init(Object arg) { procshell.shell.iex.DynamicSupervisor.init(kw("strategy", a("one_for_one"), "max_children", arg)) }
                    }
                    """);
            Object plain = ((Tuple) Supervisor.start_link(m("MyApp.Plain"), 7)).get(1);
            assertEquals("[{MyApp.Hello, #PID<>, :worker, [MyApp.Hello]}]", c.show(Supervisor.which_children(plain)));
            assertEquals("%{id: 7}", c.show(GenServer.call(m("MyApp.Hello"), a("state"))));
            assertEquals("""
                    {:ok,
                     %{
                       extra_arguments: [],
                       intensity: 3,
                       max_children: 1,
                       period: 5,
                       strategy: :one_for_one
                     }}""", c.show(c.session.modules().apply(m("MyApp.Rooms"), "init", 1)));
            assertEquals("{:ok, #PID<>}", c.show(DynamicSupervisor.start_link(m("MyApp.Rooms"), 1, kw("name", m("Rooms")))));
            assertEquals("{:ok, #PID<>}", c.show(DynamicSupervisor.start_child(m("Rooms"), map("id", a("x"),
                    "start", t(m("MyApp.Worker"), a("start_link"), list(1))))));
            assertEquals("{:error, :max_children}", c.show(DynamicSupervisor.start_child(m("Rooms"), map("id", a("y"),
                    "start", t(m("MyApp.Worker"), a("start_link"), list(2))))));
        }
    }

    @Test
    void initAndChildSpecNormaliseChildrenAsElixirs() {
        try (CompiledModules c = new CompiledModules()) {
            c.define(HELLO);
            assertEquals("""
                    {:ok,
                     {%{intensity: 1, period: 5, strategy: :one_for_all},
                      [
                        %{id: MyApp.Hello, start: {MyApp.Hello, :start_link, [[]]}},
                        %{id: MyApp.Hello, start: {MyApp.Hello, :start_link, [2]}}
                      ]}}""",
                    c.show(Supervisor.init(list(m("MyApp.Hello"), t(m("MyApp.Hello"), 2)), kw("strategy", a("one_for_all"), "max_restarts", 1))));
            assertEquals("%{id: :a, start: {MyApp.Hello, :start_link, [5]}}",
                    c.show(Supervisor.child_spec(t(m("MyApp.Hello"), 5), kw("id", a("a")))));
            assertEquals("%{id: MyApp.Hello, restart: :temporary, start: {MyApp.Hello, :start_link, [[]]}}",
                    c.show(Supervisor.child_spec(m("MyApp.Hello"), kw("restart", a("temporary")))));
            assertEquals("unknown key :foo in child specification override", assertThrows(ArgumentError.class,
                    () -> Supervisor.child_spec(m("MyApp.Hello"), kw("foo", 1))).getMessage());
        }
    }

    @Test
    void badChildrenAreElixirsArgumentErrors() {
        try (CompiledModules c = new CompiledModules()) {
            c.define("""
                    @procshell.shell.iex.ElixirName("NoSpec")
                    class NoSpec_1 { static Object start_link(Object x) { null } }
                    """);
            assertEquals("The module :not_a_child_1 was given as a child to a supervisor but it does not exist.",
                    assertThrows(ArgumentError.class, () -> Supervisor.start_link(list(a("not_a_child_1")), kw("strategy", a("one_for_one")))).getMessage());
            assertEquals("""
                    supervisors expect each child to be one of the following:

                      * a module
                      * a {module, arg} tuple
                      * a child specification as a map with at least the :id and :start fields
                      * or a tuple with 6 elements generated by Supervisor.Spec (deprecated)

                    Got: {"x", 1}
                    """, assertThrows(ArgumentError.class, () -> Supervisor.start_link(list(t("x", 1)), kw("strategy", a("one_for_one")))).getMessage());
            assertEquals("The module NoSpec was given as a child to a supervisor", assertThrows(ArgumentError.class,
                    () -> Supervisor.start_link(list(m("NoSpec")), kw("strategy", a("one_for_one")))).getMessage().lines().findFirst().orElse(""));
            assertEquals("expected :strategy option to be given", assertThrows(ArgumentError.class,
                    () -> Supervisor.start_link(list(m("NoSpec")), List.of())).getMessage());
        }
    }

    static final String SECRET_SERVER = """
            @procshell.shell.iex.ElixirName("Secret.Server")
            class Elixir_Secret_Server_1 {
              static Object start_link(Object agent) { procshell.shell.iex.GenServer.start_link(m("Secret.Server"), agent, kw("name", via_tuple(agent))) }
              static Object echo(Object agent, Object text) { procshell.shell.iex.GenServer.call(via_tuple(agent), t(a("echo"), text)) }
              static Object via_tuple(Object agent) { t(a("via"), m("Registry"), t(m("Secret.Registry"), agent)) }
              static Object init(Object agent) { t(a("ok"), agent) }
              static Object handle_call(Object msg, Object from, Object agent) {
                t(a("reply"), agent + " says: " + procshell.shell.iex.Kernel.inspect(msg.get(1)), agent)
              }
              static Object child_spec(Object arg) { map("id", m("Secret.Server"), "start", t(m("Secret.Server"), a("start_link"), list(arg))) }
            }
            """;

    @Test
    void studyNote002RegistryAndDynamicSupervisorAsChildren() throws Exception {
        try (CompiledModules c = new CompiledModules()) {
            c.define(SECRET_SERVER);
            Modules mods = c.session.modules();
            List<Object> children = list(
                    t(m("Registry"), kw("keys", a("unique"), "name", m("Secret.Registry"))),
                    t(m("DynamicSupervisor"), kw("strategy", a("one_for_one"), "name", m("Secret.Supervisor"))));
            assertEquals("""
                    [
                      {Registry, [keys: :unique, name: Secret.Registry]},
                      {DynamicSupervisor, [strategy: :one_for_one, name: Secret.Supervisor]}
                    ]""", c.show(children));
            assertEquals("{:ok, #PID<>}", c.show(Supervisor.start_link(children, kw("strategy", a("one_for_one"), "name", m("Secret.Application")))));
            assertEquals("{:ok, #PID<>}", c.show(DynamicSupervisor.start_child(m("Secret.Supervisor"), t(m("Secret.Server"), "James Bond"))));
            assertEquals("{:ok, #PID<>}", c.show(DynamicSupervisor.start_child(m("Secret.Supervisor"), t(m("Secret.Server"), "Mr. White"))));
            assertEquals("\"James Bond says: \\\"My name is Bond, James Bond.\\\"\"",
                    c.show(mods.apply(m("Secret.Server"), "echo", "James Bond", "My name is Bond, James Bond.")));
            Object bond = GenServer.whereis(mods.apply(m("Secret.Server"), "via_tuple", "James Bond"));
            assertEquals("[\"James Bond\"]", c.show(Registry.keys(m("Secret.Registry"), bond)));
            assertEquals("[{#PID<>, nil}]", c.show(Registry.lookup(m("Secret.Registry"), "Mr. White")));
            assertEquals("2", c.show(Registry.count(m("Secret.Registry"))));
            assertEquals("""
                    [
                      {Secret.Supervisor, #PID<>, :supervisor, [DynamicSupervisor]},
                      {Secret.Registry, #PID<>, :supervisor, [Registry]}
                    ]""", c.show(Supervisor.which_children(m("Secret.Application"))));
        }
    }
}
