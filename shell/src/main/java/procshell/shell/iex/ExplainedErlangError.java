package procshell.shell.iex;

import java.util.List;

/**
 * An {@code ErlangError} raised by a BEAM built-in with OTP 25's explanation of the argument it
 * blames, as iex prints {@code Process.link(pid("0.999.0"))}:
 *
 * <pre>
 * ** (ErlangError) Erlang error: :noproc:
 *
 *   * 1st argument: the pid does not refer to an existing process
 *
 *     :erlang.link(#PID&lt;0.999.0&gt;)
 * </pre>
 *
 * It is still the runtime's {@link procshell.runtime.process.ErlangError} with the same reason, so
 * whatever reads the reason ({@code rescue e in ErlangError -> e.original}) reads it.
 */
public final class ExplainedErlangError extends procshell.runtime.process.ErlangError implements BeamFrames {
    private final String explanation;
    private final List<String> frames;

    /**
     * @param reason      the error term, e.g. {@code :noproc}
     * @param explanation the blamed argument's line, e.g. {@code 1st argument: the pid does not refer to an existing process}
     * @param call        the built-in as Erlang names it, e.g. {@code :erlang.link}
     * @param args        the arguments it was called with
     */
    public ExplainedErlangError(Object reason, String explanation, String call, Object... args) {
        super(reason);
        this.explanation = explanation;
        java.util.StringJoiner j = new java.util.StringJoiner(", ", call + "(", ")");
        for (Object a : args) j.add(Kernel.inspect(a));
        this.frames = List.of(j.toString());
    }

    /** {@code Erlang error: :noproc:} then the blamed argument, as OTP 25's error_info words it. */
    @Override
    public String getMessage() {
        return super.getMessage() + ":\n\n  * " + explanation + "\n";
    }

    @Override
    public List<String> beamFrames() {
        return frames;
    }
}
