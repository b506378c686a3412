package procshell.shell.iex;

import java.util.List;

/**
 * An exit raised by an OTP function whose own frame iex shows under it, as
 * {@code :global.send(:nope, :hi)}:
 *
 * <pre>
 * ** (exit) {:badarg, {:nope, :hi}}
 *     (kernel 8.5.3) global.erl:252: :global.send/2
 * </pre>
 *
 * It ends the process (uncaught) with the same reason as any {@link procshell.runtime.process.ExitException}.
 */
public final class FramedExit extends procshell.runtime.process.ExitException implements BeamFrames {
    private final List<String> frames;

    /**
     * @param reason the exit reason term
     * @param frames the stack lines, innermost first, e.g. {@code (kernel 8.5.3) global.erl:252: :global.send/2}
     */
    public FramedExit(Object reason, List<String> frames) {
        super(reason);
        this.frames = List.copyOf(frames);
    }

    @Override
    public List<String> beamFrames() {
        return frames;
    }
}
