package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code IEx.configure/1}'s options that mean something here, as a session shows them. */
@Timeout(60)
class IexConfigureSessionTest {
    @Test
    void thePromptInspectOptionsAndHistorySizeAsConfigured() {
        String t = PipedSession.transcript(
                "IEx.configure(default_prompt: \"%prefix[%counter]:\", inspect: [limit: 3])",
                "Enum.to_list(1..10)",
                "IEx.configure(history_size: 2)",
                ":a",
                "v(1)",
                "v(-2)");
        assertEquals("""
                ps(1)> IEx.configure(default_prompt: "%prefix[%counter]:", inspect: [limit: 3])
                :ok
                ps[2]: Enum.to_list(1..10)
                [1, 2, 3, ...]
                ps[3]: IEx.configure(history_size: 2)
                :ok
                ps[4]: :a
                :a
                ps[5]: v(1)
                ** (RuntimeError) v(1) is out of bounds
                    (iex 1.14.0) lib/iex/history.ex:54: IEx.History.nth/2
                    (iex 1.14.0) lib/iex/helpers.ex:402: IEx.Helpers.v/1
                ps[5]: v(-2)
                :ok
                """, t.substring(0, t.lastIndexOf("ps[6]: ") == -1 ? t.length() : t.lastIndexOf("ps[6]: ")),
                "iex 1.14 with the same configuration prints iex[2]: and the same lines");
    }

    @Test
    void anUnknownOptionIsAnArgumentError() {
        assertEquals("** (ArgumentError) invalid configuration {:nope, 1}",
                PipedSession.outputs("IEx.configure(nope: 1)").get(0).get(0));
    }
}
