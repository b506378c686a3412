package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import procshell.runtime.dist.Distribution;
import procshell.runtime.event.NodeEvent;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.process.SpawnOptions;

/**
 * Spawning on a node, as the BEAM's {@code :erlang.spawn/4}, {@code spawn_link/4} and
 * {@code spawn_monitor/4} do it: on this node directly, on another with a spawn request whose
 * reply is awaited. A node that cannot be reached gives a local pid that exits with
 * {@code :noconnection} at once (so a link or monitor fires), and the warning the BEAM logs:
 * {@code ** Can not start IO::puts,["x"] on :nope@localhost **}.
 */
final class RemoteSpawn {
    private static final Atom SPAWN_REPLY = Atom.of("spawn_reply");
    private static final Atom LINK = Atom.of("link");
    private static final Atom MONITOR = Atom.of("monitor");
    private static final Atom NOCONNECTION = Atom.of("noconnection");

    private RemoteSpawn() {}

    /**
     * Spawns {@code module.function(args...)} on {@code node}.
     *
     * @return the pid, or {@code {pid, ref}} with {@code monitor}
     * @throws ArgumentError when the arguments are not a node, a module, a function and a list
     */
    static Object spawn(Object node, Object module, Object function, Object args, boolean link, boolean monitor) {
        Atom n = Args.bifAtom(node, "1st");
        Atom m = Args.bifAtom(module, "2nd");
        Atom f = Args.bifAtom(function, "3rd");
        if (!(args instanceof List<?> a)) throw new ArgumentError("errors were found at the given arguments:\n\n  * 4th argument: not a list");
        ProcessContext self = ProcessContext.require();
        List<Object> argv = new ArrayList<>(a);
        Distribution d = self.node().remote() instanceof Distribution x ? x : null;
        if (n.equals(self.node().name())) {
            SpawnOptions opts = SpawnOptions.DEFAULT.withLink(link).withInitialCall(Tuple.of(m, f, argv.size()));
            if (!monitor) return self.node().spawn(p -> new SpawnedCalls().run(p, m, f, argv), opts);
            return started(self, opts, p -> new SpawnedCalls().run(p, m, f, argv));
        }
        List<Object> opts = new ArrayList<>();
        if (link) opts.add(LINK);
        if (monitor) opts.add(MONITOR);
        Object reason = NOCONNECTION;
        if (d != null) {
            Ref req = d.spawnRequest(self.process(), n, m, f, argv, opts);
            Tuple reply = (Tuple) self.receive(msg -> msg instanceof Tuple t && t.isTagged(SPAWN_REPLY, 4) && req.equals(t.get(1)), -1);
            if (Atom.OK.equals(reply.get(2))) return monitor ? Tuple.of(reply.get(3), req) : reply.get(3);
            reason = reply.get(3);
        }
        if (!NOCONNECTION.equals(reason)) throw new ArgumentError("errors were found at the given arguments:\n\n  * " + Kernel.inspect(reason));
        self.node().events().publish(new NodeEvent.Logged(Atom.of("warning"), "** Can not start " + Kernel.inspect(m) + "::" + f.name()
                + "," + Kernel.inspect(argv) + (opts.isEmpty() ? "" : " (" + Kernel.inspect(opts) + ")") + " on " + Kernel.inspect(n) + " **"));
        SpawnOptions dead = SpawnOptions.DEFAULT.withLink(link);
        procshell.runtime.process.ProcessBody exit = p -> {
            throw new ExitException(NOCONNECTION);
        };
        return monitor ? started(self, dead, exit) : self.node().spawn(exit, dead);
    }

    /** Spawns a process monitored by {@code self} before it runs: {@code {pid, ref}}. */
    private static Tuple started(ProcessContext self, SpawnOptions opts, procshell.runtime.process.ProcessBody body) {
        CompletableFuture<Void> go = new CompletableFuture<>();
        Pid pid = self.node().spawn(p -> {
            go.join();
            body.run(p);
        }, opts);
        Ref ref = self.monitor(pid);
        go.complete(null);
        return Tuple.of(pid, ref);
    }
}
