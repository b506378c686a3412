package procshell.shell.tutorial;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a chapter file. The format, plain text:
 *
 * <pre>
 * # Chapter title
 *
 * Prose, as many paragraphs as needed.
 *
 *     ps&gt; {:ok, pid} = HelloServer.start_link(123)
 *     {:ok, #PID&lt;0.123.0&gt;}
 *     ps&gt; class X extends GenServer {
 *     ...&gt;   def init(arg) { {:ok, arg} }
 *     ...&gt; }
 *     {:module, X}
 * </pre>
 *
 * Lines indented by four spaces form a session block: {@code ps> } starts an input,
 * {@code ...> } continues it, {@code nc> } is a line typed into {@code nc 127.0.0.1 PORT} in
 * another terminal (see {@link NetcatClient}), anything else is expected output. Each session block, with the
 * prose before it, is a step. In expected output, pids and references stand for whatever pid the
 * run prints, consistently (the same text is the same pid, different texts different pids),
 * {@code HH:MM:SS.mmm} times match any time, and a line {@code ...} alone matches any number of
 * lines.
 *
 * <p>A chapter ends with a try-it-yourself step: a session block of {@code try> } lines (with their
 * {@code ...> } continuations) and no output, which suggests what the reader might type next. The
 * walker shows it without running it, and {@code tutorial run} skips it. Prose after the last
 * session block is the chapter's closing ({@link Chapter#closing()}).
 *
 * <p>A chapter that needs a cluster names its nodes in a prose line {@code nodes: node1@localhost
 * node2@localhost}; the first is the chapter's own shell, and a session block whose inputs read
 * {@code ps(node2@localhost)> ...} is typed into that node's shell instead.
 */
public final class ChapterParser {
    private static final Pattern NODES = Pattern.compile("nodes:((?:\\s+[^\\s@]+@[^\\s@]+)+)\\s*");
    private static final Pattern NODE_PROMPT = Pattern.compile("ps\\(([^)\\s]+)\\)> ?(.*)", Pattern.DOTALL);
    private static final Pattern FILE_NAME = Pattern.compile("(\\d+)-[\\w-]+\\.txt");
    private static final String INDENT = "    ";
    private static final String TRY = "try> ";

    private ChapterParser() {}

    /** An indented line, or a blank line followed by an indented one, continues a session block. */
    private static boolean inBlock(List<String> lines, int i) {
        String line = lines.get(i);
        if (line.startsWith(INDENT)) return true;
        return line.isBlank() && i + 1 < lines.size() && lines.get(i + 1).startsWith(INDENT);
    }

    /** True when the file name has the chapter shape {@code NN-slug.txt}. */
    public static boolean isChapterFile(Path file) {
        return FILE_NAME.matcher(file.getFileName().toString()).matches();
    }

    /**
     * Parses a chapter file.
     *
     * @throws TutorialException naming the file and line when the file is malformed
     */
    public static Chapter parse(Path file) throws IOException {
        Matcher m = FILE_NAME.matcher(file.getFileName().toString());
        if (!m.matches()) throw new TutorialException(file, 0, "chapter files are named NN-slug.txt");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith("# ")) {
            throw new TutorialException(file, 1, "a chapter starts with a title line: # Title");
        }
        String title = lines.get(0).substring(2).strip();
        List<Step> steps = new ArrayList<>();
        List<String> nodes = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        int i = 1;
        while (i < lines.size()) {
            String line = lines.get(i);
            Matcher nm = NODES.matcher(line);
            if (nm.matches() && steps.isEmpty()) {
                nodes.addAll(List.of(nm.group(1).strip().split("\\s+")));
                i++;
                continue;
            }
            if (!line.startsWith(INDENT)) {
                prose.append(line).append('\n');
                i++;
                continue;
            }
            int start = i + 1;
            List<String> transcript = new ArrayList<>();
            List<String> inputs = new ArrayList<>();
            StringBuilder input = null;
            boolean seenInput = false;
            Boolean tryBlock = null;
            String node = null;
            while (i < lines.size() && inBlock(lines, i)) {
                String s = lines.get(i).isBlank() ? "" : lines.get(i).substring(INDENT.length());
                Matcher pm = NODE_PROMPT.matcher(s);
                if (pm.matches()) {
                    if (!nodes.contains(pm.group(1))) {
                        throw new TutorialException(file, i + 1, "ps(" + pm.group(1) + ")> names no node of the chapter's nodes: line");
                    }
                    if (seenInput && !pm.group(1).equals(node)) {
                        throw new TutorialException(file, i + 1, "a session block types into one node; start a new block for " + pm.group(1));
                    }
                    node = pm.group(1);
                    s = "ps> " + pm.group(2);
                }
                boolean tryLine = s.startsWith(TRY) || s.equals(TRY.strip());
                boolean promptLine = tryLine || s.startsWith("ps> ") || s.equals("ps>") || NetcatClient.isClientLine(s);
                if (promptLine) {
                    if (tryBlock == null) tryBlock = tryLine;
                    else if (tryBlock != tryLine) {
                        throw new TutorialException(file, i + 1, "a try-it-yourself block (try>) holds only try> lines; start a new block");
                    }
                }
                if (tryLine) {
                    if (input != null) inputs.add(input.toString());
                    input = new StringBuilder(s.length() > TRY.length() ? s.substring(TRY.length()) : "");
                    seenInput = true;
                } else if (NetcatClient.isClientLine(s)) {
                    if (input != null) inputs.add(input.toString());
                    input = null;
                    inputs.add(s);
                    seenInput = true;
                } else if (s.startsWith("ps> ") || s.equals("ps>")) {
                    if (input != null) inputs.add(input.toString());
                    input = new StringBuilder(s.length() > 4 ? s.substring(4) : "");
                    seenInput = true;
                } else if (s.startsWith("...> ") || s.equals("...>")) {
                    if (input == null) throw new TutorialException(file, i + 1, "a continuation line (...>) must follow an input line (ps>)");
                    input.append('\n').append(s.length() > 5 ? s.substring(5) : "");
                } else {
                    if (!seenInput) throw new TutorialException(file, i + 1, "a session block must start with an input line (ps> ...)");
                    if (Boolean.TRUE.equals(tryBlock) && !s.isBlank()) {
                        throw new TutorialException(file, i + 1, "a try-it-yourself block (try>) shows no output: nothing in it is checked");
                    }
                    if (input != null) inputs.add(input.toString());
                    input = null;
                }
                transcript.add(s);
                i++;
            }
            if (input != null) inputs.add(input.toString());
            if (node != null && node.equals(nodes.get(0))) node = null;
            steps.add(new Step(prose.toString().strip(), List.copyOf(inputs), List.copyOf(transcript), start, node,
                    !Boolean.TRUE.equals(tryBlock)));
            prose.setLength(0);
        }
        if (steps.isEmpty()) throw new TutorialException(file, lines.size(), "a chapter needs at least one session block (lines indented by four spaces)");
        return new Chapter(Integer.parseInt(m.group(1)), title, List.copyOf(steps), file, List.copyOf(nodes), prose.toString().strip());
    }
}
