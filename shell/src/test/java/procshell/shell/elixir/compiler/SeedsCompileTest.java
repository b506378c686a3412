package procshell.shell.elixir.compiler;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import groovy.lang.GroovyClassLoader;

/**
 * Every expression of the study notes' code ({@code ../shared/seeds/code/*.exs}), as a person
 * pastes it one top-level expression at a time, compiles to Groovy that Groovy accepts. (Running
 * them needs the facades to take compiled modules; the session tests do that.)
 */
class SeedsCompileTest {
    private static final Path SEEDS = Path.of("/work/shared/seeds/code");

    @Test
    void everySeedExpressionCompiles() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SEEDS), "the study notes' code is not on this machine");
        List<Path> files;
        try (Stream<Path> s = Files.list(SEEDS)) {
            files = s.filter(p -> p.toString().endsWith(".exs")).sorted().toList();
        }
        List<String> sources = new ArrayList<>();
        for (Path f : files) sources.add(Files.readString(f));
        List<Object> quoted = ElixirOracle.quote(sources);
        List<String> failures = new ArrayList<>();
        int count = 0;
        try (GroovyClassLoader loader = new GroovyClassLoader(SeedsCompileTest.class.getClassLoader())) {
            for (int i = 0; i < files.size(); i++) {
                Set<String> bound = new HashSet<>();
                for (Object expr : Quoted.exprs(quoted.get(i))) {
                    count++;
                    try {
                        CompiledInput in = ElixirCompiler.compileInput(expr, bound);
                        loader.parseClass(in.source(), "iex_seed_" + count + ".groovy");
                        if (Quoted.isCall(expr, "=", 2)) collectVars(Quoted.args(expr).get(0), bound);
                    } catch (RuntimeException | Error e) {
                        failures.add(files.get(i).getFileName() + ": " + (Quoted.line(expr)) + ": " + e);
                    }
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " of " + count + " expressions failed:\n" + String.join("\n", failures));
    }

    private static void collectVars(Object pattern, Set<String> out) {
        if (Quoted.isVar(pattern)) out.add(Quoted.name(pattern));
        else if (pattern instanceof List<?> l) l.forEach(p -> collectVars(p, out));
        else if (pattern instanceof procshell.runtime.node.Tuple t && t.size() == 2) {
            collectVars(t.get(0), out);
            collectVars(t.get(1), out);
        } else if (Quoted.isNode(pattern) && Quoted.args(pattern) != null) Quoted.args(pattern).forEach(p -> collectVars(p, out));
    }
}
