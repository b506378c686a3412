package procshell.shell.observer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import procshell.runtime.event.NodeEvent;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;

/**
 * Which live processes a supervisor started as restarts, so that trees can mark them: for each
 * such pid, the pid it replaced, why that one died and how often the child was restarted since
 * the shell started watching the node. Listens from the session's start; entries leave when the
 * restarted process exits.
 */
public final class RestartLog {
    /**
     * One restarted child.
     *
     * @param oldPid the pid it replaced (null if unknown)
     * @param reason why the replaced process died
     * @param times  restarts of this child so far, this one included
     */
    public record Restart(Pid oldPid, Object reason, int times) {}

    private final Map<Pid, Restart> byNewPid = new ConcurrentHashMap<>();
    /**
     * Restarted children that died, kept until their successor's restart event (which comes
     * after the exit) takes their count over; bounded, as a child may die for good.
     */
    private final Map<Pid, Restart> died = new ConcurrentHashMap<>();

    private RestartLog() {}

    /** A log fed by the node's events from now on. */
    public static RestartLog listen(Node node) {
        RestartLog log = new RestartLog();
        node.events().subscribe(java.util.Set.of(NodeEvent.Restarted.class, NodeEvent.Exited.class), log::onEvent);
        return log;
    }

    private void onEvent(NodeEvent e) {
        if (e instanceof NodeEvent.Restarted r && r.newPid() != null) {
            Restart before = null;
            if (r.oldPid() != null) {
                before = byNewPid.remove(r.oldPid());
                Restart dead = died.remove(r.oldPid());
                if (before == null) before = dead;
            }
            byNewPid.put(r.newPid(), new Restart(r.oldPid(), r.reason(), before == null ? 1 : before.times() + 1));
        } else if (e instanceof NodeEvent.Exited x && !byNewPid.isEmpty()) {
            Restart gone = byNewPid.remove(x.pid());
            if (gone != null) {
                if (died.size() >= 1024) died.clear();
                died.put(x.pid(), gone);
            }
        }
    }

    /** How {@code pid} came to be, when a supervisor started it as a restart; else null. */
    public Restart of(Pid pid) {
        return byNewPid.get(pid);
    }
}
