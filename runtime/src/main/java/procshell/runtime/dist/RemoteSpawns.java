package procshell.runtime.dist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.SpawnOptions;

/**
 * Spawn requests between nodes (OTP 23's SPAWN_REQUEST / SPAWN_REPLY), on which the BEAM builds
 * {@code Node.spawn/2,4}, {@code spawn_link}, {@code spawn_monitor} across nodes, {@code :erpc} and
 * {@code :rpc}: this node spawns what another asks for (linked to or monitored by the requester as
 * asked, before it runs), and asks other nodes to spawn, delivering
 * {@code {:spawn_reply, req_id, :ok | :error, pid_or_reason}} as {@code :erlang.spawn_request/5}
 * does.
 */
final class RemoteSpawns {
    private static final Atom LINK = Atom.of("link");
    private static final Atom MONITOR = Atom.of("monitor");
    private static final Atom REPLY = Atom.of("reply");
    private static final Atom REPLY_TAG = Atom.of("reply_tag");
    private static final Atom SPAWN_REPLY = Atom.of("spawn_reply");
    private static final Atom YES = Atom.of("yes");
    private static final Atom NO = Atom.of("no");
    private static final Atom UNDEF = Atom.of("undef");
    private static final Atom NET_KERNEL = Atom.of("net_kernel");
    private static final Atom CONNECT_NODE = Atom.of("connect_node");
    private static final Atom NOCONNECTION = Atom.of("noconnection");
    private static final int FLAG_LINK = 1;
    private static final int FLAG_MONITOR = 2;

    /** A request of ours waiting for its reply. */
    private record Pending(Pid requester, Atom peer, boolean link, boolean monitor, Atom reply, Object tag) {}

    private final Distribution dist;
    private final Node node;
    private final RemoteLinks links;
    private final Map<Ref, Pending> pending = new ConcurrentHashMap<>();
    private volatile SpawnHandler handler;

    RemoteSpawns(Distribution dist, RemoteLinks links) {
        this.dist = dist;
        this.node = dist.table().local();
        this.links = links;
    }

    void setHandler(SpawnHandler h) {
        handler = h;
    }

    // ---- requests from other nodes -------------------------------------------------------------

    /**
     * SPAWN_REQUEST {@code {29, req_id, from, group_leader, {m, f, arity}, opts}} with the
     * argument list as its message: spawns, links and monitors as {@code opts} say, replies with
     * the pid, then lets the process run with the requester's group leader.
     */
    void requested(Connection c, Tuple t, Object message) {
        Object reqId = t.get(1);
        Pid from = (Pid) t.get(2);
        Pid groupLeader = t.get(3) instanceof Pid gl ? gl : from;
        Tuple mfa = (Tuple) t.get(4);
        Atom module = (Atom) mfa.get(0);
        Atom function = (Atom) mfa.get(1);
        List<?> opts = (List<?>) t.get(5);
        List<Object> args = new ArrayList<>((List<?>) message);
        boolean link = opts.contains(LINK);
        boolean monitor = opts.contains(MONITOR);
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Pid pid = node.spawn(self -> {
            ready.join(); // its link, monitor and the reply are in place before it runs
            if (NET_KERNEL.equals(module) && CONNECT_NODE.equals(function) && args.size() == 1 && args.get(0) instanceof Atom peer) {
                dist.connect(peer); // another node's mesh request: the distribution's own
                return;
            }
            SpawnHandler h = handler;
            if (h == null) throw new ExitException(undef(module, function, args));
            h.run(self, groupLeader, module, function, args);
        }, SpawnOptions.DEFAULT.withInitialCall(Tuple.of(module, function, args.size())));
        int flags = 0;
        if (link) {
            links.linked(from, pid);
            flags |= FLAG_LINK;
        }
        if (monitor) {
            links.monitored(from, pid, reqId);
            flags |= FLAG_MONITOR;
        }
        c.send(Tuple.of(ControlOp.SPAWN_REPLY, reqId, from, flags, pid), Connection.NO_MESSAGE);
        ready.complete(null);
    }

    /** GROUP_LEADER {@code {23, leader, pid}} ({@code :erlang.group_leader(leader, pid)} on another node): {@code pid} here takes {@code leader}. */
    void groupLeader(Pid leader, Pid pid) {
        LocalProcess p = node.process(pid);
        SpawnHandler h = handler;
        if (p != null && h != null) h.setGroupLeader(p, leader);
    }

    /** The BEAM's exit reason for a function no module here has: {@code {:undef, [{m, f, args, []}]}}. */
    static Tuple undef(Atom module, Atom function, List<Object> args) {
        return Tuple.of(UNDEF, List.of(Tuple.of(module, function, args, List.of())));
    }

    // ---- requests of ours ----------------------------------------------------------------------

    /**
     * Asks {@code peer} to spawn {@code module.function(args...)} for {@code self}, as
     * {@code :erlang.spawn_request/5}.
     *
     * @param opts {@code :link}, {@code :monitor}, {@code {:reply, :yes | :no | :error_only}},
     *             {@code {:reply_tag, tag}}; others are passed on
     * @return the request id; the reply comes as {@code {:spawn_reply, id, :ok, pid}} or
     *         {@code {:spawn_reply, id, :error, reason}} as the reply option says
     */
    Ref request(LocalProcess self, Atom peer, Atom module, Atom function, List<?> args, List<?> opts) {
        Ref reqId = node.makeRef();
        boolean link = false;
        boolean monitor = false;
        Atom reply = YES;
        Object tag = SPAWN_REPLY;
        List<Object> wire = new ArrayList<>();
        for (Object o : opts) {
            if (LINK.equals(o)) link = true;
            else if (MONITOR.equals(o)) monitor = true;
            else if (o instanceof Tuple t && t.isTagged(REPLY, 2) && t.get(1) instanceof Atom a) {
                reply = a;
                continue;
            } else if (o instanceof Tuple t && t.isTagged(REPLY_TAG, 2)) {
                tag = t.get(1);
                continue;
            }
            wire.add(o);
        }
        Pending p = new Pending(self.pid(), peer, link, monitor, reply, tag);
        if (!dist.ensureConnected(peer)) {
            failed(reqId, p, NOCONNECTION);
            return reqId;
        }
        pending.put(reqId, p);
        Connection c = dist.connection(peer);
        if (c == null) {
            pending.remove(reqId);
            failed(reqId, p, NOCONNECTION);
            return reqId;
        }
        SpawnHandler h = handler;
        Pid groupLeader = h == null ? self.pid() : h.groupLeader(self);
        c.send(Tuple.of(ControlOp.SPAWN_REQUEST, reqId, self.pid(), groupLeader, Tuple.of(module, function, args.size()), wire), args);
        return reqId;
    }

    /** SPAWN_REPLY {@code {31, req_id, to, flags, pid_or_error}}. */
    void replied(Tuple t) {
        if (!(t.get(1) instanceof Ref reqId)) return;
        Pending p = pending.remove(reqId);
        if (p == null) return;
        int flags = ((Number) t.get(3)).intValue();
        Object result = t.get(4);
        if (!(result instanceof Pid pid)) {
            failed(reqId, p, result);
            return;
        }
        LocalProcess requester = node.process(p.requester());
        if ((flags & FLAG_LINK) != 0 && (requester == null || !links.adoptLink(requester, pid))) {
            dist.sendSignal(p.peer(), Tuple.of(ControlOp.EXIT, p.requester(), pid, Atom.NOPROC));
        }
        if ((flags & FLAG_MONITOR) != 0) links.adoptMonitor(reqId, p.requester(), pid);
        if (requester != null && YES.equals(p.reply())) requester.deliver(Tuple.of(p.tag(), reqId, Atom.OK, pid));
    }

    private void failed(Ref reqId, Pending p, Object reason) {
        LocalProcess requester = node.process(p.requester());
        if (requester != null && !NO.equals(p.reply())) requester.deliver(Tuple.of(p.tag(), reqId, Atom.ERROR, reason));
    }

    /** {@code peer} went down: its pending requests fail with {@code :noconnection}. */
    void nodeDown(Atom peer) {
        for (Map.Entry<Ref, Pending> e : pending.entrySet()) {
            if (e.getValue().peer().equals(peer) && pending.remove(e.getKey(), e.getValue())) failed(e.getKey(), e.getValue(), NOCONNECTION);
        }
    }
}
