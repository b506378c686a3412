package procshell.shell.iex;

import java.util.List;

import groovy.lang.Closure;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.ProcessContext;

/**
 * Erlang's {@code :global} module at the prompt ({@code :global.register_name(name, pid)}): a
 * name registry shared by every node of the cluster, over the runtime's
 * {@link procshell.runtime.global.Global}.
 */
@ElixirName(":global")
@Doc("""
    A global name registry: names registered here are seen by every connected node.

    Registration takes a cluster-wide lock; a name goes when its process exits or its node goes
    down. {:global, name} works as a GenServer or Supervisor name.

    ## Examples

        ps> :global.register_name({:cache, 1}, self())
        :yes
        ps> :global.whereis_name({:cache, 1})
        #PID<0.110.0>
    """)
public final class Global {
    private static final Atom ABORTED = Atom.of("aborted");

    private Global() {}

    private static procshell.runtime.global.Global global() {
        return procshell.runtime.global.Global.of(ProcessContext.require().node());
    }

    private static Object name(Object name) {
        return IexSession.current().modules().nameTerm(name);
    }

    /** {@code :global.register_name/2}: {@code :yes}, or {@code :no} when the name is taken. */
    @Doc("""
        Globally associates name with pid: :yes, or :no when the name is taken (or the pid is dead).

        ## Examples

            ps> :global.register_name(:hello, self())
            :yes
            ps> :global.register_name(:hello, self())
            :no
        """)
    public static Atom register_name(Object name, Object pid) {
        return global().registerName(name(name), Args.bifPid(pid, "2nd")) ? Atom.YES : Atom.NO;
    }

    /**
     * {@code :global.register_name/3}: as register_name/2, with the fn that resolves a clash over
     * the name when two partitions join ({@code &:global.notify_all_name/3}, ...).
     */
    @Doc("""
        Globally associates name with pid, as register_name/2; resolve is called as
        resolve.(name, pid1, pid2) when two clusters that join both hold name, and returns the pid
        that keeps it (or :none): &:global.random_exit_name/3 (the default),
        &:global.random_notify_name/3 or &:global.notify_all_name/3.

        ## Examples

            ps> :global.register_name(:hello, self(), &:global.notify_all_name/3)
            :yes
        """)
    public static Atom register_name(Object name, Object pid, Object resolve) {
        return global().registerName(name(name), Args.bifPid(pid, "2nd"), method(resolve, ":global.register_name")) ? Atom.YES : Atom.NO;
    }

    /** A resolve fn as the method stored with a name. */
    private static procshell.runtime.global.ResolveMethod method(Object resolve, String caller) {
        Closure<?> f = Args.fun(resolve, caller, 3);
        return new procshell.runtime.global.ResolveMethod() {
            @Override
            public Object resolve(Object n, Pid p1, Pid p2) {
                return procshell.shell.eval.Values.normalize(f.call(n, p1, p2));
            }

            @Override
            public Object onWire() {
                return procshell.shell.elixir.erl.ErlEvalFuns.travels(f) ? f : null; // as iex's fn: other nodes run it
            }
        };
    }

    /** {@code :global.register_name_external/2}: as register_name/2 for a process of a node that runs no global. */
    @Doc("""
        Globally associates name with pid, as register_name/2, for a process of a node that runs
        no global itself (a C node): :yes, or :no when the name is taken.

        ## Examples

            ps> :global.register_name_external(:ext, self())
            :yes
        """)
    public static Atom register_name_external(Object name, Object pid) {
        return global().registerNameExternal(name(name), Args.bifPid(pid, "2nd"), procshell.runtime.global.Global.method(Atom.of("random_exit_name")))
                ? Atom.YES : Atom.NO;
    }

    /** {@code :global.register_name_external/3}: with the fn that resolves a clash. */
    @Doc("""
        As register_name_external/2, with the fn that resolves a clash over the name (see
        register_name/3).

        ## Examples

            ps> :global.register_name_external(:ext, self(), &:global.notify_all_name/3)
            :yes
        """)
    public static Atom register_name_external(Object name, Object pid, Object resolve) {
        return global().registerNameExternal(name(name), Args.bifPid(pid, "2nd"), method(resolve, ":global.register_name_external"))
                ? Atom.YES : Atom.NO;
    }

    /** {@code :global.unregister_name_external/1}: as unregister_name/1. */
    @Doc("""
        Removes a name registered with register_name_external; :ok.

        ## Examples

            ps> :global.unregister_name_external(:ext)
            :ok
        """)
    public static Atom unregister_name_external(Object name) {
        return unregister_name(name);
    }

    /** {@code :global.info/0}: the name server's state. */
    @Doc("""
        Returns the state of this node's global name server, as OTP's record:
        {:state, {:conf, connect_all, prevent_overlapping_partitions}, known, synced, resolvers,
        syncers, node_name, locker, registrar, trace, global_lock_down}.

        ## Examples

            ps> elem(:global.info(), 1)
            {:conf, true, true}
        """)
    public static Object info() {
        return procshell.shell.eval.Values.normalize(global().info());
    }

    /** {@code :global.disconnect/0}: leaves every node, telling no one; the nodes left. */
    @Doc("""
        Disconnects this node from every node it is connected to, without the others being told
        to disconnect (prevent_overlapping_partitions); returns the nodes it left.

        ## Examples

            ps> :global.disconnect()
            []
        """)
    public static List<Object> disconnect() {
        return global().disconnect();
    }

    /** {@code :global.resolve_it/4}: runs a clash's resolve method as the BEAM's {@code catch method.(name, pid1, pid2)}. */
    @Doc("""
        Runs the resolve method of a clashing name: what global on another node (a BEAM node or a
        procshell node) calls here over rpc when the name it resolves is held by a process of this
        node. Returns the pid that keeps the name, :none, or what a raising method gives in a
        catch ({:EXIT, reason}).

        ## Examples

            ps> p1 = spawn(fn -> Process.sleep(:infinity) end)
            ps> p2 = spawn(fn -> Process.sleep(:infinity) end)
            ps> :global.resolve_it(&:global.notify_all_name/3, :n, p1, p2)
            :none
        """)
    public static Object resolve_it(Object method, Object name, Object pid1, Object pid2) {
        Pid p1 = Args.bifPid(pid1, "3rd");
        Pid p2 = Args.bifPid(pid2, "4th");
        if (!(method instanceof Closure<?> f)) return procshell.runtime.global.Global.resolveIt(method, name, p1, p2);
        try {
            return procshell.shell.eval.Values.normalize(f.call(name, p1, p2));
        } catch (RuntimeException e) {
            // Erlang's catch: a throw gives its value, an exit {:EXIT, reason}, an error {:EXIT, {error, stacktrace}}
            Object value = Ops.catchValue(e);
            if (e instanceof ThrownValue) return value;
            if (e instanceof ExitException) return Tuple.of(Atom.of("EXIT"), value);
            return Tuple.of(Atom.of("EXIT"), Tuple.of(value, procshell.shell.inspect.StackFormatter.stacktraceTerm(e, List.of(e.getStackTrace()))));
        }
    }

    /** {@code :global.random_exit_name/3}: kills the process on the greater node; the other pid. */
    @Doc("""
        The default resolve method: kills the process on the node with the greater name (logged)
        and returns the other pid.
        """)
    public static Pid random_exit_name(Object name, Object pid1, Object pid2) {
        return procshell.runtime.global.Global.randomExitName(name, Args.bifPid(pid1, "2nd"), Args.bifPid(pid2, "3rd"));
    }

    /** {@code :global.random_notify_name/3}: tells the process on the greater node; the other pid. */
    @Doc("""
        A resolve method: sends {:global_name_conflict, name} to the process on the node with the
        greater name and returns the other pid.
        """)
    public static Pid random_notify_name(Object name, Object pid1, Object pid2) {
        return procshell.runtime.global.Global.randomNotifyName(name, Args.bifPid(pid1, "2nd"), Args.bifPid(pid2, "3rd"));
    }

    /** {@code :global.notify_all_name/3}: tells both processes; {@code :none}. */
    @Doc("""
        A resolve method: sends {:global_name_conflict, name, other_pid} to both processes and
        returns :none, so that neither keeps the name.
        """)
    public static Atom notify_all_name(Object name, Object pid1, Object pid2) {
        return procshell.runtime.global.Global.notifyAllName(name, Args.bifPid(pid1, "2nd"), Args.bifPid(pid2, "3rd"));
    }

    /** {@code :global.re_register_name/2}: registers, replacing any holder; {@code :yes}. */
    @Doc("""
        Globally associates name with pid, replacing the process that held it; returns :yes.

        ## Examples

            ps> :global.re_register_name(:hello, self())
            :yes
        """)
    public static Atom re_register_name(Object name, Object pid) {
        global().reRegisterName(name(name), Args.bifPid(pid, "2nd"));
        return Atom.YES;
    }

    /** {@code :global.unregister_name/1}: {@code :ok}. */
    @Doc("""
        Removes the globally registered name; returns :ok, also when nothing was registered.

        ## Examples

            ps> :global.unregister_name(:hello)
            :ok
        """)
    public static Atom unregister_name(Object name) {
        global().unregisterName(name(name));
        return Atom.OK;
    }

    /** {@code :global.whereis_name/1}: the pid, or {@code :undefined}. */
    @Doc("""
        Returns the pid registered under name anywhere in the cluster, or :undefined.

        ## Examples

            ps> :global.whereis_name(:nobody)
            :undefined
        """)
    public static Object whereis_name(Object name) {
        Object n = name(name);
        if (n == null) return Atom.UNDEFINED; // the atom nil, which the name table cannot hold
        Pid pid = global().whereisName(n);
        return pid == null ? Atom.UNDEFINED : pid;
    }

    /**
     * {@code :global.send/2}: sends {@code message} to the process registered under {@code name}.
     *
     * @return the pid
     * @throws ExitException {@code {:badarg, {name, message}}} when the name is not registered
     */
    @Doc("""
        Sends message to the process globally registered as name and returns its pid; exits with
        {:badarg, {name, message}} when no process has the name.

        ## Examples

            ps> :global.send(:hello, :hi)
            #PID<0.110.0>
        """)
    public static Pid send(Object name, Object message) {
        Object n = name(name);
        Object m = procshell.shell.eval.Values.normalize(message);
        Pid pid = global().whereisName(n);
        if (pid == null) throw new FramedExit(Tuple.of(Atom.of("badarg"), Tuple.of(n, m)), List.of("(kernel 8.5.3) global.erl:252: :global.send/2"));
        ProcessContext.require().send(pid, m);
        return pid;
    }

    /** {@code :global.sync/0}: this node's copy catches up with every connected node's; {@code :ok}. */
    @Doc("""
        Synchronizes the global name registry with every connected node: names registered there
        before the connection are known here once it returns :ok.

        ## Examples

            ps> Node.connect(:node1@localhost)
            true
            ps> :global.sync()
            :ok
        """)
    public static Atom sync() {
        global().sync();
        return Atom.OK;
    }

    /** {@code :global.registered_names/0}: every global name. */
    @Doc("""
        Returns the names registered globally, in the whole cluster.

        ## Examples

            ps> :global.registered_names()
            [:hello]
        """)
    public static List<Object> registered_names() {
        return global().registeredNames();
    }

    /** {@code :global.set_lock/1}: the lock {@code {resource, requester}} on every node, retrying forever. */
    @Doc("""
        Sets a lock on the resource id {resource_id, lock_requester_id} on every connected node
        (set_lock/2 names the nodes, set_lock/3 the number of retries); true when taken.

        ## Examples

            ps> :global.set_lock({:res, self()})
            true
        """)
    public static boolean set_lock(Object id) {
        return global().setLock(name(id), null, -1);
    }

    /** {@code :global.set_lock/2}. */
    public static boolean set_lock(Object id, Object nodes) {
        return global().setLock(name(id), Args.nodes(nodes), -1);
    }

    /** {@code :global.set_lock/3}: {@code retries} an integer or {@code :infinity}. */
    public static boolean set_lock(Object id, Object nodes, Object retries) {
        return global().setLock(name(id), Args.nodes(nodes), retries(retries));
    }

    /** {@code :global.del_lock/1}: true. */
    @Doc("""
        Deletes the lock {resource_id, lock_requester_id} (on every node, or on the given ones).

        ## Examples

            ps> :global.del_lock({:res, self()})
            true
        """)
    public static boolean del_lock(Object id) {
        return global().delLock(name(id), null);
    }

    /** {@code :global.del_lock/2}. */
    public static boolean del_lock(Object id, Object nodes) {
        return global().delLock(name(id), Args.nodes(nodes));
    }

    /** {@code :global.trans/2}: runs {@code fun} under the lock; its value, or {@code :aborted}. */
    @Doc("""
        Runs fun while holding the lock id on every node; returns its result, or :aborted when
        the lock could not be taken (trans/3 names the nodes, trans/4 the retries).

        ## Examples

            ps> :global.trans({:res, self()}, fn -> :done end)
            :done
        """)
    public static Object trans(Object id, Object fun) {
        return trans(id, fun, null, Atom.INFINITY);
    }

    /** {@code :global.trans/3}. */
    public static Object trans(Object id, Object fun, Object nodes) {
        return trans(id, fun, nodes, Atom.INFINITY);
    }

    /** {@code :global.trans/4}. */
    public static Object trans(Object id, Object fun, Object nodes, Object retries) {
        Closure<?> f = Args.fun(fun, ":global.trans", 4);
        Object r = global().trans(name(id), f::call, Args.nodes(nodes), retries(retries));
        return r == ABORTED ? ABORTED : procshell.shell.eval.Values.normalize(r);
    }

    private static int retries(Object retries) {
        if (Atom.INFINITY.equals(retries)) return -1;
        if (retries instanceof Number n && n.intValue() >= 0) return n.intValue();
        throw new IllegalArgumentException("retries must be a non-negative integer or :infinity, not "
                + procshell.runtime.inspect.Inspect.inspect(retries));
    }
}
