package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;

import org.jline.terminal.Size;
import org.jline.terminal.impl.LineDisciplineTerminal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.process.LocalProcess;

/**
 * Keys typed while an input runs, on a terminal with a line discipline (a tty echoes what is typed
 * whenever its echo flag is on, as the kernel does): iex keeps them off the screen until the next
 * prompt, which reads them as if typed there; an arrow key pressed meanwhile does not print
 * {@code ^[[A} into the running input's output.
 */
@Timeout(30)
class TypeAheadTest {
    private static final Atom WAITING = Atom.of("waiting");
    private static final long WAIT_NS = 10_000_000_000L;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private LineDisciplineTerminal terminal;
    private Shell shell;

    @AfterEach
    void stop() throws IOException {
        if (shell != null) shell.shutdown();
        if (terminal != null) terminal.close();
    }

    @Test
    void anArrowKeyPressedWhileAnInputRunsIsNotEchoedAndRecallsHistoryAtTheNextPrompt() throws Exception {
        upWhileAnInputRuns("ansi");
    }

    /**
     * xterm (as tmux and screen) names its arrow keys in application mode ({@code ESC O A}, the
     * mode JLine reads lines in); between prompts the terminal is in normal mode and sends
     * {@code ESC [ A}, which must recall history too, not type {@code [A}.
     */
    @Test
    void anArrowKeySentInNormalModeIsAnArrowKeyToo() throws Exception {
        upWhileAnInputRuns("xterm-256color");
    }

    private void upWhileAnInputRuns(String type) throws Exception {
        terminal = new LineDisciplineTerminal("test", type, output, StandardCharsets.UTF_8);
        terminal.setSize(new Size(200, 50));
        shell = new Shell("nonode@nohost");
        Console console = shell.interactive(terminal, null);
        Thread.ofPlatform().daemon(true).name("console-under-test").start(console::run);
        awaitScreen("the first prompt", s -> s.equals("ps(1)> "));

        terminal.processInputBytes("receive do m -> m end\r".getBytes(StandardCharsets.UTF_8));
        Pid evaluator = shell.process().pid();
        awaitWaiting(evaluator);
        int before = output.size();
        terminal.processInputBytes("\u001b[A".getBytes(StandardCharsets.UTF_8)); // Up, while the input runs
        shell.node().send(evaluator, Atom.of("went"));

        String shown = awaitScreen("the recalled input at the next prompt", s -> s.endsWith("ps(2)> receive do m -> m end"));
        assertEquals("ps(1)> receive do m -> m end\n:went\nps(2)> receive do m -> m end", shown);
        String during = output.toString(StandardCharsets.UTF_8).substring(before);
        assertFalse(during.substring(0, during.indexOf(":went")).contains("\u001b"), "nothing echoed while the input ran: " + during);
    }

    private void awaitWaiting(Pid pid) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_NS;
        while (System.nanoTime() < deadline) {
            LocalProcess p = shell.node().process(pid);
            if (p != null && WAITING.equals(p.status())) return;
            Thread.sleep(5);
        }
        fail("the shell process never waited in receive; screen:\n" + output.toString(StandardCharsets.UTF_8).replace("\u001b", "ESC"));
    }

    private String awaitScreen(String what, Predicate<String> ready) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT_NS;
        String s = "";
        while (System.nanoTime() < deadline) {
            s = Screen.text(output.toString(StandardCharsets.UTF_8));
            if (ready.test(s)) return s;
            Thread.sleep(5);
        }
        return fail("no " + what + " on the screen:\n" + s + "\nraw: " + output.toString(StandardCharsets.UTF_8).replace("\u001b", "ESC"));
    }
}
