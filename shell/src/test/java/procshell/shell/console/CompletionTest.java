package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tab at the prompt, as a person sees it on the terminal: what the line completes to, and the
 * list shown when several names fit, compared with what iex 1.14 shows for the same keys.
 */
@Timeout(60)
class CompletionTest {
    private static final String CLEAR_LINE = "\u0015"; // Ctrl-U: JLine's kill-whole-line

    private TerminalSession t;

    @BeforeEach
    void start() throws Exception {
        t = new TerminalSession();
    }

    @AfterEach
    void stop() throws Exception {
        t.close();
    }

    /** Types {@code text} and Tab, and returns the screen from the prompt once it shows {@code expected}. */
    private String tab(String text, String expected) {
        int from = t.cursorLine();
        t.keys.type(text + "\t");
        t.awaitScreen("the line to complete to " + expected, sc -> t.screenFrom(from).contains(expected));
        String shown = t.screenFrom(from);
        t.keys.type(CLEAR_LINE);
        t.awaitScreen("the line to be cleared", sc -> sc.endsWith("> "));
        return shown;
    }

    @Test
    void aUniquePrefixCompletesWithoutParenthesesAsInIex() {
        assertEquals("ps(1)> Registry", tab("Regi", "ps(1)> Registry"), "iex: Regi<Tab> is Registry");
        assertEquals("ps(1)> Registry.lookup", tab("Registry.looku", "ps(1)> Registry.lookup"));
        assertEquals("ps(1)> GenServer.call", tab("GenServer.cal", "ps(1)> GenServer.call"));
        assertEquals("ps(1)> Process.alive?", tab("Process.ali", "ps(1)> Process.alive?"), "Java's alive_qm is Elixir's alive?");
        assertEquals("ps(1)> :ets.lookup", tab(":ets.looku", "ps(1)> :ets.lookup"), "an Erlang module's functions");
        assertEquals("ps(1)> Task.Supervisor", tab("Task.Sup", "ps(1)> Task.Supervisor"), "a nested module");
    }

    @Test
    void severalNamesAreListedInIexColumnsOneEntryPerArity() {
        String s = tab("GenServer.ca", "cast/2");
        assertEquals("ps(1)> GenServer.ca\ncall/2    call/3    cast/2\nps(1)> GenServer.ca", s,
                "iex: every arity its own entry, columns 4 wider than the longest");
        String fns = tab("Registry.", "lookup/2");
        for (String f : new String[] {"register/3", "unregister/2", "start_link/1", "count/1", "dispatch/3", "dispatch/4", "keys/2"}) {
            assertTrue(fns.contains(f), f + " in\n" + fns);
        }
        assertTrue(fns.startsWith("ps(1)> Registry.\n"), fns);
        assertTrue(fns.endsWith("ps(1)> Registry."), "the prompt comes back with the input:\n" + fns);
    }

    @Test
    void anErlangModulePrefixIsAPrefixMatchNeverATypo() {
        assertEquals("ps(1)> :g\ngen_tcp    global     gproc\nps(1)> :g", tab(":g", "gproc\n"), "iex lists :g's modules so, without colons");
        assertEquals("ps(1)> :global", tab(":glo", "ps(1)> :global"));
        int from = t.cursorLine();
        t.keys.type(":na\t");
        t.keys.type("1\r");
        t.awaitScreen("the atom", sc -> sc.endsWith("ps(2)> "));
        assertEquals("ps(1)> :na1\n:na1\nps(2)> ", t.screenFrom(from),
                ":na completes to no module: it stays :na (iex lists nothing either), not :math");
    }

    @Test
    void bindingsMapKeysModulesAndFunctionsOfTheSessionComplete() {
        t.typeLine("my_counter = 41", "ps(2)> ");
        assertEquals("ps(2)> my_counter", tab("my_cou", "ps(2)> my_counter"));
        t.typeLine("x = %{abc: 1, abd: 2, other: 3}", "ps(3)> ");
        assertEquals("ps(3)> x.ab", tab("x.a", "ps(3)> x.ab"), "iex: x.a completes to x.ab");
        assertEquals("ps(3)> x.ab\nabc    abd\nps(3)> x.ab", tab("x.ab", "abc    abd\nps(3)> x.ab"), "then lists the keys");

        t.typeLine("defmodule Greeter do", "...(3)> ");
        t.typeLine("  def hello(name), do: \"hello \" <> name", "...(3)> ");
        t.typeLine("  def hello(), do: \"hello\"", "...(3)> ");
        t.typeLine("end", "ps(4)> ");
        assertEquals("ps(4)> Greeter", tab("Gree", "ps(4)> Greeter"));
        assertEquals("ps(4)> Greeter.hello", tab("Greeter.he", "ps(4)> Greeter.hello"));
        assertEquals("ps(4)> Greeter.hello\nhello/0    hello/1\nps(4)> Greeter.hello", tab("Greeter.hello", "hello/1\n"));
    }

    @Test
    void tabAfterAnOpeningParenthesisShowsTheSignatures() {
        assertEquals("ps(1)> Registry.lookup(\nlookup(registry, key)\nps(1)> Registry.lookup(",
                tab("Registry.lookup(", "key)\nps(1)>"), "iex 1.14 shows the same line");
        String s = tab("Enum.reduce(", "fun)\nps(1)> Enum");
        assertTrue(s.contains("\nreduce(enumerable, acc, fun)\n"), s);
        assertEquals("ps(1)> :ets.lookup(\nlookup/2\nps(1)> :ets.lookup(", tab(":ets.lookup(", "lookup/2\n"),
                "an Erlang function: its arity (no docs, as iex without them)");
    }

    @Test
    void registeredNamesRegistryKeysTablesAndGlobalNamesComplete() {
        t.typeLine("Process.register(self(), :the_shell_itself)", "ps(2)> ");
        assertEquals("ps(2)> Process.whereis(:the_shell_itself", tab("Process.whereis(:the_shell_i", "ps(2)> Process.whereis(:the_shell_itself"));
        assertEquals("ps(2)> GenServer.call(:the_shell_itself", tab("GenServer.call(:the_", "(:the_shell_itself"));

        t.typeLine("Registry.start_link(keys: :unique, name: Rooms) |> elem(0)", "ps(3)> ");
        t.typeLine("Registry.register(Rooms, \"lobby-east\", 1) |> elem(0)", "ps(4)> ");
        t.typeLine("Registry.register(Rooms, \"lobby-west\", 2) |> elem(0)", "ps(5)> ");
        assertEquals("ps(5)> Registry.lookup(Rooms, \"lobby-", tab("Registry.lookup(Rooms, \"lob", "(Rooms, \"lobby-"), "the registry's keys");
        assertEquals("ps(5)> Registry.lookup(Rooms, \"lobby-\n\"lobby-east\"    \"lobby-west\"\nps(5)> Registry.lookup(Rooms, \"lobby-",
                tab("Registry.lookup(Rooms, \"lobby-", "west\"\nps(5)>"), "listed as they are typed");
        String s = tab("Registry.lookup(Rooms, ", "west\"\nps(5)>");
        assertEquals("ps(5)> Registry.lookup(Rooms,\nlookup(registry, key)\n\"lobby-east\"    \"lobby-west\"\nps(5)> Registry.lookup(Rooms, ", s,
                "after the comma: the signature, then the keys");
        assertEquals("ps(5)> Registry.count(Rooms", tab("Registry.count(Ro", "(Rooms"), "a registry's name");

        assertEquals("ps(5)> :ets.info(Rooms", tab(":ets.info(Ro", "(Rooms"), "a named table (the registry's own)");
        t.typeLine(":global.register_name(:the_global_one, self())", "ps(6)> ");
        assertEquals("ps(6)> :global.whereis_name(:the_global_one", tab(":global.whereis_name(:the_g", "(:the_global_one"));
    }

    @Test
    void kernelHelpersCompleteAndNothingCompletesInsideAString() {
        assertEquals("ps(1)> spawn_link", tab("spawn_l", "ps(1)> spawn_link"));
        assertEquals("ps(1)> receive", tab("recei", "ps(1)> receive"), "a special form");
        t.keys.type("\"Reg\t\"\r");
        assertEquals("ps(1)> \"Reg\"\n\"Reg\"\nps(2)> ", t.awaitScreen("the string's value", sc -> sc.endsWith("ps(2)> ")),
                "Tab inside a string completes nothing");
    }
}
