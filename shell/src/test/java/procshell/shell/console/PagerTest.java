package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Docs longer than the screen go through a pager with search; shorter ones print as iex prints them. */
@Timeout(60)
class PagerTest {
    private static List<String> lines(String screen) {
        return screen.lines().toList();
    }

    @Test
    void hOfSomethingLongerThanTheScreenPagesAndSearches() throws Exception {
        try (TerminalSession t = new TerminalSession(80, 12, null, c -> { })) {
            t.keys.type("h()\r");
            String first = t.awaitScreen("the first page", s -> s.contains("-- lines 1-11 of "));
            assertTrue(first.contains("procshell"), first);
            assertTrue(!first.contains("ps(2)>"), "the prompt waits while the pager shows");

            t.keys.type("/spawn_link\r");
            String found = t.awaitScreen("the page of the match", s -> s.lines().reduce((a, b) -> b).orElse("").startsWith("-- lines ")
                    && !s.lines().reduce((a, b) -> b).orElse("").startsWith("-- lines 1-11"));
            List<String> shown = lines(found);
            String top = shown.get(shown.size() - 12);
            assertTrue(top.contains("spawn_link"), "the match is the page's first line: " + top + "\n" + found);

            t.keys.type("q");
            String after = t.awaitScreen("the prompt", s -> s.endsWith("ps(2)> "));
            assertTrue(lines(after).stream().noneMatch(l -> l.contains("-- lines")), "the status line is gone, the prompt follows:\n" + after);
        }
    }

    @Test
    void spaceAtTheLastPageLeavesAndShortDocsPrintWithoutThePager() throws Exception {
        try (TerminalSession t = new TerminalSession(80, 12, null, c -> { })) {
            t.keys.type("h()\r");
            t.awaitScreen("the first page", s -> s.contains("-- lines 1-11 of "));
            t.keys.type("G");
            t.awaitScreen("the last page", s -> s.contains("(END)"));
            t.keys.type(" ");
            t.awaitScreen("the prompt", s -> s.endsWith("ps(2)> "));
            int from = t.cursorLine();
            t.keys.type("t Registry.key\r");
            String shown = t.awaitScreen("the type", s -> s.endsWith("ps(3)> "));
            assertTrue(!t.screenFrom(from).contains("-- lines"), "short docs print as they are:\n" + shown);
        }
    }
}
