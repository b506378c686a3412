package procshell.shell.iex;

import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.pg.PgScope;
import procshell.runtime.process.ErlangError;
import procshell.runtime.process.ProcessContext;

/**
 * Erlang's {@code :pg} at the prompt: process groups shared with every node that runs the same
 * scope, BEAM nodes included. The default scope is {@code :pg}; as on the BEAM it must be started
 * ({@code :pg.start_link()}) before it is used.
 */
@ElixirName(":pg")
@Doc("""
    Distributed named process groups: start_link/0,1, start/1, join/2,3, leave/2,3,
    get_members/1,2, get_local_members/1,2, which_groups/0,1, which_local_groups/0,1,
    monitor_scope/0,1, monitor/1,2, demonitor/1,2.

    ## Examples

        ps> :pg.start_link()
        {:ok, #PID<0.120.0>}
        ps> :pg.join(:workers, self())
        :ok
        ps> :pg.get_members(:workers)
        [#PID<0.110.0>]
    """)
public final class Pg {
    private static final Atom PG = Atom.of("pg");

    private Pg() {}

    private static ProcessContext self() {
        return ProcessContext.require();
    }

    /** The running scope; calling a scope that is not started exits {@code :noproc}, as a gen_server call does. */
    private static PgScope scope(Object name, String function, Object... args) {
        PgScope s = name instanceof Atom a ? PgScope.of(self().node(), a) : null;
        if (s == null) {
            throw new procshell.runtime.process.ExitException(Tuple.of(Atom.NOPROC,
                    Tuple.of(Atom.of("gen_server"), Atom.of("call"), List.of(name, Tuple.of(Atom.of(function), args), Atom.INFINITY))));
        }
        return s;
    }

    /** The pids as given, after checking they are local (the BEAM's {@code {:nolocal, pid}} error). */
    private static Object local(Object pidOrPids) {
        List<?> pids = pidOrPids instanceof List<?> l ? l : List.of(pidOrPids);
        for (Object o : pids) {
            if (!(o instanceof Pid p) || self().node().isRemote(p)) throw new ErlangError(Tuple.of(Atom.of("nolocal"), o));
        }
        return pidOrPids;
    }

    @Doc("Starts the default scope :pg, linked to the caller: {:ok, pid}.")
    public static Tuple start_link() {
        return start_link(PG);
    }

    @Doc("Starts a scope, registered under its name and linked to the caller: {:ok, pid}, or {:error, {:already_started, pid}}.")
    public static Tuple start_link(Object scope) {
        return PgScope.start(self(), Args.bifAtom(scope, "1st"), true);
    }

    @Doc("Starts a scope without a link.")
    public static Tuple start(Object scope) {
        return PgScope.start(self(), Args.bifAtom(scope, "1st"), false);
    }

    @Doc("Joins a pid (or a list of pids) of this node to a group of the default scope: :ok.")
    public static Atom join(Object group, Object pidOrPids) {
        return join(PG, group, pidOrPids);
    }

    @Doc("Joins a pid (or a list of pids) of this node to a group of a scope: :ok.")
    public static Atom join(Object scope, Object group, Object pidOrPids) {
        Object pids = local(pidOrPids);
        return scope(scope, "join_local", group, pidOrPids).join(group, pids);
    }

    @Doc("Makes pids leave a group of the default scope: :ok, or :not_joined.")
    public static Atom leave(Object group, Object pidOrPids) {
        return leave(PG, group, pidOrPids);
    }

    @Doc("Makes pids leave a group of a scope: :ok, or :not_joined.")
    public static Atom leave(Object scope, Object group, Object pidOrPids) {
        Object pids = local(pidOrPids);
        return scope(scope, "leave_local", group, pidOrPids).leave(group, pids);
    }

    @Doc("The members of a group of the default scope, on every node.")
    public static List<Pid> get_members(Object group) {
        return get_members(PG, group);
    }

    @Doc("The members of a group of a scope, on every node; [] when the scope is not running.")
    public static List<Pid> get_members(Object scope, Object group) {
        PgScope s = scope instanceof Atom a ? PgScope.of(self().node(), a) : null;
        return s == null ? List.of() : s.members(group);
    }

    @Doc("The members of a group of the default scope that run on this node.")
    public static List<Pid> get_local_members(Object group) {
        return get_local_members(PG, group);
    }

    @Doc("The members of a group of a scope that run on this node.")
    public static List<Pid> get_local_members(Object scope, Object group) {
        PgScope s = scope instanceof Atom a ? PgScope.of(self().node(), a) : null;
        return s == null ? List.of() : s.localMembers(group);
    }

    @Doc("The groups of the default scope that have members.")
    public static List<Object> which_groups() {
        return which_groups(PG);
    }

    @Doc("The groups of a scope that have members.")
    public static List<Object> which_groups(Object scope) {
        PgScope s = scope instanceof Atom a ? PgScope.of(self().node(), a) : null;
        return s == null ? List.of() : s.groups();
    }

    @Doc("The groups of the default scope with members on this node.")
    public static List<Object> which_local_groups() {
        return which_local_groups(PG);
    }

    @Doc("The groups of a scope with members on this node.")
    public static List<Object> which_local_groups(Object scope) {
        PgScope s = scope instanceof Atom a ? PgScope.of(self().node(), a) : null;
        return s == null ? List.of() : s.localGroups();
    }

    @Doc("Monitors the default scope: {ref, %{group => pids}}, then {ref, :join | :leave, group, pids} messages.")
    public static Tuple monitor_scope() {
        return monitor_scope(PG);
    }

    @Doc("Monitors a scope: {ref, %{group => pids}}, then {ref, :join | :leave, group, pids} messages.")
    public static Tuple monitor_scope(Object scope) {
        return scope(scope, "monitor").monitorScope(self().self());
    }

    @Doc("Monitors a group of the default scope: {ref, pids}, then join and leave messages.")
    public static Tuple monitor(Object group) {
        return monitor(PG, group);
    }

    @Doc("Monitors a group of a scope: {ref, pids}, then {ref, :join | :leave, group, pids} messages.")
    public static Tuple monitor(Object scope, Object group) {
        return scope(scope, "monitor", group).monitorGroup(self().self(), group);
    }

    @Doc("Removes a monitor of the default scope: :ok, or false when there was none.")
    public static Object demonitor(Object ref) {
        return demonitor(PG, ref);
    }

    @Doc("Removes a monitor of a scope and flushes its messages: :ok, or false when there was none.")
    public static Object demonitor(Object scope, Object ref) {
        if (!scope(scope, "demonitor", ref).demonitor(ref)) return Boolean.FALSE;
        while (self().receive(m -> m instanceof Tuple t && t.size() == 4 && ref.equals(t.get(0)), 0) != procshell.runtime.process.Mailbox.TIMEOUT) {
            // flushed
        }
        return Atom.OK;
    }
}
