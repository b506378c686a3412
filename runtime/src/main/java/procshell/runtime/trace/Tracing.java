package procshell.runtime.trace;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import procshell.runtime.node.Pid;

/**
 * The JVM-wide switch of tracing: the process runtime reads {@link #hook()} (one volatile read) on
 * its send, exit and link paths and calls the hook only while some tracer is installed.
 * Several tracers may run at once (two shells in one JVM); each gets every call and keeps what
 * concerns its own node.
 */
public final class Tracing {
    private static final List<TraceHook> TRACERS = new CopyOnWriteArrayList<>();
    private static volatile TraceHook hook;

    private Tracing() {}

    /** The hook to call, or null when no tracer is installed (the common case). */
    public static TraceHook hook() {
        return hook;
    }

    /**
     * Installs a tracer until {@link #remove} is called with it.
     *
     * @param tracer called for every traced event of every node in this JVM from now on
     */
    public static synchronized void install(TraceHook tracer) {
        TRACERS.add(tracer);
        hook = TRACERS.size() == 1 ? tracer : FANOUT;
    }

    /** Removes a tracer {@link #install} installed; nothing happens when it is not installed. */
    public static synchronized void remove(TraceHook tracer) {
        TRACERS.remove(tracer);
        hook = TRACERS.isEmpty() ? null : TRACERS.size() == 1 ? TRACERS.get(0) : FANOUT;
    }

    /** Hands each call to every installed tracer. */
    private static final TraceHook FANOUT = new TraceHook() {
        @Override
        public void message(Pid to, Object message) {
            for (TraceHook t : TRACERS) t.message(to, message);
        }

        @Override
        public void exitSignal(Pid from, Pid to, Object reason) {
            for (TraceHook t : TRACERS) t.exitSignal(from, to, reason);
        }

        @Override
        public void linked(Pid from, Pid to) {
            for (TraceHook t : TRACERS) t.linked(from, to);
        }
    };
}
