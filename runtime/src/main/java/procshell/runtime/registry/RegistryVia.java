package procshell.runtime.registry;

import procshell.runtime.names.ViaModule;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;

/**
 * {@code Registry} as a via module: {@code {:via, Registry, {registry, key}}} and
 * {@code {:via, Registry, {registry, key, value}}} names for GenServers, supervisors and
 * {@code send}. Registered on a node under {@code Registry} by {@link Registry#install}.
 */
final class RegistryVia implements ViaModule {
    private final Node node;

    RegistryVia(Node node) {
        this.node = node;
    }

    @Override
    public boolean registerName(Object name, Pid pid) {
        return Atom.YES.equals(Registry.registerName(nameTuple(name, "register_name/2"), pid));
    }

    @Override
    public void unregisterName(Object name) {
        Registry.unregisterName(nameTuple(name, "unregister_name/1"));
    }

    @Override
    public Pid whereisName(Object name) {
        return Registry.whereisName(node, nameTuple(name, "whereis_name/1"));
    }

    @Override
    public Pid send(Object name, Object message) {
        return Registry.send(nameTuple(name, "send/2"), message);
    }

    private static Tuple nameTuple(Object name, String function) {
        if (name instanceof Tuple t && (t.size() == 2 || t.size() == 3)) return t;
        throw new IllegalArgumentException("no function clause matching in Registry." + function);
    }
}
