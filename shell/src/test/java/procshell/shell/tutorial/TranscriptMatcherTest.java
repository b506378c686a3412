package procshell.shell.tutorial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The comparison of an expected transcript (a chapter's) with what a session printed. */
class TranscriptMatcherTest {
    /** -1 when all matched, else the index of the first expected line that failed. */
    private static int match(TranscriptMatcher m, List<String> expected, List<String> actual) {
        return m.match(expected, actual, new int[1]);
    }

    private static int match(List<String> expected, List<String> actual) {
        return match(new TranscriptMatcher(), expected, actual);
    }

    @Test
    void identicalLinesMatch() {
        assertEquals(-1, match(List.of("ps> 1 + 1", "2"), List.of("ps(1)> 1 + 1", "2")));
    }

    @Test
    void promptCountersAndNodeNamesAreIgnored() {
        assertEquals(-1, match(List.of("ps> defmodule A do", "...> end", "{:module, A,", "..."),
                List.of("ps(12)> defmodule A do", "...(12)> end", "{:module, A,", " <<202, 254, 186, 190>>, nil}")));
        assertEquals(-1, match(List.of("ps> node()"), List.of("ps(node1@localhost)3> node()")));
        assertEquals("ps> x", TranscriptMatcher.normalizePrompt("ps(7)> x"));
        assertEquals("...> end", TranscriptMatcher.normalizePrompt("...(7)> end"));
        assertEquals("{:ok, 1}", TranscriptMatcher.normalizePrompt("{:ok, 1}"));
    }

    @Test
    void aDifferentLineFailsAtThatLine() {
        int[] at = new int[1];
        assertEquals(1, new TranscriptMatcher().match(List.of("ps> 1 + 1", "3"), List.of("ps(1)> 1 + 1", "2"), at));
        assertEquals(1, at[0]);
    }

    @Test
    void missingAndExtraLines() {
        int[] at = new int[1];
        assertEquals(2, new TranscriptMatcher().match(List.of("ps> x", "1", "ps> y"), List.of("ps(1)> x", "1"), at));
        assertEquals(2, at[0]);
        assertEquals(2, new TranscriptMatcher().match(List.of("ps> x", "1"), List.of("ps(1)> x", "1", "extra"), at),
                "an actual line past the expected ones is a mismatch at the end");
        assertEquals(2, at[0]);
    }

    @Test
    void pidsStandForAnyPidOneToOne() {
        // the chapter's pids need not be the run's, but the same pid must stay the same pid
        assertEquals(-1, match(List.of("{:ok, #PID<0.123.0>}", "#PID<0.123.0>", "#PID<0.124.0>"),
                List.of("{:ok, #PID<0.7.0>}", "#PID<0.7.0>", "#PID<0.9.0>")));
        assertEquals(1, match(List.of("{:ok, #PID<0.123.0>}", "#PID<0.123.0>"), List.of("{:ok, #PID<0.7.0>}", "#PID<0.8.0>")),
                "one expected pid cannot be two actual pids");
        assertEquals(1, match(List.of("#PID<0.123.0>", "#PID<0.124.0>"), List.of("#PID<0.7.0>", "#PID<0.7.0>")),
                "two expected pids cannot be one actual pid");
        assertEquals(-1, match(List.of("[{HelloServer, #PID<0.1.0>, :worker, [HelloServer]}, {B, #PID<0.2.0>, :worker, [B]}]"),
                List.of("[{HelloServer, #PID<0.5.0>, :worker, [HelloServer]}, {B, #PID<0.6.0>, :worker, [B]}]")));
        assertEquals(0, match(List.of("{#PID<0.1.0>, #PID<0.2.0>}"), List.of("{#PID<0.5.0>, #PID<0.5.0>}")),
                "within one line too");
    }

    @Test
    void thePidMappingHoldsAcrossCalls() {
        TranscriptMatcher m = new TranscriptMatcher();
        assertEquals(-1, match(m, List.of("{:ok, #PID<0.123.0>}"), List.of("{:ok, #PID<0.7.0>}")));
        assertEquals(0, match(m, List.of("#PID<0.123.0>"), List.of("#PID<0.8.0>")));
        assertEquals(0, match(m, List.of("#PID<0.999.0>"), List.of("#PID<0.7.0>")));
        assertEquals(-1, match(m, List.of("#PID<0.123.0>"), List.of("#PID<0.7.0>")));
    }

    @Test
    void aFailedLineBindsNothing() {
        TranscriptMatcher m = new TranscriptMatcher();
        assertEquals(0, match(m, List.of("{:ok, #PID<0.1.0>} and more"), List.of("{:ok, #PID<0.7.0>}")));
        assertEquals(-1, match(m, List.of("#PID<0.2.0>"), List.of("#PID<0.7.0>")));
    }

    @Test
    void referencesStandForAnyReferenceOneToOne() {
        assertEquals(-1, match(List.of("#Reference<0.1.2.3>", "{:DOWN, #Reference<0.1.2.3>, :process, #PID<0.1.0>, :killed}"),
                List.of("#Reference<0.9.9.9>", "{:DOWN, #Reference<0.9.9.9>, :process, #PID<0.4.0>, :killed}")));
        assertEquals(1, match(List.of("#Reference<0.1.2.3>", "#Reference<0.1.2.3>"), List.of("#Reference<0.9.9.9>", "#Reference<0.9.9.8>")));
    }

    @Test
    void timesMatchAnyTime() {
        assertEquals(-1, match(List.of("", "12:00:00.000 [error] GenServer HelloServer terminating", "", "12:00:00.000 [error] again"),
                List.of("", "01:07:10.215 [error] GenServer HelloServer terminating", "", "23:59:59.999 [error] again")));
        assertEquals(0, match(List.of("12:00:00.000 [error] x"), List.of("1:07:10.215 [error] x")));
    }

    @Test
    void anEllipsisLineMatchesAnyNumberOfLines() {
        List<String> expected = List.of("ps> f()", "...", "** (RuntimeError) boom", "ps> x", "1");
        assertEquals(-1, match(expected, List.of("ps(1)> f()", "a", "b", "** (RuntimeError) boom", "ps(2)> x", "1")));
        assertEquals(-1, match(expected, List.of("ps(1)> f()", "** (RuntimeError) boom", "ps(2)> x", "1")), "or none");
        assertEquals(-1, match(List.of("ps> f()", "..."), List.of("ps(1)> f()", "a", "b", "c")), "at the end: the rest");
        assertEquals(-1, match(List.of("ps> f()", "   ...   "), List.of("ps(1)> f()", "a")), "spaces around it");
        assertEquals(2, match(expected, List.of("ps(1)> f()", "a", "ps(2)> x", "1")), "the line after it must still come");
    }

    @Test
    void pidsSkippedByAnEllipsisAreNotBound() {
        TranscriptMatcher m = new TranscriptMatcher();
        assertEquals(-1, match(m, List.of("...", "#PID<0.1.0> here"), List.of("#PID<0.5.0> there", "#PID<0.6.0> here")));
        assertEquals(-1, match(m, List.of("#PID<0.2.0>"), List.of("#PID<0.5.0>")));
    }

    @Test
    void trailingSpacesInTheOutputAreIgnored() {
        assertEquals(-1, match(List.of("ps> x", "1"), List.of("ps(1)> x  ", "1 ")));
        assertEquals(-1, match(List.of("ps>"), List.of("ps(1)> ")), "an empty input");
    }

    @Test
    void regexCharactersAreLiteral() {
        assertEquals(-1, match(List.of("[a-z]+ (x) $1 \\d"), List.of("[a-z]+ (x) $1 \\d")));
        assertEquals(0, match(List.of("a.c"), List.of("abc")));
    }
}
