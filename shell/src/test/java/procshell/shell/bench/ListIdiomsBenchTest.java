package procshell.shell.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import picocli.CommandLine;

/**
 * {@code procshell bench list_idioms} at a small size runs {@code bench/beam/list_idioms.exs} in a
 * procshell of its own and prints every figure that script prints on the BEAM, in its order (the
 * figures themselves are not asserted).
 */
class ListIdiomsBenchTest {
    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void printsTheFiguresOfTheBeamScript() {
        BenchCommand bench = new BenchCommand();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bench.out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = new CommandLine(bench).execute("--size", "2000", ListIdiomsBench.NAME);
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertEquals(0, code, output);
        List<String> expected = new ArrayList<>();
        for (String idiom : List.of("accumulate", "body_build", "reduce_cons", "pop_push", "prepend", "tl_walk")) {
            expected.add("list_" + idiom + "_ms");
            expected.add("list_" + idiom + "_cpu_ms");
        }
        List<String> printed = output.lines().map(l -> l.split(" ")).filter(w -> w.length == 3 && w[2].equals("ms")).map(w -> w[0]).toList();
        assertEquals(expected, printed, output);
    }
}
