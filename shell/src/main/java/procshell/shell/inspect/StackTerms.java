package procshell.shell.inspect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;

/**
 * Stacktraces as terms: the lines {@link StackFormatter} formats read back as the BEAM's list of
 * {@code {module, function, arity, location}}, for a stacktrace that reaches the user as a value
 * (an exit reason, {@code {:error, {%RuntimeError{}, stacktrace}}}) or goes to another node.
 */
public final class StackTerms {
    private static final Atom FILE = Atom.of("file");
    private static final Atom LINE = Atom.of("line");
    /** {@code (stdlib 4.2) gen_server.erl:1149: :gen_server.try_handle_call/4}, the app part optional. */
    private static final Pattern LOCATED = Pattern.compile("^(?:\\([^)]*\\) )?([^: ]+):(\\d+): (.*)$");
    /** {@code (stdlib 4.2) }: the application part of a line. */
    private static final Pattern APP = Pattern.compile("^\\([a-z_]+ [0-9.]+\\) ");
    private static final Pattern MFA = Pattern.compile("^(?:anonymous fn/(\\d+) in )?(.+)\\.([^./]+)/(\\d+)$");
    private static final Pattern CALL = Pattern.compile("^(.+?)\\.([^.(]+)\\((.*)\\)$");

    private StackTerms() {}

    /**
     * A Java stack as the BEAM's stacktrace term: the frames {@link StackFormatter#lines} shows
     * (those the error names itself first, the typed code's, and the OTP functions the runtime
     * plays), innermost first, each {@code {Module, :fun, arity, [file: 'iex', line: 5]}}; a frame
     * shown as a call ({@code Mod.fun(args)}) has the number of its arguments, one of an anonymous
     * fn the BEAM's name for it ({@code :"-outer/1-fun-0-"}), one without a place an empty location.
     * The frames of Java, Groovy and the runtime itself are left out.
     *
     * @param e     the exception (its {@link procshell.shell.iex.BeamFrames} come first), or null
     * @param stack {@link StackTraceElement}s (other elements are ignored)
     * @return the frames as 4-tuples
     */
    public static List<Object> of(Throwable e, List<?> stack) {
        return ofLines(StackFormatter.lines(e, stack));
    }

    /**
     * Formatted stack lines ({@code (stdlib 4.2) gen_server.erl:851: :gen_server.init_it/2}) as the
     * BEAM's frames, as {@link #of} reads them back.
     *
     * @param lines the lines, innermost first
     * @return the frames as 4-tuples, lines that are no call left out
     */
    public static List<Object> ofLines(List<String> lines) {
        List<Object> out = new ArrayList<>();
        for (String line : lines) {
            Tuple frame = frame(line.strip());
            if (frame != null) out.add(frame);
        }
        return out;
    }

    /** One formatted stack line back as the BEAM's frame; null for one that is no call. */
    static Tuple frame(String line) {
        Matcher loc = LOCATED.matcher(line);
        List<Object> location = new ArrayList<>();
        String what = line;
        if (loc.matches()) {
            location.add(Tuple.of(FILE, charlist(loc.group(1))));
            location.add(Tuple.of(LINE, Integer.parseInt(loc.group(2))));
            what = loc.group(3);
        } else if (APP.matcher(line).lookingAt()) {
            // (stdlib 4.2) :maps.get(:a, %{}): a BIF's call, its application named, no place
            what = line.substring(line.indexOf(") ") + 2);
        }
        Matcher mfa = MFA.matcher(what);
        if (mfa.matches()) {
            Atom module = module(mfa.group(2));
            String fun = mfa.group(3);
            int arity = Integer.parseInt(mfa.group(4));
            if (mfa.group(1) != null) {
                // the BEAM's name for an anonymous fn: -outer/arity-fun-0-
                return Tuple.of(module, Atom.of("-" + fun + "/" + arity + "-fun-0-"), Integer.parseInt(mfa.group(1)), location);
            }
            return Tuple.of(module, Atom.of(fun), arity, location);
        }
        Matcher call = CALL.matcher(what);
        if (call.matches()) return Tuple.of(module(call.group(1)), Atom.of(call.group(2)), arguments(call.group(3)), location);
        return null;
    }

    /** {@code :gen_server} or {@code GenServer} as the module atom. */
    private static Atom module(String name) {
        if (name.startsWith(":")) return Atom.of(name.substring(1).replace("\"", ""));
        return Atom.of("Elixir." + name);
    }

    /** The number of arguments in an inspected argument list (commas outside brackets and strings). */
    private static int arguments(String args) {
        if (args.isBlank()) return 0;
        int depth = 0;
        int n = 1;
        boolean quoted = false;
        for (int i = 0; i < args.length(); i++) {
            char c = args.charAt(i);
            if (c == '\\' && quoted) i++;
            else if (c == '"') quoted = !quoted;
            else if (!quoted && "([{<".indexOf(c) >= 0) depth++;
            else if (!quoted && ")]}>".indexOf(c) >= 0) depth--;
            else if (!quoted && c == ',' && depth == 0) n++;
        }
        return n;
    }

    private static List<Integer> charlist(String s) {
        List<Integer> out = new ArrayList<>();
        s.codePoints().forEach(out::add);
        return out;
    }
}
