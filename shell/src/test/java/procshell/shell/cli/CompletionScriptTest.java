package procshell.shell.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/**
 * {@code procshell generate-completion}: picocli's bash/zsh completion script, with the options
 * of every command and, after {@code tutorial}, list, run and the chapter numbers.
 */
class CompletionScriptTest {
    @Test
    void theScriptCompletesOptionsAndChapterNumbers() {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out));
        int code = cl.execute("generate-completion");
        String script = out.toString();
        assertTrue(code == 0, "exit code " + code);
        for (String option : new String[] {"--sname", "--cookie", "--no-color", "--no-startup-file", "--atom-limit"}) {
            assertTrue(script.contains(option), option);
        }
        assertTrue(script.contains("tutorial"), "the tutorial subcommand");
        assertTrue(script.contains("(\"list\" \"run\" \"1\" \"2\" \"3\""), "after tutorial: list, run and the chapter numbers");
    }
}
