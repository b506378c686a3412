package procshell.shell.iex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static procshell.shell.iex.CompiledModules.a;
import static procshell.shell.iex.CompiledModules.kw;
import static procshell.shell.iex.CompiledModules.m;
import static procshell.shell.iex.CompiledModules.t;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ExitException;

/**
 * GenServer, Process and DynamicSupervisor driven by modules of the shape the Elixir compiler
 * emits (static callbacks, module atoms, keyword options), compared with what Elixir 1.14 prints
 * for the same calls (pids masked).
 */
@Timeout(30)
class CompiledGenServerTest {
    /** {@code defmodule MyApp.HelloServerLocalName do use GenServer ... end}, as DESIGN.md shows it. */
    static final String HELLO = """
            @procshell.shell.iex.ElixirName("MyApp.HelloServerLocalName")
            class Elixir_MyApp_HelloServerLocalName_1 {
              static Object start_link(Object id) {
                procshell.shell.iex.GenServer.start_link(m("MyApp.HelloServerLocalName"), id, kw("name", m("MyApp.HelloServerLocalName")))
              }
              static Object hello() { procshell.shell.iex.GenServer.call(m("MyApp.HelloServerLocalName"), a("hello")) }
              static Object init(Object id) { t(a("ok"), map("id", id)) }
              static Object handle_call(Object msg, Object from, Object state) {
                msg == a("hello") ? t(a("reply"), "hello", state) : t(a("reply"), state, state)
              }
              static Object child_spec(Object arg) {
                map("id", m("MyApp.HelloServerLocalName"), "start", t(m("MyApp.HelloServerLocalName"), a("start_link"), list(arg)))
              }
            }
            """;

    @Test
    void aCompiledModuleIsAGenServerByItsAtom() {
        try (CompiledModules c = new CompiledModules()) {
            c.define(HELLO);
            Modules mods = c.session.modules();
            Object first = mods.apply(m("MyApp.HelloServerLocalName"), "start_link", 123);
            assertEquals("{:ok, #PID<>}", c.show(first));
            assertEquals("{:error, {:already_started, #PID<>}}", c.show(mods.apply(m("MyApp.HelloServerLocalName"), "start_link", 123)));
            assertEquals("\"hello\"", c.show(mods.apply(m("MyApp.HelloServerLocalName"), "hello")));
            assertEquals("%{id: 123}", c.show(GenServer.call(m("MyApp.HelloServerLocalName"), a("state"))));
            assertEquals(((Tuple) first).get(1), GenServer.whereis(m("MyApp.HelloServerLocalName")));
            assertEquals("[registered_name: MyApp.HelloServerLocalName]",
                    c.show(List.of(Process.info(((Tuple) first).get(1), a("registered_name")))));
            assertEquals(":ok", c.show(GenServer.stop(m("MyApp.HelloServerLocalName"))));
            assertEquals("nil", c.show(GenServer.whereis(m("MyApp.HelloServerLocalName"))));
        }
    }

    @Test
    void theDefaultsOfUseGenServerAnswerForMissingCallbacks() {
        try (CompiledModules c = new CompiledModules()) {
            c.define("""
                    @procshell.shell.iex.ElixirName("Quiet")
                    class Quiet_1 {
                      static Object init(Object arg) { t(a("ok"), arg) }
                    }
                    """);
            Pid pid = (Pid) ((Tuple) GenServer.start(m("Quiet"), 1, kw("name", m("Quiet")))).get(1);
            ExitException e = assertThrows(ExitException.class, () -> GenServer.call(pid, a("x")));
            Tuple reason = (Tuple) e.reason();
            assertEquals("attempted to call GenServer Quiet but no handle_call/3 clause was provided",
                    procshell.runtime.node.ErrorReason.exceptionOf(reason.get(0)).getMessage());
            assertEquals("{GenServer, :call, [#PID<>, :x, 5000]}", c.show(reason.get(1)));
        }
    }

    @Test
    void aModuleWithoutInitFailsToStartAsTheBeamsUndef() {
        try (CompiledModules c = new CompiledModules()) {
            c.define("""
                    @procshell.shell.iex.ElixirName("NoInit")
                    class NoInit_1 {
                      static Object handle_call(Object m, Object f, Object s) { t(a("reply"), s, s) }
                    }
                    """);
            // as OTP 25 has it: the missing function, then gen_server's and proc_lib's frames
            String frames = "    {:gen_server, :init_it, 2, [file: 'gen_server.erl', line: 851]},\n"
                    + "    {:gen_server, :init_it, 6, [file: 'gen_server.erl', line: 814]},\n"
                    + "    {:proc_lib, :init_p_do_apply, 3, [file: 'proc_lib.erl', line: 240]}\n"
                    + "  ]}}";
            assertEquals("{:error,\n {:undef,\n  [\n    {NoInit, :init, [1], []},\n" + frames, c.show(GenServer.start(m("NoInit"), 1)));
            assertEquals("{:error,\n {:undef,\n  [\n    {Nope, :init, [1], []},\n" + frames, c.show(GenServer.start(m("Nope"), 1)));
        }
    }

    @Test
    void aBadNameOptionIsElixirsArgumentError() {
        try (CompiledModules c = new CompiledModules()) {
            c.define(HELLO);
            ArgumentError e = assertThrows(ArgumentError.class,
                    () -> GenServer.start_link(m("MyApp.HelloServerLocalName"), 1, kw("name", "x")));
            assertEquals("""
                    expected :name option to be one of the following:

                      * nil
                      * atom
                      * {:global, term}
                      * {:via, module, term}

                    Got: "x"
                    """, e.getMessage());
        }
    }

    static final String CHAT_ROOM = """
            @procshell.shell.iex.ElixirName("ChatRoom")
            class ChatRoom_1 {
              static Object start_link(Object name) { procshell.shell.iex.GenServer.start_link(m("ChatRoom"), name, kw("name", via(name))) }
              static Object send_message(Object room, Object message) { procshell.shell.iex.GenServer.cast(via(room), t(a("message"), message)) }
              static Object messages(Object room) { procshell.shell.iex.GenServer.call(via(room), a("messages")) }
              private static Object via(Object room) { t(a("via"), m("ChatRegistry"), room) }
              static Object init(Object name) { t(a("ok"), t(name, [])) }
              static Object handle_cast(Object msg, Object state) { t(a("noreply"), t(state.get(0), [msg.get(1)] + state.get(1))) }
              static Object handle_call(Object msg, Object from, Object state) { t(a("reply"), state.get(1).reverse(), state) }
              static Object child_spec(Object arg) { map("id", m("ChatRoom"), "start", t(m("ChatRoom"), a("start_link"), list(arg))) }
            }
            """;

    /** Study note 000's home-made registry: a compiled module with the via functions. */
    static final String CHAT_REGISTRY = """
            @procshell.shell.iex.ElixirName("ChatRegistry")
            class ChatRegistry_1 {
              static Object start_link(Object ignored) { procshell.shell.iex.GenServer.start_link(m("ChatRegistry"), map(), kw("name", m("ChatRegistry"))) }
              static Object register_name(Object room, Object pid) { procshell.shell.iex.GenServer.call(m("ChatRegistry"), t(a("register"), room, pid)) }
              static Object unregister_name(Object room) { procshell.shell.iex.GenServer.cast(m("ChatRegistry"), t(a("unregister"), room)) }
              static Object whereis_name(Object room) { procshell.shell.iex.GenServer.call(m("ChatRegistry"), t(a("whereis"), room)) }
              static Object send(Object room, Object message) {
                def pid = whereis_name(room)
                pid == a("undefined") ? t(a("badarg"), t(room, message)) : procshell.shell.iex.Kernel.send(pid, message)
              }
              static Object init(Object rooms) { t(a("ok"), rooms) }
              static Object handle_call(Object msg, Object from, Object rooms) {
                if (msg.get(0) == a("register")) {
                  if (rooms.get(msg.get(1)) != null) return t(a("reply"), a("no"), rooms)
                  procshell.shell.iex.Process.monitor(msg.get(2))
                  def r = new procshell.shell.iex.MapTerm(rooms); r.put(msg.get(1), msg.get(2))
                  return t(a("reply"), a("yes"), r)
                }
                t(a("reply"), rooms.containsKey(msg.get(1)) ? rooms.get(msg.get(1)) : a("undefined"), rooms)
              }
              static Object handle_cast(Object msg, Object rooms) { def r = new procshell.shell.iex.MapTerm(rooms); r.remove(msg.get(1)); t(a("noreply"), r) }
              static Object handle_info(Object msg, Object rooms) {
                def r = new procshell.shell.iex.MapTerm(); rooms.each { k, v -> if (v != msg.get(3)) r.put(k, v) }; t(a("noreply"), r)
              }
            }
            """;

    @Test
    void studyNote000ChatRoomsUnderADynamicSupervisorWithAHomeMadeViaRegistry() throws Exception {
        try (CompiledModules c = new CompiledModules()) {
            c.define(CHAT_ROOM);
            c.define(CHAT_REGISTRY);
            Modules mods = c.session.modules();
            assertEquals("{:ok, #PID<>}", c.show(mods.apply(m("ChatRegistry"), "start_link", (Object) null)));
            assertEquals("{:ok, #PID<>}", c.show(DynamicSupervisor.start_link(kw("strategy", a("one_for_one"), "name", m("ChatRooms")))));
            assertEquals("{:ok, #PID<>}", c.show(DynamicSupervisor.start_child(m("ChatRooms"), t(m("ChatRoom"), "elixir"))));
            assertEquals("{:ok, #PID<>}", c.show(DynamicSupervisor.start_child(m("ChatRooms"), t(m("ChatRoom"), "erlang"))));
            assertEquals(":ok", c.show(mods.apply(m("ChatRoom"), "send_message", "elixir", "hello")));
            assertEquals(":ok", c.show(mods.apply(m("ChatRoom"), "send_message", "elixir", "processes are cheap")));
            assertEquals("[\"hello\", \"processes are cheap\"]", c.show(mods.apply(m("ChatRoom"), "messages", "elixir")));
            Object old = mods.apply(m("ChatRegistry"), "whereis_name", "elixir");
            assertEquals("true", c.show(Process.exit(old, a("kill"))));
            Object now = old;
            while (now.equals(old) || !(now instanceof Pid)) {
                Thread.sleep(5); // until the supervisor has restarted the room under its name
                now = mods.apply(m("ChatRegistry"), "whereis_name", "elixir");
            }
            assertNotEquals(old, now);
            assertEquals("[]", c.show(mods.apply(m("ChatRoom"), "messages", "elixir")));
            assertEquals(":ok", c.show(mods.apply(m("ChatRoom"), "send_message", "elixir", "still here")));
            assertEquals("[\"still here\"]", c.show(mods.apply(m("ChatRoom"), "messages", "elixir")));
            assertEquals("%{active: 2, specs: 2, supervisors: 0, workers: 2}", c.show(DynamicSupervisor.count_children(m("ChatRooms"))));
        }
    }
}
