package procshell.shell.console;

import java.util.Map;

import org.jline.keymap.KeyMap;
import org.jline.reader.Binding;
import org.jline.reader.LineReader;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/**
 * The cursor keys in both of the forms a terminal sends them. JLine binds the arrow, Home and End
 * keys as the terminal's capabilities name them, which for xterm, tmux or screen is the form
 * sent in application mode ({@code ESC O A}): the mode JLine switches on while it reads a line.
 * A key pressed while an input runs arrives in normal mode ({@code ESC [ A}), which nothing
 * bound: at the next prompt it read as a lone Escape and {@code [A} typed. iex takes both.
 */
final class CursorKeys {
    private static final Map<Capability, String> NORMAL_MODE = Map.of(
            Capability.key_up, "\u001b[A", Capability.key_down, "\u001b[B",
            Capability.key_right, "\u001b[C", Capability.key_left, "\u001b[D",
            Capability.key_home, "\u001b[H", Capability.key_end, "\u001b[F");

    private CursorKeys() {}

    /** Binds, in each of the reader's key maps, the normal-mode sequences as their application-mode twins are bound. */
    static void bindBothModes(LineReader reader) {
        Terminal terminal = reader.getTerminal();
        for (KeyMap<Binding> keys : reader.getKeyMaps().values()) {
            NORMAL_MODE.forEach((cap, normal) -> {
                String application = KeyMap.key(terminal, cap);
                if (application == null || application.isEmpty() || application.equals(normal)) return;
                Binding widget = keys.getBound(application);
                if (widget != null) keys.bindIfNotBound(widget, normal);
            });
        }
    }
}
