package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import procshell.shell.eval.Foreground;

/** The prompt's rehearsal of a note's first steps: every step answers, and nothing of it reaches a person's shell. */
class NotesRehearsalTest {
    @Test
    void everyStepAnswersAndThePersonsShellSeesNoneOfIt() {
        Foreground.inputAnswered(); // (each step waits until no person waits: no console of another test may)
        StringWriter rehearsed = new StringWriter();
        NotesRehearsal.rehearse(new PrintWriter(rehearsed, true));
        String text = rehearsed.toString();
        // each input answered without an error: its value, the module, the call's reply, the task's 42
        assertFalse(text.contains("** ("), text);
        assertTrue(text.contains("{:module, Enum.Rehearsal,"), text);
        assertTrue(text.contains("\"x says: \\\"x\\\"\""), text);
        assertTrue(text.contains("\n42\n"), text);
        assertEquals(NotesRehearsal.INPUTS.size() + 1, text.split("ps\\(\\d+\\)> ", -1).length, text);

        Shell person = new Shell("nonode@nohost");
        try {
            StringWriter out = new StringWriter();
            person.piped(new BufferedReader(new StringReader(
                    "function_exported?(Enum.Rehearsal, :init, 1)\nProcess.whereis(Enum.Supervisor)\nlength(Process.list())\n")),
                    new PrintWriter(out, true)).run();
            assertEquals("ps(1)> function_exported?(Enum.Rehearsal, :init, 1)\nfalse\nps(2)> Process.whereis(Enum.Supervisor)\nnil\n"
                    + "ps(3)> length(Process.list())\n1\n", out.toString().replace("\r", ""));
        } finally {
            person.shutdown();
        }
    }

    @Test
    void aPipedConsoleLeavesAPersonsWaitAlone() {
        Foreground.inputEntered(); // a person pressed Enter
        try {
            Shell shell = new Shell("nonode@nohost");
            try {
                shell.rehearsal(new BufferedReader(new StringReader("1 + 1\n")), new PrintWriter(java.io.Writer.nullWriter())).run();
            } finally {
                shell.shutdown();
            }
            assertTrue(Foreground.waiting(), "the rehearsal's input ended the person's wait");
        } finally {
            Foreground.inputAnswered();
        }
    }
}
