package procshell.shell.eval;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

import groovy.lang.Binding;
import groovy.lang.MissingPropertyException;
import procshell.runtime.node.Atom;
import procshell.runtime.process.ProcessContext;
import procshell.shell.iex.ShellModules;

/**
 * The shell's bindings. As in Elixir, a capitalised name that is no variable and no class is an
 * alias, i.e. the module atom: {@code RoomSup} is {@code :"Elixir.RoomSup"}, usable as a name
 * before any module of that name exists. A lower-case name that is no variable but an imported
 * function of arity 0 is a call of it, as iex reads {@code self} or {@code flush} without
 * parentheses; any other name stays undefined (iex's warning and CompileError).
 */
final class ShellBinding extends Binding {
    @Override
    public Object getVariable(String name) {
        try {
            return super.getVariable(name);
        } catch (MissingPropertyException e) {
            if (isAlias(name)) {
                ProcessContext c = ProcessContext.current();
                return c == null ? Atom.module(name) : c.node().atoms().intern("Elixir." + name);
            }
            Method imported = Imports.ZERO_ARITY.get(name);
            if (imported != null) return call(imported);
            throw e;
        }
    }

    /** The imported functions of arity 0 (Kernel's and the other helpers'), by their Elixir name. */
    private static final class Imports {
        static final Map<String, Method> ZERO_ARITY = zeroArity();

        private static Map<String, Method> zeroArity() {
            Map<String, Method> out = new HashMap<>();
            for (ShellModules.Function f : ShellModules.kernelFunctions()) {
                if (f.arity() == 0) out.put(f.name(), f.method());
            }
            return Map.copyOf(out);
        }
    }

    private static Object call(Method m) {
        try {
            return m.invoke(null);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isAlias(String name) {
        if (name.isEmpty() || !Character.isUpperCase(name.charAt(0))) return false;
        for (int i = 1; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (!Character.isLetterOrDigit(ch) && ch != '_') return false;
        }
        return true;
    }
}
