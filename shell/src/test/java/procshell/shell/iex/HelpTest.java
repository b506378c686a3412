package procshell.shell.iex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import procshell.shell.console.PipedSession;

/**
 * {@code h(...)} as typed at the prompt, rendered as iex renders docs without colours; and every
 * shell-facing module and function has a {@link Doc}, so that a gap shows here.
 */
class HelpTest {
    @Test
    void everyShellFacingModuleAndFunctionHasADoc() {
        List<String> missing = new ArrayList<>();
        for (ShellModules.Module m : ShellModules.all()) {
            if (m.cls().getAnnotation(Doc.class) == null) missing.add(m.name());
            for (String name : ShellModules.aritiesByName(m.functions()).keySet()) {
                if (Docs.docOf(m.cls(), name) == null) missing.add(m.name() + "." + name);
            }
        }
        for (String name : ShellModules.aritiesByName(ShellModules.kernelFunctions()).keySet()) {
            if (Docs.docOf(null, name) == null) missing.add(name);
        }
        assertEquals(List.of(), missing, "modules and functions without @Doc (h(...) has nothing to show for them)");
    }

    @Test
    void theModulesAreFoundByReflection() {
        List<String> names = ShellModules.all().stream().map(ShellModules.Module::name).toList();
        for (String n : new String[] {"DynamicSupervisor", "Enum", "GenServer", "Map", "Process", "Registry", "String", "Supervisor", ":erlang", ":ets", ":sys"}) {
            assertTrue(names.contains(n), n + " in " + names);
        }
        assertTrue(names.stream().noneMatch(n -> n.equals("Kernel") || n.equals("IexSession") || n.endsWith("Error")), names.toString());
    }

    @Test
    void hOfAFunctionAsTypedInIexPrintsItsSignatureSpecSinceAndDoc() {
        // iex 1.14's h Registry.lookup: the same heading, spec and since lines (the prose is procshell's own)
        String lookup = """

                                           def lookup(registry, key)

                  @spec lookup(registry(), key()) :: [{pid(), value()}]

                since: 1.4.0

                Finds the {pid, value} pairs registered under the key, in no particular order.

                An empty list if there is no match.

                ## Examples

                    iex> Registry.lookup(MyRegistry, "room-1")
                    [{#PID<0.108.0>, :lobby}]

                """;
        List<List<String>> out = PipedSession.outputs("h(Registry.lookup)", "h Registry.lookup/2", "h(Registry.lookup/2)");
        for (List<String> o : out) assertEquals(lookup, String.join("\n", o) + "\n");
    }

    @Test
    void hOfAModuleAnErlangFunctionAndAKernelHelper() {
        List<List<String>> out = PipedSession.outputs("h(Registry)", "h(:ets.lookup)", "h(Process.alive?)", "h(self)");
        assertEquals(" ".repeat(36) + "Registry", out.get(0).get(1), "the title centred on 80 columns, as iex");
        assertEquals("A local, decentralized and scalable key-value process storage.", out.get(0).get(3));
        assertEquals(" ".repeat(33) + ":ets.lookup/2", out.get(1).get(1));
        assertEquals(" ".repeat(32) + "def alive?(pid)", out.get(2).get(1), "iex centres the signature so");
        assertEquals(" ".repeat(35) + "def self()", out.get(3).get(1));
        assertEquals("  @spec self() :: pid()", out.get(3).get(3), "Kernel's spec");
    }

    @Test
    void unknownModulesAndFunctionsGetIexsMessages() {
        assertEquals(List.of(List.of("Could not load module Nope, got: nofile"), List.of("No documentation for Registry.nope was found"),
                List.of("No documentation for Registry.lookup/7 was found")),
                PipedSession.outputs("h(Nope)", "h(Registry.nope)", "h(Registry.lookup/7)"));
    }

    /**
     * With colours, docs print in iex 1.14's default doc colours (as {@code h Enum.count/1} shows
     * them in a terminal): the title reverse yellow, {@code ##} headings yellow, code cyan, and
     * inline code cyan without its backticks, which no longer count for the line's width.
     */
    @Test
    void inColourDocsUseIexsDocColours() {
        Docs docs = new Docs(80, true);
        assertEquals("\u001b[7m\u001b[33m" + " ".repeat(29) + "def count(enumerable)\u001b[0m", docs.heading("def count(enumerable)"));
        assertEquals("Returns the size of the \u001b[36menumerable\u001b[0m.\n\n"
                        + "\u001b[33m## Examples\u001b[0m\n\n"
                        + "\u001b[36m    iex> Enum.count([1, 2, 3])\u001b[0m\n\u001b[36m    3\u001b[0m\n\n",
                docs.body("Returns the size of the `enumerable`.\n\n## Examples\n\n    iex> Enum.count([1, 2, 3])\n    3\n"));
        String words = "word ".repeat(15) + "`a b`";
        assertEquals(words.replace("`a b`", "\u001b[36ma\u001b[0m \u001b[36mb\u001b[0m") + "\n\n", docs.body(words),
                "a span over two words, and 78 columns shown: one line");
        assertEquals("Returns the size of the `enumerable`.\n\n", new Docs(80).body("Returns the size of the `enumerable`."),
                "without colours the backticks stay, as iex shows them");
    }

    /** A value is not a reference: iex's h/1 says what it expects and points to i/1 (iex 1.14's lines). */
    @Test
    void aStringOrANumberIsNoReference() {
        String hint = "If instead of accessing documentation you would like more information about a value or about the result"
                + " of an expression, use the \"i\" helper instead";
        assertEquals(List.of(
                        List.of("The \"h\" helper expects a Module, Module.fun or Module.fun/arity, got: \"a string\"", hint),
                        List.of("The \"h\" helper expects a Module, Module.fun or Module.fun/arity, got: 1", hint),
                        List.of("\"a string\"")),
                PipedSession.outputs("h(\"a string\")", "h(1)", "s = \"a string\""));
    }

    @Test
    void hWithoutArgumentsListsTheHelpersAndTheModulesWithTheirSummaries() {
        String out = String.join("\n", PipedSession.outputs("h()").get(0));
        // summaries wrap at a column that depends on the longest name: compare them unwrapped
        String flat = out.replace("\n    ", " ");
        assertTrue(flat.matches("(?s).*\n  \\* `Registry` +- a local, decentralized and scalable key-value process storage\n.*"), out);
        assertTrue(flat.matches("(?s).*\n  \\* `v/0,1` +- returns the value of the nth expression in the history \\(v\\(-1\\), the default, is the last\\)\n.*"), out);
        assertTrue(flat.matches("(?s).*\n  \\* `:ets` +- the :ets module: .*"), out);
        assertTrue(flat.matches("(?s).*\n  \\* `respawn/0` +- respawns the current shell by starting a new shell process\n.*"), out);
    }

    @Test
    void vClearAndRespawnAsIex() {
        assertEquals(List.of(List.of("1"), List.of("2"), List.of("1"),
                        List.of("Cannot clear the screen because ANSI escape codes are not enabled on this shell"),
                        List.of("", "Interactive procshell - press Ctrl+D to exit (type h() ENTER for help)"),
                        List.of("** (RuntimeError) v(1) is out of bounds", "    (iex 1.14.0) lib/iex/history.ex:54: IEx.History.nth/2",
                                "    (iex 1.14.0) lib/iex/helpers.ex:402: IEx.Helpers.v/1")),
                PipedSession.outputs("x = 1", "x + 1", "v(1)", "clear()", "respawn()", "v(1)"));
        String t = PipedSession.transcript("x = 1", "respawn()", "x");
        assertTrue(t.contains("ps(1)> x\nwarning: variable \"x\" does not exist"), "respawn forgets the bindings, as iex:\n" + t);
    }
}
