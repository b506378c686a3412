package procshell.shell.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The fn classes whose metaclasses Groovy's runtime builds as the JVM starts are the shell's fns. */
class GroovyRuntimeTest {
    @Test
    void everyPreparedClassIsAFnClassThatExists() throws Exception {
        for (String name : GroovyRuntime.FN_CLASSES) {
            Class<?> c = Class.forName(name);
            assertTrue(groovy.lang.Closure.class.isAssignableFrom(c), name + " is no fn (Closure) class");
        }
    }

    @Test
    void aFnTypedAtThePromptIsOfAPreparedClass() throws Throwable {
        java.util.Map<String, Object> bound = new java.util.HashMap<>();
        Object quoted = procshell.shell.elixir.reader.ElixirReader.read("fn x -> x * 2 end", Evaluator.SCRIPT_NAME, 1);
        Object fn = procshell.shell.elixir.compiler.DirectInput.plan(quoted, bound.keySet())
                .run(procshell.shell.elixir.compiler.DirectInput.Variables.in(bound));
        assertTrue(GroovyRuntime.FN_CLASSES.contains(fn.getClass().getName()), fn.getClass().getName() + " is not prepared");
    }
}
