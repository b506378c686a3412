package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A string's extended grapheme clusters, as Elixir's {@code String.graphemes/1} splits it. */
final class Graphemes {
    private static final Pattern CLUSTER = Pattern.compile("\\X");

    private Graphemes() {}

    /** The graphemes in order. */
    static List<String> of(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = CLUSTER.matcher(s);
        while (m.find()) out.add(m.group());
        return out;
    }
}
