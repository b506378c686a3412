package procshell.shell.tutorial;

import java.util.ArrayList;
import java.util.List;

import procshell.runtime.node.Tuple;
import procshell.shell.elixir.reader.ElixirReader;

/**
 * Which of a step's inputs are done, while a person walks it: typed by the person, or run by
 * the walker when they pressed Enter. A step is finished when every input is done, so that the
 * next Enter moves on instead of running the step again.
 *
 * <p>A typed input counts as a step's input when it reads as the same Elixir (the same quoted
 * form, line and column metadata aside, so spacing, line breaks and optional parentheses do not
 * matter); text that does not parse counts when it is the same with whitespace collapsed.
 */
final class StepProgress {
    private final List<String> inputs;
    private final boolean[] done;

    StepProgress(List<String> inputs) {
        this.inputs = inputs;
        this.done = new boolean[inputs.size()];
    }

    /** True when every input is done. */
    boolean finished() {
        for (boolean d : done) if (!d) return false;
        return true;
    }

    /** True when no input is done yet. */
    boolean untouched() {
        for (boolean d : done) if (d) return false;
        return true;
    }

    /**
     * Records a line the person typed into the shell.
     *
     * @return true when it is one of the step's inputs not done yet (the first such one); that
     *         input and the client lines ({@code nc> }) before it are then done
     */
    boolean typed(String text) {
        for (int i = 0; i < inputs.size(); i++) {
            String in = inputs.get(i);
            if (done[i] || NetcatClient.isClientLine(in) || !sameInput(in, text)) continue;
            for (int j = 0; j <= i; j++) if (NetcatClient.isClientLine(inputs.get(j))) done[j] = true;
            done[i] = true;
            return true;
        }
        return false;
    }

    /**
     * The inputs that Enter runs next, now marked done: those not done yet, in order, up to and
     * including the first run of client lines, which the person types into nc before the rest
     * of the step makes sense. Empty when the step is finished.
     */
    List<String> nextBatch() {
        List<String> batch = new ArrayList<>();
        boolean inClientRun = false;
        for (int i = 0; i < inputs.size(); i++) {
            if (done[i]) continue;
            boolean client = NetcatClient.isClientLine(inputs.get(i));
            if (inClientRun && !client) break;
            inClientRun = client;
            batch.add(inputs.get(i));
            done[i] = true;
        }
        return batch;
    }

    /** True when the typed text is the step's input, as Elixir reads them. */
    static boolean sameInput(String expected, String typed) {
        Object a = quoted(expected);
        Object b = quoted(typed);
        if (a != null && b != null) return a.equals(b);
        return collapse(expected).equals(collapse(typed));
    }

    private static String collapse(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    /** The quoted form without metadata, or null when the text does not parse. */
    private static Object quoted(String source) {
        try {
            return withoutMeta(ElixirReader.read(source, "iex"));
        } catch (RuntimeException e) { // ElixirSyntaxError, or a reader limit
            return null;
        }
    }

    /** Every node {@code {form, meta, args}} with its meta emptied: a literal 3-tuple reads as {@code {:{}, meta, elements}}. */
    private static Object withoutMeta(Object term) {
        if (term instanceof Tuple t && t.size() == 3) {
            return Tuple.of(withoutMeta(t.get(0)), List.of(), withoutMeta(t.get(2)));
        }
        if (term instanceof Tuple t && t.size() == 2) {
            return Tuple.of(withoutMeta(t.get(0)), withoutMeta(t.get(1)));
        }
        if (term instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) out.add(withoutMeta(o));
            return out;
        }
        return term;
    }
}
