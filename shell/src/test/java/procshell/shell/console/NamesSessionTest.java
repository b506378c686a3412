package procshell.shell.console;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Test;

/**
 * A process's names at the prompt, against what iex printed for the same lines
 * ({@code iex-reference/names_at_the_prompt.txt}): an Agent named by a via tuple into a
 * partitioned Registry (its calls, the registry's keys, lookup, select and count, the name taken,
 * the name gone with the Agent), {@code :global} (register, re-register, send, unregister, and a
 * send to a name gone), local names ({@code Process.register/2} twice, with its
 * {@code lib/process.ex:611} frame; send to a name and to none), and an Agent's name taken or not
 * an atom.
 */
@Timeout(120)
class NamesSessionTest {

    @Test
    void namesAnswerAsInIex() {
        IexSessionCheck.against("names_at_the_prompt.txt").everyInput().check();
    }
}
