package procshell.shell.iex;

import java.util.List;

/**
 * The {@code RuntimeError} that the default {@code handle_call/3} and {@code handle_cast/2} of
 * {@code use GenServer} raise ({@code attempted to cast GenServer HelloServer but no handle_cast/2
 * clause was provided}); its top frame is Elixir's, in {@code lib/gen_server.ex}, where the
 * default is defined.
 */
@ElixirName("RuntimeError")
public final class CallbackMissingError extends RuntimeError implements BeamFrames {
    private final List<String> frames;

    /**
     * @param message the error's message
     * @param frame   the top stack line, e.g. {@code lib/gen_server.ex:832: HelloServer.handle_cast/2}
     */
    public CallbackMissingError(String message, String frame) {
        super(message);
        this.frames = List.of(frame);
    }

    @Override
    public List<String> beamFrames() {
        return frames;
    }
}
