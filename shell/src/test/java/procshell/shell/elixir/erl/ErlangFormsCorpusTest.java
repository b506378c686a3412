package procshell.shell.elixir.erl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import procshell.runtime.dist.NodeTable;
import procshell.runtime.dist.TermDecoder;
import procshell.runtime.inspect.Inspect;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Tuple;
import procshell.shell.elixir.compiler.DirectInput;
import procshell.shell.elixir.reader.ElixirReader;

/**
 * The translation between a fn's quoted form and Erlang's abstract format, checked on a corpus
 * ({@code erl/fns.txt}) against real Elixir 1.14: {@code erl/forms.exs} prints the bindings and
 * clauses of the {@code erl_eval} fun iex makes of each fn. Both directions must hold: procshell's
 * abstract form of the typed fn is Elixir's (annotations and variable names aside), and Elixir's
 * abstract form read back is a fn procshell's direct evaluator runs, with the same free variables.
 * Skipped, saying why, when Elixir is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErlangFormsCorpusTest {
    private static final Set<String> OUTER = Set.of("y", "parent", "k");
    private static final Set<String> KINDS = Set.of("var", "atom", "integer", "float", "string", "char", "nil", "cons", "tuple", "map",
            "map_field_assoc", "map_field_exact", "match", "op", "call", "remote", "case", "receive", "clause", "fun", "bin",
            "bin_element", "block", "if");

    /** Per fn: its source, Elixir's bindings (by Erlang name) and clauses, Elixir's result and the arguments (or nulls). */
    private final List<Object[]> corpus = new ArrayList<>();

    @BeforeAll
    void askElixir() throws Exception {
        String exe = elixir();
        if (exe == null) System.out.println("ErlangFormsCorpusTest skipped: no `elixir` on PATH (.ci/run installs it)");
        Assumptions.assumeTrue(exe != null, "no elixir on PATH");
        procshell.shell.inspect.ShellTerms.install(); // results print as the shell prints them (1..3)
        Path dir = Path.of("src/test/resources/erl");
        Process p = new ProcessBuilder(exe, dir.resolve("forms.exs").toString(), dir.resolve("fns.txt").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "elixir forms.exs");
        TermDecoder decoder = new TermDecoder(new NodeTable(new Node()), Integer.MAX_VALUE);
        for (String line : out.split("\n")) {
            if (line.isBlank()) continue;
            Tuple t = (Tuple) decoder.decode(Base64.getDecoder().decode(line.strip()));
            corpus.add(new Object[] {t.get(0), t.get(1), t.get(2), t.get(3), null});
        }
        List<String> fns = Files.readAllLines(dir.resolve("fns.txt")).stream().filter(l -> l.startsWith("fn")).toList();
        assertEquals(fns.size(), corpus.size(), "one answer per fn");
        for (int i = 0; i < fns.size(); i++) {
            int at = fns.get(i).indexOf(" @@ ");
            corpus.get(i)[4] = at < 0 ? null : fns.get(i).substring(at + 4);
        }
    }


    @Test
    void theTypedFnTranslatesAsElixirCompilesIt() {
        List<String> want = new ArrayList<>();
        List<String> got = new ArrayList<>();
        for (Object[] c : corpus) {
            String source = (String) c[0];
            want.add(source + "\n  " + normalized(c[2]) + "\n  free " + freeNames((Map<?, ?>) c[1]));
            ElixirToErlang.Fun f = ElixirToErlang.fn(ElixirReader.read(source, "iex"), OUTER);
            got.add(source + "\n  " + normalized(f.clauses()) + "\n  free " + new java.util.TreeSet<>(f.free().keySet()));
        }
        assertEquals(String.join("\n", want), String.join("\n", got));
    }

    @Test
    void elixirsAbstractFormReadsBackAsAFnTheShellRuns() {
        List<String> failed = new ArrayList<>();
        for (Object[] c : corpus) {
            Map<?, ?> bs = (Map<?, ?>) c[1];
            Set<String> names = new java.util.HashSet<>();
            for (Object k : bs.keySet()) names.add(((Atom) k).name());
            @SuppressWarnings("unchecked")
            Object quoted = ErlangToElixir.fn((List<Object>) c[2], names);
            assertNotNull(quoted);
            Set<String> elixirNames = new java.util.HashSet<>();
            for (String n : names) elixirNames.add(ErlangToElixir.elixirName(n));
            if (DirectInput.plan(quoted, elixirNames) == null) failed.add(c[0] + "  =>  " + Inspect.inspect(quoted));
        }
        assertEquals(List.of(), failed, "fns the direct evaluator does not take");
    }

    /** The fns called with the corpus's arguments give what Elixir gives (or raise what it raises). */
    @Test
    void elixirsFnsReadBackGiveElixirsResults() throws Throwable {
        List<String> want = new ArrayList<>();
        List<String> got = new ArrayList<>();
        for (Object[] c : corpus) {
            if (c[4] == null) continue;
            Map<String, Object> values = new LinkedHashMap<>();
            ((Map<?, ?>) c[1]).forEach((k, v) -> values.put(ErlangToElixir.elixirName(((Atom) k).name()), v));
            @SuppressWarnings("unchecked")
            Object quoted = ErlangToElixir.fn((List<Object>) c[2], stringKeys((Map<?, ?>) c[1]).keySet());
            groovy.lang.Closure<?> fn = (groovy.lang.Closure<?>) eval(quoted, values);
            List<?> args = (List<?>) eval(ElixirReader.read((String) c[4], "iex"), Map.of());
            want.add(c[0] + " => " + c[3]);
            String result;
            try {
                result = procshell.shell.iex.Kernel.inspect(fn.call(args.toArray()));
            } catch (RuntimeException e) {
                // the message alone: Elixir's Exception.message/1 (a FunctionClauseError's arguments are iex's blame)
                result = "** (" + procshell.shell.inspect.ErrorFormatter.elixirName(e) + ") "
                        + procshell.shell.inspect.ErrorFormatter.message(e).split("\n")[0].strip();
            }
            got.add(c[0] + " => " + result);
        }
        assertEquals(String.join("\n", want), String.join("\n", got));
    }

    private static Map<String, Object> stringKeys(Map<?, ?> bs) {
        Map<String, Object> out = new LinkedHashMap<>();
        bs.forEach((k, v) -> out.put(((Atom) k).name(), v));
        return out;
    }

    /** Evaluates a quoted form with the direct evaluator, these variables bound. */
    private static Object eval(Object quoted, Map<String, Object> values) throws Throwable {
        DirectInput input = DirectInput.plan(quoted, values.keySet());
        assertNotNull(input, () -> "the direct evaluator takes " + Inspect.inspect(quoted));
        return input.run(new DirectInput.Variables() {
            @Override
            public Object get(String name) {
                return values.get(name);
            }

            @Override
            public void set(String name, Object value) { }
        });
    }

    private static java.util.TreeSet<String> freeNames(Map<?, ?> bs) {
        java.util.TreeSet<String> out = new java.util.TreeSet<>();
        for (Object k : bs.keySet()) {
            String n = ((Atom) k).name();
            out.add(n.substring(1, n.indexOf('@')));
        }
        return out;
    }

    /** The clauses without annotations, their variables renamed V1, V2, ... in order of appearance. */
    private static String normalized(Object clauses) {
        Map<Object, String> names = new LinkedHashMap<>();
        return Inspect.inspect(strip(clauses, names));
    }

    private static Object strip(Object f, Map<Object, String> names) {
        if (f instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) out.add(strip(o, names));
            return out;
        }
        if (!(f instanceof Tuple t)) return f instanceof Long v && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (Object) v.intValue() : f;
        Object[] parts = new Object[t.size()];
        boolean form = t.size() >= 2 && (t.get(0) instanceof Atom a && KINDS.contains(a.name()) || t.get(0) == null && t.size() == 2);
        for (int i = 0; i < t.size(); i++) parts[i] = form && i == 1 ? 0 : strip(t.get(i), names);
        if (form && Atom.of("var").equals(t.get(0)) && !Atom.of("_").equals(t.get(2))) {
            parts[2] = Atom.of(names.computeIfAbsent(t.get(2), k -> "V" + (names.size() + 1)));
        }
        return Tuple.of(parts);
    }

    private static String elixir() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File f = new File(dir, "elixir");
            if (f.canExecute()) return f.getPath();
        }
        return null;
    }
}
