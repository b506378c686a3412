package procshell.shell.eval;

import groovy.lang.Binding;
import groovy.lang.MissingPropertyException;
import procshell.runtime.node.Atom;
import procshell.runtime.process.ProcessContext;

/**
 * The shell's bindings. As in Elixir, a capitalised name that is no variable and no class is an
 * alias, i.e. the module atom: {@code RoomSup} is {@code :"Elixir.RoomSup"}, usable as a name
 * before any module of that name exists.
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
            throw e;
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
