package procshell.shell.bench;

import procshell.runtime.bench.Figures;

/**
 * {@code bench list_idioms}: the commonest Elixir idioms on lists ({@code [h * 2 | acc]} in an
 * accumulator loop, {@code [n | build(n - 1)]}, {@code Enum.reduce} consing, a pop/push loop,
 * {@code [i] ++ l}, a {@code tl/1} walk), each over {@code n} elements, as a person runs them: the
 * very script the BEAM side runs ({@code bench/beam/list_idioms.exs}), given to
 * {@code procshell --script} by {@link ScriptFigures}. The script prints the figures
 * itself ({@code list_IDIOM_ms}, the median wall time, and {@code list_IDIOM_cpu_ms}, the mean CPU, of 5 runs after an
 * untimed one), so both sides are measured by the same Elixir code.
 */
final class ListIdiomsBench {
    /** The benchmark's name on the command line (and its script's, {@code NAME.exs}). */
    static final String NAME = "list_idioms";

    /** The default size: elements per idiom. */
    static final int DEFAULT_SIZE = 100_000;

    /** The size with {@code --quick}. */
    static final int QUICK_SIZE = 10_000;

    private ListIdiomsBench() {}

    /**
     * Runs the script in a procshell of its own and adds the figures it prints.
     *
     * @throws IllegalStateException when the script is not found, fails or prints no figure
     */
    static void run(int n, Figures out) throws Exception {
        ScriptFigures.run(NAME + ".exs", n, out);
    }
}
