package procshell.shell.iex;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import procshell.runtime.node.Bitstring;

/**
 * What iex 1.14 shows under a FunctionClauseError raised by a function of Elixir's own modules
 * ({@code String.upcase(5)}): the arguments given, defaults included, the function's clauses
 * ("Attempted function clauses (showing 4 out of 4):") and the frame
 * {@code (elixir 1.14.0) lib/string.ex:831: String.upcase/2}. The clauses, files, lines and
 * how a shorter arity fills the longer one's arguments (defaults) come from Elixir's own debug info, written to {@code function-clauses.txt} by
 * {@code shell/src/test/resources/errors/clauses.exs}; they are read on the first such error.
 */
public final class FunctionClauses {
    private static final String RESOURCE = "/procshell/shell/iex/function-clauses.txt";

    /**
     * One function's record.
     *
     * @param frame   the stack line, e.g. {@code (elixir 1.14.0) lib/enum.ex:467: Enum.at/3}
     * @param clauses the heading then the clause lines, as iex prints them (at most 10)
     * @param total   how many clauses the function has
     */
    private record Clauses(String frame, List<String> clauses, int total) {}

    private static final class Table {
        static final Map<String, Clauses> CLAUSES = new HashMap<>();
        static final Map<String, String> DEFAULTS = new HashMap<>();

        static {
            read();
        }
    }

    private FunctionClauses() {}

    /**
     * The error as iex shows it, when it is the called function's own (same name, and the arity it
     * reaches with its defaults): with the arguments, the attempted clauses and the frame; else
     * the error as it is.
     *
     * @param e         the error a facade raised without its arguments
     * @param called    the facade method the input called
     * @param arguments the arguments it was called with
     */
    public static RuntimeException explain(FunctionClauseError e, Method called, Object[] arguments) {
        if (e.arguments() != null) return e;
        String module = Modules.moduleName(called.getDeclaringClass());
        if (module.startsWith(":")) return e;
        String name = module + "." + ShellModules.elixirName(called.getName());
        List<Object> args = java.util.Arrays.asList(arguments);
        String filled = Table.DEFAULTS.get(name + "/" + args.size());
        if (filled != null) {
            List<Object> full = fill(filled, args);
            if (e.function().equals(name + "/" + full.size())) args = full;
        }
        if (!e.function().equals(name + "/" + args.size())) return e;
        Clauses c = Table.CLAUSES.get(e.function());
        if (c == null) return new FunctionClauseError(e.function(), args);
        List<String> shown = new ArrayList<>(c.clauses());
        int hidden = c.total() - (shown.size() - 1);
        if (hidden > 0) {
            shown.add("...");
            shown.add("(" + hidden + (hidden == 1 ? " clause" : " clauses") + " not shown)");
        }
        FunctionClauseError explained = new FunctionClauseError(e.function(), args, List.of(c.frame()), shown);
        explained.setStackTrace(e.getStackTrace());
        return explained;
    }

    /**
     * The longer arity's arguments from the shorter one's: the template is a list of
     * {@code {:arg, index}} (the call's own argument) and {@code {:value, literal}} (a default).
     */
    private static List<Object> fill(String base64Template, List<Object> given) {
        List<Object> out = new ArrayList<>();
        Object template = ExternalTerms.decode(Bitstring.of(Base64.getDecoder().decode(base64Template)), List.of(), null);
        for (Object step : (List<?>) template) {
            procshell.runtime.node.Tuple t = (procshell.runtime.node.Tuple) step;
            out.add("arg".equals(((procshell.runtime.node.Atom) t.get(0)).name()) ? given.get(((Number) t.get(1)).intValue()) : t.get(1));
        }
        return out;
    }

    private static void read() {
        try (var in = FunctionClauses.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            List<String> current = null;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#")) continue;
                if (line.startsWith("-- ")) {
                    String[] f = line.substring(3).split(" ");
                    Table.DEFAULTS.put(f[0], f[1]);
                    current = null;
                } else if (line.startsWith("== ")) {
                    // == String.upcase/2 def lib/string.ex 831 4
                    String[] f = line.substring(3).split(" ");
                    current = new ArrayList<>();
                    Table.CLAUSES.put(f[0], new Clauses("(elixir 1.14.0) " + f[2] + ":" + f[3] + ": " + f[0], current, Integer.parseInt(f[4])));
                    current.add("Attempted function clauses (showing " + Math.min(10, Integer.parseInt(f[4])) + " out of " + f[4] + "):");
                } else if (current != null) {
                    current.add(line);
                }
            }
        } catch (IOException e) {
            // a jar without the table: errors keep their first line only
        }
    }
}
