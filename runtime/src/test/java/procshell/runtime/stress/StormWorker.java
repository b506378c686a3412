package procshell.runtime.stress;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.GenServer;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.registry.Registry;

/**
 * The storm's GenServer: answers {@code :ping} with {@code {:pong, index}} (so a caller can tell
 * that a name led to the right server), {@code {:sleep, ms}} after sleeping (to make calls time
 * out), takes casts {@code :noop} and {@code :crash} (raises, an abnormal exit that supervisors
 * restart). In {@code init} it joins a duplicate-key Registry group, as a PubSub subscriber does;
 * some instances trap exits, so that their {@code terminate/2} runs on shutdown (and stop when a
 * linked process, their registry partition, dies).
 */
final class StormWorker extends GenServer {
    static final Atom MODULE = Atom.module("StormWorker");
    static final Atom PING = Atom.of("ping");
    static final Atom PONG = Atom.of("pong");
    static final Atom SLEEP = Atom.of("sleep");
    static final Atom SLEPT = Atom.of("slept");
    static final Atom NOOP = Atom.of("noop");
    static final Atom CRASH = Atom.of("crash");
    static final Atom GROUP = Atom.of("group");

    private final int index;
    private final Atom groupRegistry;
    private final boolean trap;

    /**
     * @param index         the worker's number, answered by {@code :ping}
     * @param groupRegistry the duplicate registry to join under {@code {:group, index % 16}}, or null
     * @param trap          trap exits (terminate/2 then runs on a supervisor's shutdown)
     */
    StormWorker(int index, Atom groupRegistry, boolean trap) {
        this.index = index;
        this.groupRegistry = groupRegistry;
        this.trap = trap;
    }

    static Tuple groupKey(int index) {
        return Tuple.of(GROUP, index % 16);
    }

    @Override
    public Atom module() {
        return MODULE;
    }

    @Override
    public Object init(Object arg) {
        if (trap) ProcessContext.require().trapExit(true);
        if (groupRegistry != null) Registry.register(groupRegistry, groupKey(index), index);
        return Tuple.of(Atom.OK, index);
    }

    @Override
    public Object handleCall(Object request, Tuple from, Object state) {
        if (request instanceof Tuple t && t.isTagged(SLEEP, 2)) {
            ProcessContext.require().receive(m -> false, ((Number) t.get(1)).longValue());
            return Tuple.of(Atom.of("reply"), SLEPT, state);
        }
        return Tuple.of(Atom.of("reply"), Tuple.of(PONG, state), state);
    }

    @Override
    public Object handleCast(Object request, Object state) {
        if (CRASH.equals(request)) throw new IllegalStateException("storm crash of worker " + index);
        return Tuple.of(Atom.of("noreply"), state);
    }

    @Override
    public Object handleInfo(Object message, Object state) {
        // A trapping worker learns of its registry partition's death as {:EXIT, partition, reason}:
        // its entry went with the partition's table, so it stops and its supervisor starts it anew.
        if (message instanceof Tuple t && t.isTagged(Atom.EXIT, 3)) return Tuple.of(Atom.of("stop"), t.get(2), state);
        return Tuple.of(Atom.of("noreply"), state); // stray messages (send/2 by name) are dropped quietly
    }
}
