package procshell.shell.console;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Runs inputs through a fresh shell as piped input, as {@code printf '...' | bin/procshell} does,
 * for tests that assert what a person would see. With {@code -Dprocshell.oracle=iex} the inputs
 * go to a real iex instead ({@link RealIex}), to check that the expected lines are iex's.
 */
public final class PipedSession {
    private static final Pattern PROMPT = Pattern.compile("^ps\\((\\d+)\\)> .*");
    private static final Pattern CONTINUATION = Pattern.compile("^\\.\\.\\.\\(\\d+\\)> .*");
    private static final Pattern MODULE_BYTES = Pattern.compile("(\\{:module, [^,\\s]+,)\\s*<<[\\d,\\s]*(?:\\.\\.\\.)?>>,\\s*");

    private PipedSession() {}

    /** The whole transcript (prompts with the echoed inputs, then outputs) of the inputs, one per line. */
    public static String transcript(String... inputs) {
        if (RealIex.enabled()) return RealIex.transcript(List.of(inputs));
        Shell shell = new Shell("nonode@nohost");
        StringWriter out = new StringWriter();
        try {
            String in = String.join("\n", inputs) + "\n";
            shell.piped(new BufferedReader(new StringReader(in)), new PrintWriter(out, true)).run();
        } finally {
            shell.shutdown();
        }
        return out.toString();
    }

    /**
     * The output lines of each input, in order (prompt and continuation lines left out), a
     * {@code defmodule}'s result with its bytes masked ({@link #maskModuleBytes}).
     */
    public static List<List<String>> outputs(String... inputs) {
        List<List<String>> outputs = new ArrayList<>();
        for (String line : transcript(inputs).lines().toList()) {
            if (PROMPT.matcher(line).matches()) {
                outputs.add(new ArrayList<>());
            } else if (!outputs.isEmpty() && !CONTINUATION.matcher(line).matches()) {
                outputs.get(outputs.size() - 1).add(line);
            }
        }
        outputs.replaceAll(o -> new ArrayList<>(maskModuleBytes(o)));
        return outputs;
    }

    /**
     * The lines with a {@code defmodule}'s binary masked: {@code {:module, Name, <<...>>, last}}
     * on one line, whatever its bytes and however they wrapped (as {@code iex-compare.py} masks it).
     */
    public static List<String> maskModuleBytes(List<String> lines) {
        String joined = String.join("\n", lines);
        String masked = MODULE_BYTES.matcher(joined).replaceAll("$1 <<...>>, ");
        return masked.equals(joined) ? lines : List.of(masked.split("\n", -1));
    }
}
