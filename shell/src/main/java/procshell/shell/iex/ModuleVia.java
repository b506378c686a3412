package procshell.shell.iex;

import java.lang.reflect.Method;

import procshell.runtime.names.ViaModule;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;

/**
 * A session's module used in {@code {:via, module, key}} tuples, as {@code :gen.start} and
 * {@code GenServer.call} use one: its {@code register_name/2}, {@code unregister_name/1},
 * {@code whereis_name/1} and {@code send/2}, looked up at each call so that a redefined module's
 * newest code answers.
 */
record ModuleVia(Modules modules, Atom module) implements ViaModule {
    @Override
    public boolean registerName(Object name, Pid pid) {
        Object r = modules.apply(module, "register_name", name, pid);
        return Atom.YES.equals(r) || Boolean.TRUE.equals(r);
    }

    @Override
    public void unregisterName(Object name) {
        modules.apply(module, "unregister_name", name);
    }

    @Override
    public Pid whereisName(Object name) {
        return modules.apply(module, "whereis_name", name) instanceof Pid p ? p : null;
    }

    @Override
    public Pid send(Object name, Object message) {
        Method send = modules.function(module, "send", 2);
        if (send == null) return ViaModule.super.send(name, message);
        Modules.invoke(send, name, message);
        return whereisName(name);
    }
}
