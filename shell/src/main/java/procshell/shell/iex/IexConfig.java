package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * What {@code IEx.configure/1} set for a session: the prompts, the width, the colours' switch and
 * the size of v/1's history; the inspect options go straight to the session
 * ({@link IexSession#setInspectOptions}). The console reads these at each prompt.
 *
 * <p>Prompts are iex's patterns: {@code %prefix} is {@code ps} (iex's {@code iex}),
 * {@code %counter} the input's number, {@code %node} the node's name.
 */
public final class IexConfig {
    private static final Map<IexSession, IexConfig> CONFIGS = new WeakHashMap<>();

    private String defaultPrompt = "%prefix(%counter)>";
    private String alivePrompt = "%prefix(%node)%counter>";
    private int width = 80;
    private int historySize = 20;
    private Boolean colors; // null: as the terminal allows
    private final List<Tuple> given = new ArrayList<>();

    private IexConfig() {}

    /** The configuration of a session (iex's defaults until configured). */
    public static synchronized IexConfig of(IexSession session) {
        return CONFIGS.computeIfAbsent(session, s -> new IexConfig());
    }

    /**
     * The prompt for input number {@code counter} on {@code node}, with iex's trailing space.
     *
     * @param alive true on a distributed node (iex then uses the alive prompt)
     */
    public synchronized String prompt(int counter, String node, boolean alive) {
        return (alive ? alivePrompt : defaultPrompt).replace("%prefix", "ps").replace("%counter", String.valueOf(counter))
                .replace("%node", node) + " ";
    }

    /** The widest docs and results are laid out (iex's {@code width}, 80 unless configured). */
    public synchronized int width() {
        return width;
    }

    /** How many results v/1 reaches back (iex's {@code history_size}; negative: all). */
    public synchronized int historySize() {
        return historySize;
    }

    /** Colours on or off as configured ({@code colors: [enabled: ...]}), or null when not configured. */
    public synchronized Boolean colors() {
        return colors;
    }

    /** The options configured so far, as {@code IEx.configuration/0} lists them. */
    public synchronized List<Tuple> configuration() {
        return List.copyOf(given);
    }

    /**
     * Applies one option of {@code IEx.configure/1}.
     *
     * @throws ArgumentError for an option iex does not know or a value of the wrong type
     */
    synchronized void set(Atom key, Object value) {
        switch (key.name()) {
            case "default_prompt" -> defaultPrompt = string(key, value);
            case "alive_prompt" -> alivePrompt = string(key, value);
            case "width" -> width = integer(key, value);
            case "history_size" -> historySize = integer(key, value);
            case "colors" -> {
                if (!(value instanceof List<?> l)) throw badValue(key, value);
                for (Object o : l) {
                    if (o instanceof Tuple t && t.size() == 2 && Atom.of("enabled").equals(t.get(0))) colors = Boolean.TRUE.equals(t.get(1));
                }
            }
            case "inspect", "auto_reload", "alive_continuation_prompt", "continuation_prompt", "parser", "dot_iex_path" -> { }
            default -> throw new ArgumentError("invalid configuration " + Kernel.inspect(Tuple.of(key, value)));
        }
        given.removeIf(t -> t.get(0).equals(key));
        given.add(Tuple.of(key, value));
    }

    private static String string(Atom key, Object value) {
        if (value instanceof String s) return s;
        throw badValue(key, value);
    }

    private static int integer(Atom key, Object value) {
        if (value instanceof Integer i) return i;
        throw badValue(key, value);
    }

    private static ArgumentError badValue(Atom key, Object value) {
        return new ArgumentError("invalid value " + Kernel.inspect(value) + " for configuration " + Kernel.inspect(key));
    }
}
