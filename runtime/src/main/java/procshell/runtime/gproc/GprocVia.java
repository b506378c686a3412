package procshell.runtime.gproc;

import procshell.runtime.names.ViaModule;
import procshell.runtime.node.Pid;

/**
 * gproc as a via module: {@code {:via, :gproc, {:n, :l, name}}} names GenServers and supervisors,
 * as gproc's {@code register_name/2}, {@code unregister_name/1}, {@code whereis_name/1} and
 * {@code send/2} do. Installed on a node by {@link Gproc#install}.
 */
final class GprocVia implements ViaModule {
    @Override
    public boolean registerName(Object name, Pid pid) {
        return Gproc.registerName(name, pid);
    }

    @Override
    public void unregisterName(Object name) {
        Gproc.unreg(name);
    }

    @Override
    public Pid whereisName(Object name) {
        return Gproc.where(name);
    }

    @Override
    public Pid send(Object name, Object message) {
        Pid pid = Gproc.where(name);
        Gproc.send(name, message);
        return pid;
    }
}
