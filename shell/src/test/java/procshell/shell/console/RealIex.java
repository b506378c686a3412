package procshell.shell.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The oracle of the session tests: the same inputs typed into a real iex (Elixir 1.14) through a
 * pipe, so that a test's expected lines can be checked to be iex's own. Run any session test with
 * {@code -Dprocshell.oracle=iex} and its inputs go to {@code iex} instead of procshell: a test that
 * passes so shows what iex prints (pids, refs and a module's bytes aside), a step that fails is
 * one whose expected lines are procshell's own (each says why) or a mistake in the test.
 *
 * <p>Piped iex prints no echo and puts each result right after its prompt ({@code iex(2)> 3});
 * its warnings go to stderr, merged here into the output where they arrive. After a restart of its
 * shell process a piped iex does not end at end of input, so a last {@code System.halt()} is typed.
 */
public final class RealIex {
    /** The system property that turns the oracle on: {@code -Dprocshell.oracle=iex}. */
    public static final String PROPERTY = "procshell.oracle";

    private static final Pattern PROMPT = Pattern.compile("^(iex|\\.\\.\\.)\\((\\d+)\\)> ?");

    /**
     * One input's exchange as iex printed it.
     *
     * @param counter the N of the {@code iex(N)>} prompt it was read at
     * @param lines   the input's lines read after that prompt (1 and its continuation lines)
     * @param output  the lines it printed, iex's restart banner given as procshell's
     */
    public record Output(int counter, int lines, List<String> output) {}

    private RealIex() {}

    /** True when the session tests run against the real iex ({@code -Dprocshell.oracle=iex}). */
    public static boolean enabled() {
        return "iex".equals(System.getProperty(PROPERTY));
    }

    /**
     * Types the inputs, one after the other (an input may hold several lines), into a fresh piped iex.
     *
     * @return one output per prompt iex printed, in order (the last one, of the halt, left out)
     * @throws IllegalStateException when iex cannot be run
     */
    public static List<Output> run(List<String> inputs) {
        StringBuilder in = new StringBuilder();
        for (String s : inputs) in.append(s).append('\n');
        in.append("System.halt()\n");
        String out;
        try {
            Path dir = Files.createTempDirectory("real-iex");
            ProcessBuilder pb = new ProcessBuilder("iex").directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().put("HOME", dir.toString()); // no ~/.iex.exs
            Process p = pb.start();
            try (OutputStream w = p.getOutputStream()) {
                w.write(in.toString().getBytes(StandardCharsets.UTF_8));
            }
            byte[] bytes;
            try (InputStream r = p.getInputStream()) {
                bytes = r.readAllBytes();
            }
            if (!p.waitFor(60, TimeUnit.SECONDS)) p.destroyForcibly();
            out = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run iex", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while iex ran", e);
        }
        List<Output> outputs = parse(out);
        return outputs.isEmpty() ? outputs : outputs.subList(0, outputs.size() - 1);
    }

    /** iex's piped output cut at its prompts: each prompt's lines, prompts and continuation prompts removed. */
    static List<Output> parse(String out) {
        List<Output> outputs = new ArrayList<>();
        List<String> lines = out.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int counter = -1;
            int read = 0;
            boolean prompted = false;
            Matcher m;
            while ((m = PROMPT.matcher(line)).find()) {
                if (m.group(1).equals("iex")) counter = Integer.parseInt(m.group(2));
                read++;
                prompted = true;
                line = line.substring(m.end());
            }
            if (counter >= 0) outputs.add(new Output(counter, read, new ArrayList<>()));
            if (outputs.isEmpty()) continue; // the banner
            if (prompted && line.isEmpty() && i == lines.size() - 1) continue; // the last prompt
            String l = line.stripTrailing();
            if (l.equals(IexReference.IEX_BANNER)) l = Console.RESTART_BANNER;
            outputs.get(outputs.size() - 1).output().add(l);
        }
        return outputs;
    }

    /**
     * The transcript procshell prints for the inputs, built from iex's outputs: each line typed
     * after its {@code ps(N)>} or {@code ...(N)>} prompt, then what iex printed for it.
     */
    public static String transcript(List<String> inputs) {
        List<String> typed = new ArrayList<>();
        for (String s : inputs) typed.addAll(List.of(s.split("\n", -1)));
        StringBuilder t = new StringBuilder();
        int next = 0;
        for (Output o : run(inputs)) {
            for (int j = 0; j < o.lines(); j++) {
                t.append(j == 0 ? "ps(" : "...(").append(o.counter()).append(")> ")
                        .append(next < typed.size() ? typed.get(next++) : "").append('\n');
            }
            for (String l : o.output()) t.append(l).append('\n');
        }
        return t.toString();
    }
}
