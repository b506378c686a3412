package procshell.shell.bench;

import procshell.runtime.bench.Figures;

/**
 * {@code bench maps}: the map and set idioms of {@code bench/beam/maps.exs} (put, update, delete,
 * {@code for ... into: %{}}, {@code Map.new}, merge, {@code MapSet.put/union}, an Agent holding a
 * big map, small literal maps, struct update), run by procshell on that very script
 * ({@code procshell --script}, its size in {@code PROCSHELL_BENCH_N}, since a script takes no
 * arguments), as {@code elixir maps.exs N} runs it on the BEAM. The script times each idiom itself
 * (the median of 5 runs after an untimed one) and prints {@code name value ms} lines.
 */
final class MapsBench {
    /** The benchmark's name on the command line. */
    static final String NAME = "maps";
    /** Keys per idiom by default (as the BEAM script's default). */
    static final int DEFAULT_SIZE = 100_000;
    /** Keys per idiom with {@code --quick}. */
    static final int QUICK_SIZE = 20_000;

    private MapsBench() {}

    /**
     * Runs the script with {@code n} keys per idiom and adds its figures.
     *
     * @throws IllegalStateException when the script is not found, fails or runs over 10 minutes
     */
    static void run(int n, Figures out) throws Exception {
        ScriptFigures.run("maps.exs", n, out);
    }
}
