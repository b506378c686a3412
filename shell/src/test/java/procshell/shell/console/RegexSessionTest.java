package procshell.shell.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Regular expressions at the prompt, against what iex printed for the same lines
 * ({@code iex-reference/regex.txt}): a {@code ~r} sigil that does not compile raises
 * Regex.CompileError with the frames of the macro's expansion, {@code Regex.compile!/1} with its
 * own, and runs, {@code =~}, {@code String.replace/3} and a lower-case sigil's escapes print as
 * iex prints them. (The values of the whole Regex module are compared with {@code elixir} by
 * {@code StdlibDifferentialTest}, {@code stdlib/cases/Regex.exs}.)
 */
@Timeout(120)
class RegexSessionTest {

    @Test
    void regexesAtThePromptPrintAsInIex() {
        IexSessionCheck.against("regex.txt").everyInput().check();
    }
}
