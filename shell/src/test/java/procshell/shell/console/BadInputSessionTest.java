package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.runtime.event.NodeEvent;
import procshell.runtime.node.Pid;
import procshell.runtime.process.LocalProcess;

/**
 * The bad-input corpus: each input fails as iex fails on it (the text iex 1.14 prints, from the
 * reference transcripts or, for inputs they lack, from a piped iex run), and the session goes on
 * with its binding ({@code keep}), its module ({@code Keep}) and its process ({@code :keeper})
 * intact.
 *
 * <p>Bad inputs covered elsewhere, not repeated here: unknown variables and functions
 * ({@link ErrorsAtPromptSessionTest}), {@code GenServer.call} to a dead pid, a name nobody holds
 * and past its timeout ({@link CallErrorsSessionTest}), a crash in a linked process
 * ({@link ProcessesSessionTest}), {@code Process.exit(self(), :kill)} ({@link ShellExitSessionTest}),
 * Ctrl-C on an infinite loop ({@link InteractiveConsoleTest}), a supervisor reaching its max
 * intensity while linked to the shell ({@link SupervisorSessionTest}), atom table exhaustion
 * ({@link NodeHaltTest}), a malformed tutorial file ({@code ChapterParserTest}).
 */
@Timeout(60)
class BadInputSessionTest {
    /** A binding, a module and a named process to keep: the session before the bad input. */
    private static IexSessionCheck session(String reference) {
        return prelude(IexSessionCheck.against(reference));
    }

    /** {@code check} followed by the binding, the module and the named process to keep. */
    private static IexSessionCheck prelude(IexSessionCheck check) {
        return check
                .extra("keep = 42", "42")
                .extra("""
                        defmodule Keep do
                          use GenServer
                          def init(x), do: {:ok, x}
                          def handle_call(_m, _from, s), do: {:reply, s, s}
                        end""", "{:module, Keep, <<...>>, {:handle_call, 3}}")
                .extra("{:ok, kp} = GenServer.start(Keep, 7, name: :keeper)", "{:ok, #PID<0.100.0>}");
    }

    /** The session after the bad input: the binding, the process and the module all still work. */
    private static String intact(IexSessionCheck session) {
        return session.extra("keep", "42")
                .extra("GenServer.call(:keeper, :state)", "7")
                .extra("Process.alive?(kp)", "true")
                .extra("{:ok, k2} = GenServer.start(Keep, 8)", "{:ok, #PID<0.101.0>}")
                .extra("GenServer.call(k2, :state)", "8")
                .check();
    }

    @Test
    void aStrayClosingBracket() {
        // iex 1.14 (errors_at_prompt.txt's iex(17)> ), and a piped iex for the other two): the
        // line and a caret under the token; the counter does not move after an error
        intact(session("errors_at_prompt.txt")
                .extra(")", "** (SyntaxError) iex:4:1: unexpected token: )", "    |", "  4 | )", "    | ^", "")
                .extra("[1, 2]]", "** (SyntaxError) iex:4:7: unexpected token: ]", "    |", "  4 | [1, 2]]", "    |       ^", "")
                .extra("1 +\n)", "** (SyntaxError) iex:5:1: unexpected token: )", "    |", "  5 | )", "    | ^", ""));
    }

    @Test
    void anUnterminatedBracketAbortedWithIexBreak() {
        intact(session("errors_at_prompt.txt")
                .extra("[1, 2\n#iex:break", "** (TokenMissingError) iex:4: incomplete expression", ""));
    }

    @Test
    void anUnterminatedStringAbortedWithIexBreak() {
        intact(session("errors_at_prompt.txt")
                .extra("\"abc\n#iex:break", "** (TokenMissingError) iex:4: incomplete expression", ""));
    }

    @Test
    void aStringThatGoesOnOverTwoLines() {
        intact(session("errors_at_prompt.txt").same("\"unterminated\n\""));
    }

    @Test
    void aFunctionOfAModuleNobodyDefined() {
        intact(session("errors_at_prompt.txt").same("Foo.bar()").same(":foo.bar()"));
    }

    @Test
    void aFunctionTheTypedModuleLacks() {
        // iex 1.14, Keep defined with defmodule: the error and the call as the stack line
        intact(session("errors_at_prompt.txt").extra("Keep.nosuch(1)",
                "** (UndefinedFunctionError) function Keep.nosuch/1 is undefined or private", "    Keep.nosuch(1)"));
    }

    @Test
    void anExceptionRaisedByTypedCode() {
        // iex 1.14 for a module typed at iex(1)> whose go/0 raises on the module's second line:
        // the frame names that line
        intact(prelude(IexSessionCheck.against("errors_at_prompt.txt")
                .extra("defmodule Boom do\n  def go, do: raise(\"typed boom\")\nend", "{:module, Boom, <<...>>, {:go, 0}}"))
                .extra("Boom.go()", "** (RuntimeError) typed boom", "    iex:2: Boom.go/0"));
    }

    @Test
    void aDivisionByZero() {
        intact(session("errors_at_prompt.txt").same("1/0"));
    }

    @Test
    void sendToANameNobodyHolds() {
        intact(session("errors_at_prompt.txt").same("send(:nobody, :hi)"));
    }

    @Test
    void pidsOutOfRange() {
        // iex 1.14: :erlang.list_to_pid/1 refuses them, under IEx.Helpers.pid/1 and pid/3
        intact(session("errors_at_prompt.txt")
                .extra("pid(\"0.99999999999.0\")", notAPid("'<0.99999999999.0>'", "1249: IEx.Helpers.pid/1"))
                .extra("pid(\"abc\")", notAPid("'<abc>'", "1249: IEx.Helpers.pid/1"))
                .extra("pid(0, 99999999999, 0)", notAPid("'<0.99999999999.0>'", "1273: IEx.Helpers.pid/3")));
    }

    /** iex's lines for a pid that is none: list_to_pid's ArgumentError under the IEx helper's line. */
    private static String[] notAPid(String charlist, String helperLine) {
        return new String[] {
            "** (ArgumentError) errors were found at the given arguments:",
            "",
            "  * 1st argument: not a textual representation of a pid",
            "",
            "    :erlang.list_to_pid(" + charlist + ")",
            "    (iex 1.14.0) lib/iex/helpers.ex:" + helperLine};
    }

    @Test
    void aFloodedMailbox() {
        // The shell process's own mailbox holds 100,000 messages; calls still find their replies.
        intact(session("errors_at_prompt.txt")
                .extra("Enum.each(1..100000, fn i -> send(self(), i) end)", ":ok")
                .extra("Process.info(self(), :message_queue_len)", "{:message_queue_len, 100000}"));
    }

    @Test
    void aHugeList() {
        intact(session("printing.txt").extra("Enum.to_list(1..100000)",
                "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,",
                " 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42,",
                " 43, 44, 45, 46, 47, 48, 49, 50, ...]"));
    }

    @Test
    void aCyclicList() {
        // The BEAM has no cyclic terms; iex prints a list nested 100 deep
        // (Enum.reduce(1..100, [1], fn _, acc -> [1, acc] end)) cut as limit: 50 cuts it, and so
        // procshell prints a list that holds itself (made in Groovy: Elixir cannot make one).
        StringBuilder nested = new StringBuilder();
        nested.append("[\n");
        int depth = 16;
        for (int d = 1; d <= depth; d++) nested.append("  ".repeat(d)).append("1,\n").append("  ".repeat(d)).append("[\n");
        nested.append("  ".repeat(depth + 1)).append("1,\n");
        nested.append("  ".repeat(depth + 1)).append("[1, [1, [1, [1, [1, [1, [1, [1, [...]]]]]]]]]\n");
        for (int d = depth; d >= 1; d--) nested.append("  ".repeat(d)).append("]\n");
        nested.append("]");
        intact(session("printing.txt").extra("~G\"\"\"\nl = [1]; l.add(l); l\n\"\"\"", nested.toString().split("\n")));
    }

    @Test
    void aKilledLoopThatCatchesEverythingStops() throws InterruptedException {
        // Its process is dead for everyone at once; its thread, stuck in a typed loop that catches
        // everything, ends too (the loop's interruption check throws an Error).
        Shell shell = new Shell("nonode@nohost");
        ConcurrentHashMap<Pid, Thread> threads = new ConcurrentHashMap<>();
        shell.node().events().subscribe(e -> {
            if (e instanceof NodeEvent.Spawned s) {
                LocalProcess p = shell.node().process(s.pid());
                if (p != null && p.thread() != null) threads.put(s.pid(), p.thread());
            }
        });
        StringWriter out = new StringWriter();
        try {
            String in = String.join("\n",
                    "keep = 42",
                    "defmodule Spin do",
                    "  def forever, do: (try do busy() catch _, _ -> :caught end; forever())",
                    "  def busy, do: busy()",
                    "end",
                    "p = spawn(fn -> Spin.forever() end)",
                    "Process.exit(p, :kill)",
                    "Process.alive?(p)",
                    "keep") + "\n";
            shell.piped(new BufferedReader(new StringReader(in)), new PrintWriter(out, true)).run();
            String transcript = out.toString();
            assertTrue(transcript.contains("ps(4)> Process.exit(p, :kill)\ntrue\nps(5)> Process.alive?(p)\nfalse\nps(6)> keep\n42\n"),
                    transcript);
            Pid loop = threads.keySet().stream().filter(pid -> !shell.node().isAlive(pid)).findFirst().orElse(null);
            assertNotNull(loop, "the loop's pid");
            Thread t = threads.get(loop);
            t.join(TimeUnit.SECONDS.toMillis(20));
            assertFalse(t.isAlive(), "the killed loop's thread ended");
            assertEquals(false, shell.node().isAlive(loop));
        } finally {
            shell.shutdown();
        }
    }
}
