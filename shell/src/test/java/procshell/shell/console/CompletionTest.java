package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tab at the prompt, as a person sees it on the terminal: what the line completes to, and the
 * list shown when several names fit.
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

    /** Types {@code text} and Tab, and returns the prompt line once it shows {@code expected}. */
    private String tab(String text, String expected) {
        t.keys.type(text + "\t");
        String s = t.awaitScreen("the line to complete to " + expected, sc -> sc.contains(expected));
        t.keys.type(CLEAR_LINE);
        t.awaitScreen("the line to be cleared", sc -> sc.endsWith("> "));
        return s;
    }

    @Test
    void aModuleNameCompletesAndItsFunctionsCompleteWithAParenthesis() {
        assertTrue(tab("Reg", "ps(1)> Registry").endsWith("ps(1)> Registry"), "Reg completes to Registry, no space after it");
        assertTrue(tab("Registry.lo", "ps(1)> Registry.lookup(").endsWith("ps(1)> Registry.lookup("));
        assertTrue(tab("GenServer.cal", "GenServer.call(").contains("ps(1)> GenServer.call("));
        assertTrue(tab("Process.ali", "Process.alive?(").contains("ps(1)> Process.alive?("), "Java's alive_qm is Elixir's alive?");
        assertTrue(tab(":ets.loo", ":ets.lookup(").contains("ps(1)> :ets.lookup("), "an Erlang module's functions");
    }

    @Test
    void aModuleAndADotListsItsFunctionsWithTheirArities() {
        t.keys.type("GenServer.ca\t");
        String ambiguous = t.awaitScreen("call and cast", sc -> sc.contains("cast/2"));
        assertEquals("ps(1)> GenServer.ca\ncall/2 call/3   cast/2", ambiguous, "two names fit: the list, with every arity");
        t.keys.type(CLEAR_LINE);
        t.keys.type("Registry.\t");
        String s = t.awaitScreen("Registry's functions", sc -> sc.contains("lookup/2"));
        for (String f : new String[] {"register/3", "unregister/2", "start_link/1", "count/1", "dispatch/3 dispatch/4", "keys/2"}) {
            assertTrue(s.contains(f), f + " in\n" + s);
        }
        assertTrue(s.startsWith("ps(1)> Registry."), s);
    }

    @Test
    void bindingsModulesAtomsAndRegisteredNamesOfTheSessionComplete() {
        t.typeLine("my_counter = 41", "ps(2)> ");
        assertTrue(tab("my_cou", "ps(2)> my_counter").endsWith("ps(2)> my_counter"));

        t.typeLine("defmodule Greeter do", "...(2)> ");
        t.typeLine("  def hello(name), do: \"hello \" <> name", "...(2)> ");
        t.typeLine("end", "ps(3)> ");
        assertTrue(tab("Gree", "ps(3)> Greeter").endsWith("ps(3)> Greeter"));
        assertTrue(tab("Greeter.he", "ps(3)> Greeter.hello(").endsWith("ps(3)> Greeter.hello("));

        t.typeLine("x = :a_rather_rare_atom", "ps(4)> ");
        assertTrue(tab(":a_rather_r", "ps(4)> :a_rather_rare_atom").endsWith("ps(4)> :a_rather_rare_atom"));
        t.typeLine("Process.register(self(), :the_shell_itself)", "ps(5)> ");
        assertTrue(tab("Process.whereis(:the_shell_i", "ps(5)> Process.whereis(:the_shell_itself").endsWith("ps(5)> Process.whereis(:the_shell_itself"));
    }

    @Test
    void kernelHelpersCompleteAndNothingCompletesInsideAString() {
        assertTrue(tab("spawn_l", "ps(1)> spawn_link(").endsWith("ps(1)> spawn_link("));
        t.keys.type("\"Reg\t\"\r");
        assertEquals("ps(1)> \"Reg\"\n\"Reg\"\nps(2)> ", t.awaitScreen("the string's value", sc -> sc.endsWith("ps(2)> ")),
                "Tab inside a string completes nothing");
    }
}
