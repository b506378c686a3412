package procshell.shell.elixir.compiler;

import java.util.ArrayList;
import java.util.List;

/**
 * The module classes each thread has defined without Groovy ({@link ModuleClassWriter}) and not
 * yet taken: the shell's evaluator takes them after every input. A class of its own, so that an
 * input that defines nothing ({@code 1 + 1}) does not initialize the class writer (and, through
 * its verification, the bytecode library): a first input's run took 16 ms more for that.
 */
final class DefinedModules {
    private static final ThreadLocal<List<Class<?>>> DEFINED = new ThreadLocal<>();

    private DefinedModules() {}

    /** Records that the calling thread defined {@code module}. */
    static void add(Class<?> module) {
        List<Class<?>> mine = DEFINED.get();
        if (mine == null) DEFINED.set(mine = new ArrayList<>());
        mine.add(module);
    }

    /** The module classes the calling thread defined since it last asked, in order; empty when none. */
    static List<Class<?>> take() {
        List<Class<?>> mine = DEFINED.get();
        if (mine == null) return List.of();
        DEFINED.remove();
        return mine;
    }
}
