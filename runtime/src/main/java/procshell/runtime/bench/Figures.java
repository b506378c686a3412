package procshell.runtime.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The figures a benchmark prints: one {@code name value unit} line each, formatted as the BEAM
 * scripts in {@code bench/beam/} print theirs (a float with two decimals, an integer as is, a word
 * such as {@code timeout_after_20000} or {@code skipped:reason}), so that the two outputs join line
 * by line on the name.
 */
public final class Figures {
    /** One printed figure. */
    public record Line(String name, String value, String unit) {
        @Override
        public String toString() {
            return name + " " + value + " " + unit;
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private final Consumer<String> sink;

    /** Figures printed to {@code sink} as they come (e.g. {@code System.out::println}). */
    public Figures(Consumer<String> sink) {
        this.sink = sink;
    }

    /** An integer figure, as the scripts' {@code round(...)} or counts. */
    public void add(String name, long value, String unit) {
        put(name, Long.toString(value), unit);
    }

    /** A float figure, printed with two decimals as {@code :erlang.float_to_binary(x, decimals: 2)}. */
    public void add(String name, double value, String unit) {
        put(name, String.format(Locale.ROOT, "%.2f", value), unit);
    }

    /** A word figure (no spaces): an atom, {@code timeout_after_N}, {@code skipped:why}. */
    public void word(String name, String value, String unit) {
        put(name, value.replace(' ', '_'), unit);
    }

    /** A rate as the scripts compute it: {@code round(count / (us / 1_000_000))}. */
    public void rate(String name, double count, long micros, String unit) {
        add(name, Math.round(count / (Math.max(1, micros) / 1_000_000.0)), unit);
    }

    private void put(String name, String value, String unit) {
        Line l = new Line(name, value, unit);
        synchronized (lines) {
            lines.add(l);
        }
        if (sink != null) sink.accept(l.toString());
    }

    /** Every figure so far, in order. */
    public List<Line> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }
}
