package procshell.shell.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.jline.terminal.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** As iex, docs and results are laid out for a terminal narrower than 80 columns, and for its new width after a resize. */
@Timeout(60)
class NarrowTerminalTest {
    @Test
    void docsAndResultsFitANarrowTerminalAndFollowAResize() throws Exception {
        try (TerminalSession t = new TerminalSession(40, null, c -> { })) {
            List<String> doc = t.typeLine("h(Registry.lookup)", "ps(2)> ").lines().toList();
            assertEquals(" ".repeat(7) + "def lookup(registry, key)", doc.get(2), "centred on 40 columns");
            // specs keep the layout Elixir's formatter gave them at 80 columns (iex re-formats them for the width)
            assertTrue(doc.stream().allMatch(l -> l.length() <= 40 || l.startsWith("    ") || l.startsWith("  @spec")),
                    "prose re-flowed, code as written:\n" + String.join("\n", doc));

            List<String> list = t.typeLine("Enum.to_list(1000..1020)", "ps(3)> ").lines().toList();
            List<String> result = list.subList(1, list.size() - 1);
            assertTrue(result.size() > 2 && result.stream().allMatch(l -> l.length() <= 40), "the list wraps at 40 columns:\n" + String.join("\n", result));

            t.terminal.setSize(new Size(200, 50)); // the terminal is made wider: back to 80 columns
            List<String> wide = t.typeLine("Enum.to_list(1000..1020)", "ps(4)> ").lines().toList();
            assertTrue(wide.get(1).length() > 40 && wide.get(1).length() <= 80, "80 columns again: " + wide.get(1));
        }
    }
}
