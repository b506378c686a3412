package procshell.shell.elixir.compiler;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * The Elixir line of each line of a generated class, read from the {@code /*L12*}{@code /}
 * comments {@link Block#text()} leaves, so that a stack frame of compiled code names the line a
 * person typed ({@code iex:12: MyApp.Hello.f/1}) rather than Groovy's. A line without a comment
 * takes the one before it.
 */
final class LineTable {
    private static final java.util.regex.Pattern MARK = java.util.regex.Pattern.compile("/\\*L(\\d+)\\*/");

    private LineTable() {}

    /**
     * @param source    the generated source
     * @param firstLine the Groovy line of the source's first line in the whole script
     * @return Groovy's line (from {@code firstLine}) to Elixir's, as pairs {@code [groovy, elixir, ...]}
     *         where the Elixir line changes
     */
    static List<Integer> of(String source, int firstLine) {
        List<Integer> out = new ArrayList<>();
        int last = 0;
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = MARK.matcher(lines[i]);
            int l = last;
            while (m.find()) l = Integer.parseInt(m.group(1));
            if (l != last) {
                out.add(firstLine + i);
                out.add(l);
                last = l;
            }
        }
        return out;
    }
}
