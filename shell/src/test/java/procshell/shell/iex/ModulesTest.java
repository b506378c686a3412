package procshell.shell.iex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static procshell.shell.iex.CompiledModules.a;
import static procshell.shell.iex.CompiledModules.m;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The session's module table: compiled modules defined and redefined, facades found by their
 * Elixir names, functions looked up for remote calls, exports, and Elixir's UndefinedFunctionError
 * texts.
 */
@Timeout(30)
class ModulesTest {
    static final String V1 = """
            @procshell.shell.iex.ElixirName("MyApp.Hello")
            class Elixir_MyApp_Hello_1 {
              static Object hello(Object who) { "hello " + who }
              static Object ok_qm(Object x) { true }
              private static Object secret() { 1 }
            }
            """;

    @Test
    void aDefinedModuleIsFoundByItsAtomAndARedefinitionReplacesIt() throws Throwable {
        try (CompiledModules c = new CompiledModules()) {
            Modules mods = c.session.modules();
            Class<?> v1 = c.define(V1);
            assertSame(v1, mods.classOf(m("MyApp.Hello")));
            assertEquals("\"hello joe\"", c.show(mods.apply(m("MyApp.Hello"), "hello", "joe")));
            assertEquals("[hello: 1, ok?: 1]", c.show(mods.exports(m("MyApp.Hello"))));
            assertNotNull(mods.function(m("MyApp.Hello"), "ok_qm", 1));
            assertNull(mods.function(m("MyApp.Hello"), "secret", 0));
            assertEquals("hello mike", mods.handle(m("MyApp.Hello"), "hello", 1).invoke((Object) "mike"));
            Class<?> v2 = c.define(V1.replace("_1 {", "_2 {").replace("\"hello \" + who", "\"hi \" + who"));
            assertSame(v2, mods.classOf(m("MyApp.Hello")));
            assertEquals("\"hi joe\"", c.show(mods.apply(m("MyApp.Hello"), "hello", "joe")));
        }
    }

    @Test
    void facadesAndErlangModulesAreFoundByName() {
        try (CompiledModules c = new CompiledModules()) {
            Modules mods = c.session.modules();
            assertSame(GenServer.class, mods.classOf(m("GenServer")));
            assertSame(ElixirString.class, mods.classOf(m("String")));
            assertSame(Ets.class, mods.classOf(a("ets")));
            assertNull(mods.classOf(m("Nope")));
            assertEquals("\"ABC\"", c.show(mods.apply(m("String"), "upcase", "abc")));
            assertEquals("true", c.show(mods.exports(m("Process")).contains(CompiledModules.t(a("alive?"), 1))));
        }
    }

    @Test
    void missingModulesAndFunctionsRaiseElixirsUndefinedFunctionError() {
        try (CompiledModules c = new CompiledModules()) {
            c.define(V1);
            Modules mods = c.session.modules();
            assertEquals("function Nope.f/1 is undefined (module Nope is not available)",
                    assertThrows(UndefinedFunctionError.class, () -> mods.apply(m("Nope"), "f", 1)).getMessage());
            assertEquals("function MyApp.Hello.secret/0 is undefined or private",
                    assertThrows(UndefinedFunctionError.class, () -> mods.apply(m("MyApp.Hello"), "secret")).getMessage());
            assertEquals("function MyApp.Hello.ok?/2 is undefined or private",
                    assertThrows(UndefinedFunctionError.class, () -> mods.apply(m("MyApp.Hello"), "ok_qm", 1, 2)).getMessage());
        }
    }
}
