package procshell.shell.iex;

import java.util.List;

/**
 * {@code v(n)} asked for a result the history does not hold: iex's
 * {@code ** (RuntimeError) v(8) is out of bounds}, with the two iex frames it prints below.
 */
@ElixirName("RuntimeError")
final class HistoryError extends RuntimeError implements BeamFrames {
    private static final List<String> FRAMES = List.of("(iex 1.14.0) lib/iex/history.ex:54: IEx.History.nth/2",
            "(iex 1.14.0) lib/iex/helpers.ex:402: IEx.Helpers.v/1");

    HistoryError(int n) {
        super("v(" + n + ") is out of bounds");
    }

    @Override
    public List<String> beamFrames() {
        return FRAMES;
    }
}
