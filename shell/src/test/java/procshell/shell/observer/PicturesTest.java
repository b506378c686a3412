package procshell.shell.observer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pictures a person opens in a browser: {@code trace(fn, to: "f.svg")} for a call, a cast, a
 * kill and restart under a one_for_one supervisor and a Registry dispatch, read back as lifelines
 * and labelled rows in order; {@code to: "f.html"}, a page that loads nothing from anywhere; and
 * {@code tree(sup, to: "f.svg")}, the same tree the terminal shows plus a link, a monitor and an
 * ETS table.
 */
@Timeout(60)
class PicturesTest {
    @TempDir
    Path dir;

    private String svgOf(String[] before, String work) {
        Path file = dir.resolve("trace.svg");
        TraceSessions.run(TraceSessions.then(before, TraceSessions.trace(work, "to: \"" + file + "\"")));
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCallIsDrawnAsACallArrowAndADashedReply() {
        SvgPicture p = SvgPicture.read(svgOf(TraceSessions.COUNTER_RUNNING, TraceSessions.CALL));
        assertEquals(List.of("self()", "Counter"), p.texts("lifeline", "name"));
        assertEquals(List.of("call CALL :get", "reply reply 0"), p.rows());
    }

    @Test
    void aCastIsDrawnBeforeTheCallThatFollowsIt() {
        SvgPicture p = SvgPicture.read(svgOf(TraceSessions.COUNTER_RUNNING, TraceSessions.CAST));
        assertEquals(List.of("self()", "Counter"), p.texts("lifeline", "name"));
        assertEquals(List.of("cast CAST {:add, 2}", "call CALL :get", "reply reply 2"), p.rows());
    }

    @Test
    void aKillAndRestartEndsOneLifelineAndStartsAnother() {
        SvgPicture p = SvgPicture.read(svgOf(TraceSessions.SUPERVISED, TraceSessions.KILL));
        assertEquals(List.of("self()", "Counter #PID<_>", "Sup", "Counter #PID<_>"), flatten(p.texts("lifeline", "name")));
        assertEquals(List.of("exit EXIT :kill", "exit EXIT :killed", "end exit :killed", "restart RESTART Counter (link)",
                "call CALL :count_children", "reply reply [specs: 1, active: 1, super…"), p.rows());
    }

    @Test
    void aRegistryDispatchNamesTheReceiversByTheirKeys() {
        SvgPicture p = SvgPicture.read(svgOf(TraceSessions.ROOMS, TraceSessions.DISPATCH));
        assertEquals(List.of("self()", "\"lobby\"", "\"kitchen\""), p.texts("lifeline", "name"));
        assertEquals(List.of("info INFO {:hello, \"lobby\"}", "info INFO {:hello, \"kitchen\"}"), p.rows());
    }

    /** The Mermaid file of a trace, pids as {@code #PID<_>}. */
    private String mermaidOf(String[] before, String work) throws Exception {
        Path file = dir.resolve("trace.mmd");
        TraceSessions.run(TraceSessions.then(before, TraceSessions.trace(work, "to: \"" + file + "\"")));
        return Files.readString(file).replaceAll("#35;PID#lt;[0-9.]+#gt;", "#PID<_>");
    }

    @Test
    void theMermaidOfAKillAndRestartAndOfADispatch() throws Exception {
        assertEquals("""
                sequenceDiagram
                    participant P1 as self()
                    participant P2 as Counter #PID<_>
                    participant P3 as Sup
                    participant P4 as Counter #PID<_>
                    P1-xP2: EXIT :kill
                    P2-xP3: EXIT :killed
                    Note over P2: exit :killed
                    P3->>P4: RESTART Counter (link)
                    P1->>P3: CALL :count_children
                    P3-->>P1: reply [specs: 1, active: 1, super…
                """, mermaidOf(TraceSessions.SUPERVISED, TraceSessions.KILL));
        assertEquals("""
                sequenceDiagram
                    participant P1 as self()
                    participant P2 as "lobby"
                    participant P3 as "kitchen"
                    P1->>P2: INFO {:hello, "lobby"}
                    P1->>P3: INFO {:hello, "kitchen"}
                """, mermaidOf(TraceSessions.ROOMS, TraceSessions.DISPATCH));
        assertEquals("""
                sequenceDiagram
                    participant P1 as self()
                    participant P2 as Counter
                    P1-)P2: CAST {:add, 2}
                    P1->>P2: CALL :get
                    P2-->>P1: reply 2
                """, mermaidOf(TraceSessions.COUNTER_RUNNING, TraceSessions.CAST));
    }

    @Test
    void liveIsForProcessesTracedForAWhile() {
        String t = TraceSessions.transcript(TraceSessions.then(TraceSessions.COUNTER_RUNNING, TraceSessions.trace(TraceSessions.CALL, "live: true")));
        assertTrue(t.contains("** (ArgumentError) live: true is for trace(pids_or_names, ms); trace(fn) draws once fn returns"), t);
    }

    @Test
    void theHtmlPageHoldsThePictureAndTheTextAndLoadsNothing() throws Exception {
        Path file = dir.resolve("trace.html");
        String t = TraceSessions.run(TraceSessions.then(TraceSessions.COUNTER_RUNNING, TraceSessions.trace(TraceSessions.CALL, "to: \"" + file + "\"")));
        String html = Files.readString(file);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"procshell-trace\""), html);
        assertTrue(html.contains("│─CALL :get─▶│"), html);
        String withoutNamespace = html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        for (String external : List.of("http:", "https:", "<script", "<link", "src=", "@import", "url(")) {
            assertFalse(withoutNamespace.contains(external), external + " in " + html);
        }
        assertTrue(t.contains("│─CALL :get─▶│"), t);
    }

    @Test
    void aFileOfAnotherKindIsRefused() {
        Path file = dir.resolve("trace.png");
        String t = TraceSessions.transcript(TraceSessions.then(TraceSessions.SUPERVISED,
                TraceSessions.trace(TraceSessions.CALL, "to: \"" + file + "\""), "tree(Sup, to: \"tree.mmd\")"));
        assertTrue(t.contains("** (ArgumentError) trace writes .svg, .html, .mmd, .mermaid or .md files, got: \"" + file + "\""), t);
        assertTrue(t.contains("** (ArgumentError) tree writes .svg or .html files, got: \"tree.mmd\""), t);
        assertFalse(Files.exists(file));
    }

    @Test
    void aTreePictureShowsTheTerminalsTreeWithLinksMonitorsAndTables() throws Exception {
        Path svg = dir.resolve("tree.svg");
        Path html = dir.resolve("tree.html");
        String t = TraceSessions.run(TraceSessions.then(Trees.KEEPER_AND_COUNTER,
                "tree(Sup, to: \"" + svg + "\")", "tree(Sup, to: \"" + html + "\")"));
        String text = """
                Sup #PID<_>
                ├── Counter #PID<_>  ↻ restarted 1×, was #PID<_> (:killed)
                └── Keeper #PID<_>
                """;
        assertTrue(TraceSessions.flatten(t).contains(TraceSessions.flatten(text)), t);
        SvgPicture p = SvgPicture.read(Files.readString(svg));
        assertEquals(List.of("Sup #PID<_>", "Counter #PID<_>", "Keeper #PID<_>", "#PID<_>"), flatten(p.texts("process", "name")));
        assertEquals(List.of("process supervisor", "process worker restarted", "process worker", "process outside"), p.classes("process"));
        assertEquals(List.of("↻ restarted 1×, was #PID<_> (:killed)"), flatten(p.texts("process", "mark")));
        assertEquals(List.of("ets :keeper_stock · 1 object"), p.texts("ets", "table"));
        assertEquals(List.of("2"), p.attributes("ets", "data-owner"));
        // the supervisor's link to the shell (outside the tree), and Keeper's monitor of Counter
        assertEquals(List.of("edge link 0->3", "edge monitor 2->1"), p.edges());
        String page = Files.readString(html); // the terminal's text in the page is escaped as HTML
        assertTrue(page.contains("class=\"procshell-tree\"") && TraceSessions.flatten(page.replace("&lt;", "<").replace("&gt;", ">")).contains(TraceSessions.flatten(text)), page);
    }

    private static List<String> flatten(List<String> texts) {
        List<String> out = new ArrayList<>();
        for (String s : texts) out.add(TraceSessions.flatten(s));
        return out;
    }
}
