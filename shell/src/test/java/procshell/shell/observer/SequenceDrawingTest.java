package procshell.shell.observer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The two drawings of one {@link TraceDiagram}, built by hand: a restart with lifelines that share
 * a name (so their names carry pids), a message a process sends itself, and a message crossing a
 * lifeline; in the terminal, as Mermaid, whose markup characters ({@code # < > ;}) are escaped, and
 * as SVG, read back as XML.
 */
class SequenceDrawingTest {
    private static final TraceDiagram RESTART = new TraceDiagram(
            List.of("self()", "Worker #PID<0.3.0>", "Sup", "Worker #PID<0.4.0>"),
            List.of(new TraceDiagram.Row(TraceDiagram.Kind.ARROW, 0, 1, "EXIT :kill"),
                    new TraceDiagram.Row(TraceDiagram.Kind.ARROW, 1, 2, "EXIT :killed"),
                    new TraceDiagram.Row(TraceDiagram.Kind.END, 1, 1, "exit :killed"),
                    new TraceDiagram.Row(TraceDiagram.Kind.SPAWN, 2, 3, "RESTART Worker (link)"),
                    new TraceDiagram.Row(TraceDiagram.Kind.ARROW, 0, 0, "INFO :tick"),
                    new TraceDiagram.Row(TraceDiagram.Kind.ARROW, 0, 3, "CAST {:add; 1}")),
            0);

    @Test
    void theTerminalDrawingStartsAndEndsLifelines() {
        assertEquals(List.of(
                "self()  Worker #PID<0.3.0>      Sup              Worker #PID<0.4.0>",
                "   │             │               │",
                "   │─EXIT :kill─▶│               │",
                "   │             │─EXIT :killed─▶│",
                "   │             ✕ exit :killed  │",
                "   │                             │─RESTART Worker (link)─▶┬",
                "   │↺ INFO :tick                 │                        │",
                "   │─CAST {:add; 1}──────────────┼───────────────────────▶│"),
                SequenceText.lines(RESTART));
    }

    @Test
    void mermaidEscapesWhatItWouldReadAsMarkup() {
        assertEquals("""
                sequenceDiagram
                    participant P1 as self()
                    participant P2 as Worker #35;PID#lt;0.3.0#gt;
                    participant P3 as Sup
                    participant P4 as Worker #35;PID#lt;0.4.0#gt;
                    P1-xP2: EXIT :kill
                    P2-xP3: EXIT :killed
                    Note over P2: exit :killed
                    P3->>P4: RESTART Worker (link)
                    P1->>P1: INFO :tick
                    P1-)P4: CAST {:add#59; 1}
                """, SequenceMermaid.text(RESTART));
    }

    @Test
    void theSvgHasTheLifelinesAndTheRowsInOrderAndEscapesMarkup() {
        SvgPicture p = SvgPicture.read(SequenceSvg.svg(RESTART, "a <restart> & more"));
        assertEquals(List.of("self()", "Worker #PID<0.3.0>", "Sup", "Worker #PID<0.4.0>"), p.texts("lifeline", "name"));
        assertEquals(List.of("exit EXIT :kill", "exit EXIT :killed", "end exit :killed", "restart RESTART Worker (link)",
                "info INFO :tick", "cast CAST {:add; 1}"), p.rows());
        assertEquals(List.of("0", "1", "1", "2", "0", "0"), p.attributes("row", "data-from"));
        assertEquals(List.of("1", "2", "1", "3", "0", "3"), p.attributes("row", "data-to"));
    }

    @Test
    void aSpawnedLifelinesBoxStandsOnTheRowThatStartsIt() {
        String svg = SequenceSvg.svg(RESTART, "restart");
        // the restart is row 3: its arrow's y is the y the new lifeline's box is centred on
        java.util.regex.Matcher row = java.util.regex.Pattern.compile("<g class=\"row restart\"[^>]*>\n<line x1=\"[0-9.]+\" y1=\"([0-9.]+)\"").matcher(svg);
        java.util.regex.Matcher box = java.util.regex.Pattern.compile("<g class=\"lifeline\" data-index=\"3\">\n<line[^>]*/>\n<rect x=\"[0-9.]+\" y=\"([0-9.]+)\"").matcher(svg);
        org.junit.jupiter.api.Assertions.assertTrue(row.find() && box.find(), svg);
        assertEquals(Double.parseDouble(row.group(1)) - 14, Double.parseDouble(box.group(1)), 0.01, svg);
    }
}
