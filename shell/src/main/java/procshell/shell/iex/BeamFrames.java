package procshell.shell.iex;

import java.util.List;

/**
 * An error raised by a BEAM function that iex shows as the top of the stacktrace, e.g. for
 * {@code send(:nobody, :hi)}:
 *
 * <pre>
 * ** (ArgumentError) errors were found at the given arguments:
 *
 *   * 1st argument: invalid destination
 *
 *     :erlang.send(:nobody, :hi)
 * </pre>
 *
 * The formatter prints these lines (without their 4-space indent) above the typed code's frames.
 */
public interface BeamFrames {
    /** The stack lines, innermost first, e.g. {@code :erlang.send(:nobody, :hi)}. */
    List<String> beamFrames();
}
