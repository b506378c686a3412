package procshell.shell.elixir.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import procshell.shell.elixir.reader.ElixirReader;

/** Runs inputs once with every input compiled onto Groovy and once as the shell runs them (direct first), and compares what each prints. */
final class DirectAndGroovy {
    private DirectAndGroovy() {}

    /**
     * Asserts that each input prints the same both ways, a module's bytes aside.
     *
     * @param inputs the inputs, in order, in one session each way
     */
    static void assertSamePrinted(List<String> inputs) {
        List<String> compiled = printed(inputs, false);
        List<String> direct = printed(inputs, true);
        for (int i = 0; i < inputs.size(); i++) assertEquals(compiled.get(i), direct.get(i), "input: " + inputs.get(i));
    }

    private static List<String> printed(List<String> inputs, boolean directFirst) {
        List<String> out = new ArrayList<>();
        try (CompiledSession s = new CompiledSession(directFirst)) {
            for (String input : inputs) out.add(s.eval(ElixirReader.read(input, "iex")).replaceAll("(?s)\\s*<<[^>]*>>,\\s*", " <<>>, "));
        }
        return out;
    }
}
