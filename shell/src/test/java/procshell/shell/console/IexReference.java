package procshell.shell.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A transcript captured from a real iex (Elixir 1.14 on OTP 25), from
 * {@code src/test/resources/iex-reference/}, cut into exchanges: each input typed at an
 * {@code iex(N)>} prompt (with its {@code ...(N)>} continuation lines) and the lines printed
 * after it until the next prompt.
 */
final class IexReference {
    private static final Pattern PROMPT = Pattern.compile("^iex\\((\\d+)\\)> ?(.*)$");
    private static final Pattern CONTINUATION = Pattern.compile("^\\.\\.\\.\\((\\d+)\\)> ?(.*)$");

    /** iex's banner after its shell process restarts; procshell prints {@link Console#RESTART_BANNER}. */
    static final String IEX_BANNER = "Interactive Elixir (1.14.0) - press Ctrl+C to exit (type h() ENTER for help)";

    /**
     * One input and what iex printed after it.
     *
     * @param counter the N of the {@code iex(N)>} prompt it was typed at
     * @param input   the input, continuation lines joined with \n
     * @param output  the lines printed after it, as captured
     * @param line    the 1-based line of the prompt in the file
     */
    record Exchange(int counter, String input, List<String> output, int line) {}

    private final String file;
    private final List<Exchange> exchanges;

    private IexReference(String file, List<Exchange> exchanges) {
        this.file = file;
        this.exchanges = exchanges;
    }

    /** Reads {@code iex-reference/<file>} from the test resources. */
    static IexReference load(String file) {
        try (InputStream in = IexReference.class.getResourceAsStream("/iex-reference/" + file)) {
            if (in == null) throw new IllegalStateException("no iex reference transcript " + file + " in src/test/resources/iex-reference");
            return parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read iex reference " + file, e);
        }
    }

    static IexReference parse(String file, String text) {
        List<String> lines = text.lines().toList();
        List<Exchange> out = new ArrayList<>();
        int i = 0;
        while (i < lines.size() && !PROMPT.matcher(lines.get(i)).matches()) i++;
        while (i < lines.size()) {
            Matcher p = PROMPT.matcher(lines.get(i));
            p.matches();
            int start = i + 1;
            StringBuilder input = new StringBuilder(p.group(2));
            i++;
            Matcher c;
            while (i < lines.size() && (c = CONTINUATION.matcher(lines.get(i))).matches()) {
                input.append('\n').append(c.group(2));
                i++;
            }
            List<String> output = new ArrayList<>();
            while (i < lines.size() && !PROMPT.matcher(lines.get(i)).matches()) output.add(lines.get(i++));
            out.add(new Exchange(Integer.parseInt(p.group(1)), input.toString(), List.copyOf(output), start));
        }
        return new IexReference(file, List.copyOf(out));
    }

    /** The file name, for messages. */
    String file() {
        return file;
    }

    /** All exchanges, in order. */
    List<Exchange> exchanges() {
        return exchanges;
    }

    /**
     * The first exchange at or after index {@code from} whose input is {@code input}.
     *
     * @return its index
     * @throws IllegalArgumentException when there is none
     */
    int find(String input, int from) {
        for (int k = from; k < exchanges.size(); k++) if (exchanges.get(k).input().equals(input)) return k;
        throw new IllegalArgumentException("no input " + input + " after exchange " + from + " in iex reference " + file);
    }

    /**
     * iex's lines as procshell should print them: iex's restart banner as procshell's, lines of
     * spaces (the line editor's leftovers) as empty lines, trailing spaces removed.
     */
    static List<String> normalize(List<String> iexLines) {
        List<String> out = new ArrayList<>();
        for (String l : iexLines) {
            String s = l.stripTrailing();
            if (s.equals(IEX_BANNER)) s = Console.RESTART_BANNER;
            out.add(s);
        }
        return out;
    }

    /**
     * Output lines as the tmux pane the transcripts were read from shows them: the line and
     * paragraph separators U+2028 and U+2029 (in the white space String.split/1's error lists)
     * take no cell there, so the transcript holds {@code ""} where the bytes were {@code "\u2028"}.
     */
    static List<String> asTerminalShows(List<String> lines) {
        List<String> out = new ArrayList<>(lines.size());
        for (String l : lines) out.add(l.replace("\u2028", "").replace("\u2029", ""));
        return out;
    }
}
