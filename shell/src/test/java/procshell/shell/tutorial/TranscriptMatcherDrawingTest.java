package procshell.shell.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A chapter's diagram ({@code trace}) or table holding pids matches a run whose pids have other
 * digit counts, though its columns moved with them; the names, labels and the order of what is on
 * a line still have to match, and a line without pids or drawing stays exact.
 */
class TranscriptMatcherDrawingTest {
    private static int match(List<String> expected, List<String> actual) {
        return new TranscriptMatcher().match(expected, actual, new int[1]);
    }

    private static final List<String> EXPECTED = List.of(
            "self()       Counter #PID<0.5.0>        Sup",
            "   │                  │                  │",
            "   │─EXIT :kill──────▶│                  │",
            "   │                  ✕ exit :killed     │");

    @Test
    void aDiagramMatchesWhateverDigitsItsPidsHave() {
        assertEquals(-1, match(EXPECTED, List.of(
                "self()       Counter #PID<0.105.0>        Sup",
                "   │                   │                    │",
                "   │─EXIT :kill────────▶│                    │",
                "   │                    ✕ exit :killed       │")));
    }

    @Test
    void aDiagramWithAnotherLabelOrOrderDoesNotMatch() {
        assertEquals(2, match(EXPECTED, List.of(
                "self()       Counter #PID<0.105.0>        Sup",
                "   │                   │                    │",
                "   │─EXIT :shutdown────▶│                    │",
                "   │                    ✕ exit :killed       │")));
        assertEquals(1, match(EXPECTED, List.of(
                "self()       Counter #PID<0.105.0>        Sup",
                "   │                   │                    ✕",
                "   │─EXIT :kill────────▶│                    │",
                "   │                    ✕ exit :killed       │")));
    }

    @Test
    void aLineWithoutPidsOrDrawingStaysExact() {
        assertEquals(0, match(List.of("{:ok,  1}"), List.of("{:ok, 1}")));
    }
}
