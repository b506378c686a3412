package procshell.shell.tutorial;

import java.util.List;

/**
 * The tutorial runner's transcript comparison ({@link TranscriptMatcher}: pids and references
 * matched one to one across a whole session, Logger times as any time, {@code ...} as any lines),
 * opened to the tests of other packages that compare sessions with iex's.
 */
public final class TranscriptMatching {
    private final TranscriptMatcher matcher = new TranscriptMatcher();

    /**
     * Matches expected lines against actual ones; the pid correspondence found so far holds for
     * every later call on this object.
     *
     * @param failedActual receives, on failure, the index of the actual line compared
     * @return -1 when all matched, else the index of the first expected line that failed
     */
    public int match(List<String> expected, List<String> actual, int[] failedActual) {
        return matcher.match(expected, actual, failedActual);
    }
}
