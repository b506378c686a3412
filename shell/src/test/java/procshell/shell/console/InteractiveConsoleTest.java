package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jline.terminal.Terminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;

/**
 * The console as a person at a terminal sees it ({@link TerminalSession}): keystrokes typed by
 * the test and the screen read back.
 */
@Timeout(20)
class InteractiveConsoleTest {
    private static final long WAIT_MS = TerminalSession.WAIT_MS;

    private TerminalSession session;
    private TypedInput keys;
    private Terminal terminal;
    private Shell shell;

    @BeforeEach
    void start() throws IOException {
        session = new TerminalSession();
        keys = session.keys;
        terminal = session.terminal;
        shell = session.shell;
    }

    @AfterEach
    void stop() throws Exception {
        session.close();
    }

    private String screen() {
        return session.screen();
    }

    private String screenFrom(int line) {
        return session.screenFrom(line);
    }

    private int cursorLine() {
        return session.cursorLine();
    }

    private String awaitScreen(String what, Predicate<String> ready) {
        return session.awaitScreen(what, ready);
    }

    private String typeLine(String line, String nextPrompt) {
        return session.typeLine(line, nextPrompt);
    }

    @Test
    void aResultFollowsTheInputAndTheCounterGoesUp() {
        assertEquals("ps(1)> ", screen());
        assertEquals("ps(1)> x = 1\n1\nps(2)> ", typeLine("x = 1", "ps(2)> "));
        assertEquals("ps(2)> x + 1\n2\nps(3)> ", typeLine("x + 1", "ps(3)> "));
        assertEquals("ps(3)> {:ok, [x, \"two\", :three]}\n{:ok, [1, \"two\", :three]}\nps(4)> ",
                typeLine("{:ok, [x, \"two\", :three]}", "ps(4)> "));
        assertEquals("ps(1)> x = 1\n1\nps(2)> x + 1\n2\nps(3)> {:ok, [x, \"two\", :three]}\n{:ok, [1, \"two\", :three]}\nps(4)> ",
                screen(), "the whole session as the terminal shows it");
    }

    @Test
    void anEmptyLineIsNilAsInIex() {
        assertEquals("ps(1)>\nnil\nps(2)> ", typeLine("", "ps(2)> "));
        assertEquals("ps(2)> 1\n1\nps(3)> ", typeLine("1", "ps(3)> "));
    }

    /** The screen with a {@code defmodule}'s binary masked, as the session tests compare it. */
    private static String masked(String screen) {
        return String.join("\n", PipedSession.maskModuleBytes(List.of(screen.split("\n", -1))));
    }

    @Test
    void aModuleTypedOverSeveralLinesContinuesOnTheContinuationPrompt() {
        assertEquals("ps(1)> defmodule Greeter do\n...(1)> ", typeLine("defmodule Greeter do", "...(1)> "));
        assertEquals("...(1)>   def hello(name) do\n...(1)> ", typeLine("  def hello(name) do", "...(1)> "));
        assertEquals("...(1)>     \"hello \" <> name\n...(1)> ", typeLine("    \"hello \" <> name", "...(1)> "));
        assertEquals("...(1)>   end\n...(1)> ", typeLine("  end", "...(1)> "));
        assertEquals("...(1)> end\n{:module, Greeter, <<...>>, {:hello, 1}}\nps(2)> ", masked(typeLine("end", "ps(2)> ")));
        assertEquals("ps(2)> Greeter.hello(\"world\")\n\"hello world\"\nps(3)> ", typeLine("Greeter.hello(\"world\")", "ps(3)> "));
        assertEquals("ps(3)> [1,\n...(3)> ", typeLine("[1,", "...(3)> "), "an open bracket continues too");
        assertEquals("...(3)>  2]\n[1, 2]\nps(4)> ", typeLine(" 2]", "ps(4)> "));
        assertEquals("""
                ps(1)> defmodule Greeter do
                ...(1)>   def hello(name) do
                ...(1)>     "hello " <> name
                ...(1)>   end
                ...(1)> end
                {:module, Greeter, <<...>>, {:hello, 1}}
                ps(2)> Greeter.hello("world")
                "hello world"
                ps(3)> [1,
                ...(3)>  2]
                [1, 2]
                ps(4)>\s""", masked(screen()), "the whole session as the terminal shows it");
    }

    @Test
    void aGenServerModuleTypedAtThePromptAnswersCalls() {
        typeLine("defmodule HelloServer do", "...(1)> ");
        typeLine("  use GenServer", "...(1)> ");
        typeLine("  def start_link(id), do: GenServer.start_link(HelloServer, id, name: HelloServer)", "...(1)> ");
        typeLine("  def init(id), do: {:ok, %{id: id}}", "...(1)> ");
        typeLine("  def handle_call(_msg, _from, state), do: {:reply, \"hello\", state}", "...(1)> ");
        assertEquals("...(1)> end\n{:module, HelloServer, <<...>>, {:handle_call, 3}}\nps(2)> ", masked(typeLine("end", "ps(2)> ")));
        String started = typeLine("{:ok, pid} = HelloServer.start_link(123)", "ps(3)> ");
        assertTrue(Pattern.matches("ps\\(2\\)> \\{:ok, pid\\} = HelloServer\\.start_link\\(123\\)\n\\{:ok, #PID<0\\.\\d+\\.0>\\}\nps\\(3\\)> ", started), started);
        String again = typeLine("HelloServer.start_link(123)", "ps(4)> ");
        String pid = started.substring(started.indexOf("#PID<"), started.indexOf('>', started.indexOf("#PID<")) + 1);
        assertEquals("ps(3)> HelloServer.start_link(123)\n{:error, {:already_started, " + pid + "}}\nps(4)> ", again);
        assertEquals("ps(4)> GenServer.call(HelloServer, :hello)\n\"hello\"\nps(5)> ", typeLine("GenServer.call(HelloServer, :hello)", "ps(5)> "));
    }

    @Test
    void badInputPrintsTheErrorAndKeepsTheBindings() {
        typeLine("x = 41", "ps(2)> ");
        String syntax = typeLine("foo(]", "> ");
        assertTrue(syntax.startsWith("ps(2)> foo(]\n** (SyntaxError) iex:"), syntax);

        String unknown = typeLine("nope + 1", "> ");
        assertTrue(unknown.startsWith("ps(2)> nope + 1\nwarning: variable \"nope\" does not exist"), unknown);
        assertTrue(unknown.contains("\n** (CompileError) iex:"), unknown);
        assertTrue(unknown.contains(": undefined function nope/0 (there is no such import)\n"), unknown);

        assertEquals("ps(2)> raise \"boom\"\n** (RuntimeError) boom\n\nps(2)> ", typeLine("raise \"boom\"", "ps(2)> "),
                "an error without stack lines is followed by an empty line");

        String exited = typeLine("GenServer.call(:nobody, :hello)", "> ");
        assertTrue(exited.substring(exited.indexOf('\n') + 1).startsWith("""
                ** (exit) exited in: GenServer.call(:nobody, :hello, 5000)
                    ** (EXIT) no process: the process is not alive or there's no process currently associated with the given name, possibly because its application isn't started
                    (elixir 1.14.0) lib/gen_server.ex:1027: GenServer.call/3
                ps(2)>\s"""), exited);

        assertEquals("ps(2)> x + 1\n42\nps(3)> ", typeLine("x + 1", "ps(3)> "), "every failed input left the counter at 2");
    }

    @Test
    void theCounterStaysAfterAnErrorAsInIex() {
        typeLine("x = 41", "ps(2)> ");
        typeLine("raise \"boom\"", "ps(2)> ");
        typeLine("nope + 1", "ps(2)> ");
        assertEquals("ps(2)> x + 1\n42\nps(3)> ", typeLine("x + 1", "ps(3)> "));
    }

    @Test
    void aKilledLinkedProcessTakesTheShellProcessButNotTheBindings() {
        typeLine("x = 1", "ps(2)> ");
        typeLine("defmodule Idle do use GenServer; def init(a), do: {:ok, a} end", "ps(3)> ");
        typeLine("{:ok, pid} = GenServer.start_link(Idle, 0)", "ps(4)> ");
        String me = typeLine("me = self()", "ps(5)> ").lines().toList().get(1);
        assertTrue(me.matches("#PID<0\\.\\d+\\.0>"), me);
        // as iex: the EXIT line, an empty line, the banner, and the counter starts again at 1
        assertEquals("ps(5)> Process.exit(pid, :kill)\n** (EXIT from " + me + ") shell process exited with reason: killed\n\n"
                + Console.RESTART_BANNER + "\nps(1)> ", typeLine("Process.exit(pid, :kill)", "ps(1)> "));
        // unlike iex, the bindings stay
        assertEquals("ps(1)> {x, Process.alive?(pid), self() == me}\n{1, false, false}\nps(2)> ",
                typeLine("{x, Process.alive?(pid), self() == me}", "ps(2)> "));
    }

    @Test
    void aCrashReportArrivingAtThePromptIsPrintedAboveIt() {
        typeLine("defmodule Crashy do", "...(1)> ");
        typeLine("  use GenServer", "...(1)> ");
        typeLine("  def init(a), do: {:ok, a}", "...(1)> ");
        typeLine("  def handle_cast(_msg, _state), do: raise(\"bad cast\")", "...(1)> ");
        typeLine("end", "ps(2)> ");
        typeLine("{:ok, pid} = GenServer.start(Crashy, 7)", "ps(3)> ");
        keys.type("GenServer.cast(pid, :crash)\r");
        String screen = awaitScreen("the crash report and a new prompt", t -> t.contains("State: 7") && t.endsWith("ps(4)> "));
        // Cut at the typed line rather than at a line number: the report may scroll the screen.
        String shown = screen.substring(screen.lastIndexOf("ps(3)> GenServer.cast(pid, :crash)"));
        // The report is asynchronous, as in iex: it may land before or after the :ok of the cast.
        String report = """
                \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[error\\] GenServer #PID<0\\.\\d+\\.0> terminating
                \\*\\* \\(RuntimeError\\) bad cast
                    iex:4: Crashy\\.handle_cast/2
                (?s).*State: 7
                """;
        String okFirst = "ps\\(3\\)> GenServer\\.cast\\(pid, :crash\\)\n:ok\n(?s)(.*\n)?" + report + "(.*\n)?ps\\(4\\)>\\s";
        String reportFirst = "ps\\(3\\)> GenServer\\.cast\\(pid, :crash\\)\n(?s)(.*\n)?" + report + ":ok\nps\\(4\\)>\\s";
        assertTrue(Pattern.matches(okFirst, shown) || Pattern.matches(reportFirst, shown), shown);
        assertEquals("ps(4)> 1\n1\nps(5)> ", typeLine("1", "ps(5)> "), "the prompt is whole again below the report");
    }

    @Test
    void ctrlCStopsARunningLoopAndTheSessionGoesOn() {
        typeLine("x = 5", "ps(2)> ");
        int from = cursorLine();
        keys.type("Process.register(self(), :looping); spin = fn f -> f.(f) end; spin.(spin)\r");
        long deadline = System.nanoTime() + WAIT_MS * 1_000_000;
        while (shell.node().whereis(procshell.runtime.node.Atom.of("looping")) == null && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        terminal.raise(Terminal.Signal.INT);
        awaitScreen("the prompt after Ctrl-C", t -> t.endsWith("kept.\n\nps(2)> "));
        assertEquals("ps(2)> Process.register(self(), :looping); spin = fn f -> f.(f) end; spin.(spin)\n** (exit) interrupted\n"
                + Console.INTERRUPT_NOTE + "\n\nps(2)> ", screenFrom(from));
        assertEquals("ps(2)> x\n5\nps(3)> ", typeLine("x", "ps(3)> "));
    }

    @Test
    void ctrlDAtThePromptEndsTheSession() throws InterruptedException {
        session.end();
        assertFalse(session.running(), "the console's loop ended at end of input");
    }

    /**
     * {@code watch()}: with a supervisor and a named child running and the feed on, a person types
     * half a line; the child is killed meanwhile (from outside the shell, as another process would);
     * the exit and restart lines appear above the prompt, the half-typed input is still there below
     * them, whole, and finishing it runs it. After {@code unwatch()} nothing more is printed.
     */
    @Test
    void aWatchedRestartPrintsAboveAHalfTypedInputThatStaysWhole() {
        typeLine("defmodule Worker do use GenServer; def start_link(n), do: GenServer.start_link(Worker, n, name: Worker); def init(a), do: {:ok, a} end",
                "ps(2)> ");
        typeLine("{:ok, sup} = Supervisor.start_link([{Worker, 1}], strategy: :one_for_one, name: MySup)", "ps(3)> ");
        typeLine("watch()", "ps(4)> ");
        keys.type("Process.whereis(Wor");
        awaitScreen("the half-typed input", s -> s.endsWith("ps(4)> Process.whereis(Wor"));

        Pid old = shell.node().whereis(Atom.of("Elixir.Worker"));
        shell.node().exit(old, old, Atom.KILL);
        String shown = awaitScreen("the restart line above the input", s -> s.contains("[watch] restart Worker") && s.endsWith("ps(4)> Process.whereis(Wor"));

        List<String> lines = List.of(shown.substring(shown.indexOf("ps(3)> watch()")).split("\n"));
        assertEquals("ps(3)> watch()", lines.get(0));
        assertEquals(":ok", lines.get(1));
        assertEquals("ps(4)> Process.whereis(Wor", lines.get(lines.size() - 1), "the input is still there, on the last line");
        List<String> events = lines.subList(2, lines.size() - 1);
        String pidRe = "#PID<0\\.\\d+\\.0>";
        String stamp = "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[watch\\] ";
        String oldPid = Pattern.quote(old.toString());
        assertTrue(events.stream().anyMatch(l -> l.matches(stamp + "exit " + oldPid + " \\(Worker\\): :killed")), events::toString);
        assertTrue(events.stream().anyMatch(l -> l.matches(stamp + "register Worker -> " + pidRe + " \\(local\\)")), events::toString);
        assertTrue(events.stream().anyMatch(l -> l.matches(stamp + "restart Worker: " + oldPid + " -> " + pidRe + " by " + pidRe
                + " \\(one_for_one, restart 1 of max 3 in the window\\) after :killed")), events::toString);
        assertTrue(events.stream().allMatch(l -> l.matches(stamp + ".*")), "nothing but event lines between: " + events);

        keys.type("ker)\r");
        String after = awaitScreen("the finished input's result", s -> s.endsWith("ps(5)> "));
        Pid now = shell.node().whereis(Atom.of("Elixir.Worker"));
        assertTrue(after.endsWith("ps(4)> Process.whereis(Worker)\n" + now + "\nps(5)> "), after);

        typeLine("unwatch()", "ps(6)> ");
        shell.node().exit(now, now, Atom.KILL);
        typeLine("Supervisor.which_children(MySup); :quiet", "ps(7)> ");
        String last = screen();
        assertTrue(last.endsWith("ps(6)> Supervisor.which_children(MySup); :quiet\n:quiet\nps(7)> "), "no more lines after unwatch():\n" + last);
    }

    /**
     * A process that prints while the prompt waits (as the one of iex's first steps that sleeps,
     * then {@code IO.puts}): its lines go above the prompt and the half-typed input is drawn again
     * below them, as iex's group process writes them; they used to be appended to the input.
     */
    @Test
    void whatAProcessPrintsWhileThePromptWaitsGoesAboveAHalfTypedInput() {
        typeLine("Process.register(spawn(fn -> receive do :go -> IO.puts(\"hi\"); IO.inspect([1, 2], label: \"x\") end end), :printer)", "ps(2)> ");
        keys.type("Enum.su");
        awaitScreen("the half-typed input", s -> s.endsWith("ps(2)> Enum.su"));
        shell.node().send(shell.node().whereis(Atom.of("printer")), Atom.of("go"));
        String shown = awaitScreen("the printed lines above the input", s -> s.contains("x: [1, 2]") && s.endsWith("ps(2)> Enum.su"));
        assertTrue(shown.endsWith("\nhi\nx: [1, 2]\nps(2)> Enum.su"), shown);
        keys.type("m([1, 2])\r");
        assertTrue(awaitScreen("the finished input", s -> s.endsWith("ps(3)> ")).endsWith("ps(2)> Enum.sum([1, 2])\n3\nps(3)> "));
    }

    /**
     * Keys that arrive together are taken in as one insertion up to the first key that is not a
     * plain character ({@link BurstLineReader}); the editing keys among them (backspace, an arrow's
     * escape sequence, Ctrl-A) still act where they came, as if typed one by one.
     */
    /**
     * Text typed in the middle of a line that is drawn already shows in its place: JLine inserts
     * it there (the terminal's insert-character sequence) rather than drawing the line again, as
     * it does when a burst's keys come apart.
     */
    @Test
    void textTypedInsideADrawnLineShowsInItsPlace() throws InterruptedException {
        keys.type("[1, 3]\u001b[D\u001b[D");
        awaitScreen("the line drawn", s -> s.endsWith("ps(1)> [1, 3]"));
        Thread.sleep(50); // (the cursor moved back: nothing on the screen shows when)
        assertEquals("ps(1)> [1, 2, 3]\n[1, 2, 3]\nps(2)> ", typeLine("2, ", "ps(2)> "));
        keys.type("Enum.sum([1, 22, 3])\u001b[D\u001b[D\u001b[D\u001b[D\u001b[D");
        awaitScreen("the line drawn", s -> s.endsWith("ps(2)> Enum.sum([1, 22, 3])"));
        Thread.sleep(50);
        assertEquals("ps(2)> Enum.sum([1, 2, 3])\n6\nps(3)> ", typeLine("\u007f", "ps(3)> "), "a backspace inside the line");
    }

    @Test
    void editingKeysInsideABurstActWhereTheyCame() {
        assertEquals("ps(1)> Enum.sum([1, 2])\n3\nps(2)> ", typeLine("Enum.sux\u007f\u007fum([1, 2])", "ps(2)> "), "two backspaces");
        assertEquals("ps(2)> [1, 2, 3]\n[1, 2, 3]\nps(3)> ", typeLine("[1, 3]\u001b[D\u001b[D2, ", "ps(3)> "), "two left arrows");
        assertEquals("ps(3)> 10 - 4\n6\nps(4)> ", typeLine(" - 4\u000110", "ps(4)> "), "Ctrl-A, then the start of the line");
    }

    /**
     * Closing brackets inside a burst go in as typed (their blink would end at once, the next key
     * being there); the burst's last one still shows the bracket it matches until the next key.
     */
    @Test
    void theLastClosingBracketOfABurstShowsItsMatch() {
        keys.type("Enum.sum([1, 2])");
        awaitScreen("the cursor on the opening bracket", s -> s.endsWith("ps(1)> Enum.sum([1, 2])")
                && session.cursorColumn() == "ps(1)> Enum.sum".length());
        awaitScreen("the cursor back at the end", s -> session.cursorColumn() == "ps(1)> Enum.sum([1, 2])".length());
        assertEquals("ps(1)> Enum.sum([1, 2])\n3\nps(2)> ", typeLine("", "ps(2)> "));
    }
}
