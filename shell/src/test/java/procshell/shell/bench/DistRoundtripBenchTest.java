package procshell.shell.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import picocli.CommandLine;

/**
 * {@code procshell bench dist_roundtrip} at a tiny size: it starts its four nodes (two procshell,
 * two Elixir) and the driver, and prints a figure in µs per call for each pair of runtimes, for
 * {@code GenServer.call} and {@code :erpc.call}. Skipped, saying why, without {@code elixir}.
 */
class DistRoundtripBenchTest {
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void printsTheFourPairsForBothKindsOfCall() {
        String why = BeamSide.missing();
        if (why != null) System.out.println("DistRoundtripBenchTest skipped: " + why);
        Assumptions.assumeTrue(why == null, why);
        BenchCommand bench = new BenchCommand();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bench.out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = new CommandLine(bench).execute("--size", "20", DistRoundtripBench.NAME);
        String output = bytes.toString(StandardCharsets.UTF_8);

        assertEquals(0, code, output);
        List<String[]> lines = output.lines().map(l -> l.split(" ")).filter(w -> w.length == 3 && w[0].startsWith("dist_")).toList();
        assertEquals(DistRoundtripBench.names(), lines.stream().map(w -> w[0]).toList(), output);
        for (String[] w : lines) {
            assertTrue(w[1].matches("\\d+\\.\\d") && w[2].equals("us_per_call"), String.join(" ", w));
        }
    }
}
