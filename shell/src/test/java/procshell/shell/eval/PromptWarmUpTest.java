package procshell.shell.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import procshell.shell.console.Shell;

/** The prompt's warm-up walks a module's planning without defining anything a person sees. */
class PromptWarmUpTest {
    @BeforeEach
    void noPersonWaits() {
        // (the warm-up's steps give way while a person waits: a console of another test of this JVM
        // may have left its last input waited for)
        Foreground.inputAnswered();
    }

    @Test
    void theCallsOfANotesFirstStepsArePlannedWithoutGroovy() throws Exception {
        assertEquals(PromptWarmUp.PLANNED.size(), PromptWarmUp.plan(PromptWarmUp.PLANNED));
    }

    @Test
    void theWarmUpModuleIsPlannedWithoutGroovyAndDefinesNothing() throws Exception {
        // planned directly: the path of a person's defmodule, which is what it is there to warm
        assertEquals(1, PromptWarmUp.plan(List.of(PromptWarmUp.MODULE)), "the warm-up's module must plan without Groovy's compiler");
        assertEquals(1, PromptWarmUp.plan(List.of(PromptWarmUp.MODULE)), "a second plan of the same module");
        Shell shell = new Shell("nonode@nohost");
        try {
            StringWriter out = new StringWriter();
            shell.piped(new BufferedReader(new StringReader("Enum.sum([1, 2, 3])\nfunction_exported?(Enum, :map, 1)\n")),
                    new PrintWriter(out, true)).run();
            // Enum is still Elixir's: sum/1 sums, and no map/1 was defined
            assertEquals("ps(1)> Enum.sum([1, 2, 3])\n6\nps(2)> function_exported?(Enum, :map, 1)\nfalse\n", out.toString().replace("\r", ""));
        } finally {
            shell.shutdown();
        }
    }
}
