package procshell.shell.iex;

import java.util.ArrayList;
import java.util.List;

import groovy.lang.Closure;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.LocalProcess;
import procshell.runtime.process.ProcessContext;

/**
 * Ulf Wiger's gproc at the prompt, {@code :gproc.fun(...)}, over the runtime's
 * {@link procshell.runtime.gproc.Gproc}: gproc's functions with its return shapes and its
 * {@code badarg} errors ({@code ** (ArgumentError) argument error}).
 */
@ElixirName(":gproc")
@Doc("""
    gproc, the extended process registry: unique names, properties, counters.

    Keys are triplets {type, scope, name}: type :n (a unique name), :p (a property,
    any number of processes may hold one), :c (a counter: a property with an integer
    value), :a (an aggregated counter: the sum of the counters of its name), :r (a
    resource) or :rc (a resource counter: how many hold the resource); scope :l (this
    node; :g needs a cluster and fails with :local_only until there is one); the name
    is any term. A process registers itself; its entries go when it dies. Bad keys, a
    name already taken or a key the caller does not hold raise ArgumentError ("argument
    error", gproc's badarg). The entries live in the table :gproc (see `table(:gproc)`).

    ## Examples

        ps> :gproc.reg({:n, :l, :my_name})
        true
        ps> :gproc.where({:n, :l, :my_name})
        #PID<0.109.0>
        ps> GenServer.start_link(StackServer, [], name: {:via, :gproc, {:n, :l, {:stack, 1}}})
        {:ok, #PID<0.112.0>}
    """)
public final class Gproc {
    private Gproc() {}

    private static Object term(Object value) {
        return IexSession.current().modules().nameTerm(value);
    }

    private static Object undefinedIfNull(Object o) {
        return o == null ? Atom.UNDEFINED : o;
    }

    @Doc("""
        Registers the calling process under a key, with gproc's default value.

        The value is 0 for a counter and :undefined otherwise. Returns true; raises
        ArgumentError when the key is malformed, a unique key is taken, or the caller
        holds the key already.

        ## Examples

            ps> :gproc.reg({:n, :l, :my_name})
            true
            ps> :gproc.reg({:c, :l, :hits})
            true
        """)
    public static boolean reg(Object key) {
        return procshell.runtime.gproc.Gproc.reg(term(key));
    }

    /** {@code gproc:reg/2}: registers with a value (an integer for a counter, :undefined for an aggregated counter). */
    public static boolean reg(Object key, Object value) {
        return procshell.runtime.gproc.Gproc.reg(term(key), term(value));
    }

    @Doc("""
        Removes the calling process's registration of a key.

        Returns true; raises ArgumentError when the caller does not hold the key.

        ## Examples

            ps> :gproc.unreg({:n, :l, :my_name})
            true
        """)
    public static boolean unreg(Object key) {
        return procshell.runtime.gproc.Gproc.unreg(term(key));
    }

    @Doc("""
        The process holding a unique key (:n, :a, :rc), or :undefined.

        Raises ArgumentError for a property, counter or resource key: use lookup_pids/1.

        ## Examples

            ps> :gproc.where({:n, :l, :my_name})
            #PID<0.109.0>
            ps> :gproc.where({:n, :l, :nobody})
            :undefined
        """)
    public static Object where(Object key) {
        return undefinedIfNull(procshell.runtime.gproc.Gproc.where(term(key)));
    }

    @Doc("""
        The process holding a unique key; ArgumentError when nobody holds it.

        ## Examples

            ps> :gproc.lookup_pid({:n, :l, :my_name})
            #PID<0.109.0>
        """)
    public static Pid lookup_pid(Object key) {
        return procshell.runtime.gproc.Gproc.lookupPid(term(key));
    }

    @Doc("""
        The live processes holding a key, in pid order.

        One at most for a unique key; any number for a property, counter or resource.

        ## Examples

            ps> :gproc.lookup_pids({:p, :l, :worker})
            [#PID<0.110.0>, #PID<0.111.0>]
        """)
    public static List<Pid> lookup_pids(Object key) {
        return procshell.runtime.gproc.Gproc.lookupPids(term(key));
    }

    @Doc("""
        The value registered under a unique key; ArgumentError when nobody holds it.

        ## Examples

            ps> :gproc.lookup_value({:a, :l, :hits})
            3
        """)
    public static Object lookup_value(Object key) {
        return procshell.runtime.gproc.Gproc.lookupValue(term(key));
    }

    @Doc("""
        The {pid, value} pairs registered under a key, in pid order.

        ## Examples

            ps> :gproc.lookup_values({:p, :l, :worker})
            [{#PID<0.110.0>, 1}, {#PID<0.111.0>, 2}]
        """)
    public static List<Tuple> lookup_values(Object key) {
        return procshell.runtime.gproc.Gproc.lookupValues(term(key));
    }

    @Doc("""
        The value of the calling process's registration of a key (or another pid's).

        Raises ArgumentError when that process does not hold the key.

        ## Examples

            ps> :gproc.get_value({:c, :l, :hits})
            0
        """)
    public static Object get_value(Object key) {
        return procshell.runtime.gproc.Gproc.getValue(term(key));
    }

    /** {@code gproc:get_value/2}: the value {@code pid}'s registration holds. */
    public static Object get_value(Object key, Object pid) {
        return procshell.runtime.gproc.Gproc.getValue(term(key), Args.bifPid(pid, "2nd"));
    }

    @Doc("""
        Changes the value of the calling process's registration; returns true.

        A counter's value must be an integer, and its aggregated counter follows.

        ## Examples

            ps> :gproc.set_value({:p, :l, :worker}, :busy)
            true
        """)
    public static boolean set_value(Object key, Object value) {
        return procshell.runtime.gproc.Gproc.setValue(term(key), term(value));
    }

    @Doc("""
        Adds to the calling process's counter and returns the new value.

        The increment is an integer, {incr, threshold, setvalue} as in
        :ets.update_counter/3, or a list of those (then the list of values comes back).
        The aggregated counter of the same name follows.

        ## Examples

            ps> :gproc.update_counter({:c, :l, :hits}, 5)
            5
        """)
    public static Object update_counter(Object key, Object incr) {
        return procshell.runtime.gproc.Gproc.updateCounter(term(key), term(incr));
    }

    @Doc("""
        Resets the calling process's counter to its registered value.

        Returns {value_before, value_now}.

        ## Examples

            ps> :gproc.reset_counter({:c, :l, :hits})
            {5, 0}
        """)
    public static Tuple reset_counter(Object key) {
        return procshell.runtime.gproc.Gproc.resetCounter(term(key));
    }

    @Doc("""
        Sends a message to the holder of a unique key, or to every holder of a property.

        Returns the message; ArgumentError when a unique key has no holder.

        ## Examples

            ps> :gproc.send({:p, :l, :worker}, :hello)
            :hello
        """)
    public static Object send(Object key, Object message) {
        return procshell.runtime.gproc.Gproc.send(term(key), term(message));
    }

    @Doc("""
        Waits until someone registers a unique key; returns {pid, value}.

        The timeout is in ms or :infinity (the default); when it passes, ErlangError
        :timeout.

        ## Examples

            ps> :gproc.await({:n, :l, :db}, 1000)
            {#PID<0.120.0>, :undefined}
        """)
    public static Tuple await(Object key) {
        return await(key, Atom.INFINITY);
    }

    /** {@code gproc:await/2} with a timeout in ms or {@code :infinity}. */
    public static Tuple await(Object key, Object timeout) {
        long ms;
        if (Atom.INFINITY.equals(timeout)) ms = -1;
        else if (timeout instanceof Number n && n.longValue() > 0) ms = n.longValue();
        else throw new IllegalArgumentException("argument error");
        return procshell.runtime.gproc.Gproc.await(term(key), ms);
    }

    @Doc("""
        Asks to be told when a unique key is registered; returns a reference.

        The message {:gproc, ref, :registered, {key, pid, value}} comes when it is (at once
        if it is already); cancel_wait/2 takes the wish back.

        ## Examples

            ps> ref = :gproc.nb_wait({:n, :l, :db})
            #Reference<0.0.0.7>
        """)
    public static Ref nb_wait(Object key) {
        return procshell.runtime.gproc.Gproc.nbWait(term(key));
    }

    /** {@code gproc:cancel_wait/2}: drops a wait of {@link #nb_wait}; returns :ok. */
    @Doc("""
        Cancels a wait started with nb_wait/1; returns :ok.
        """)
    public static Atom cancel_wait(Object key, Object ref) {
        return procshell.runtime.gproc.Gproc.cancelWait(term(key), Args.bifRef(ref, "2nd"));
    }

    @Doc("""
        Runs a match specification over the registrations seen as {key, pid, value}.

        select/2 takes a context first: :all, a scope (:l), a type (:n, :p, :c, :a, :r,
        :rc, or :names, :props, :counters, :aggr_counters) or {scope, type}.

        ## Examples

            ps> :gproc.select([{{{:p, :l, :worker}, :"$1", :_}, [], [:"$1"]}])
            [#PID<0.110.0>, #PID<0.111.0>]
            ps> :gproc.select(:names, [{:_, [], [:"$_"]}])
            [{{:n, :l, :my_name}, #PID<0.109.0>, :undefined}]
        """)
    public static List<Object> select(Object pattern) {
        return procshell.runtime.gproc.Gproc.select(term(pattern));
    }

    /** {@code gproc:select/2}: over one context ({@code :names}, {@code {:l, :p}}, ...). */
    public static List<Object> select(Object context, Object pattern) {
        return procshell.runtime.gproc.Gproc.select(term(context), term(pattern));
    }

    @Doc("""
        What the process knows of itself plus what gproc knows of it.

        info/1 is Process.info/1 with {:gproc, [{key, value}]} added (:undefined for a
        dead pid); info(pid, :gproc) is the gproc part alone.

        ## Examples

            ps> :gproc.info(self(), :gproc)
            {:gproc, [{{:n, :l, :my_name}, :undefined}]}
        """)
    public static Object info(Object process) {
        Pid pid = Args.bifPid(process, "1st");
        LocalProcess p = ProcessContext.require().node().process(pid);
        if (p == null) return Atom.UNDEFINED;
        List<Object> out = new ArrayList<>(ProcessInfo.all(p));
        out.add(procshell.runtime.gproc.Gproc.info(pid));
        return out;
    }

    /** {@code gproc:info/2}: {@code :gproc} gives gproc's part; any other item is Process.info's. */
    public static Object info(Object process, Object item) {
        Pid pid = Args.bifPid(process, "1st");
        if (Atom.of("gproc").equals(term(item))) return procshell.runtime.gproc.Gproc.info(pid);
        LocalProcess p = ProcessContext.require().node().process(pid);
        if (p == null) return Atom.UNDEFINED;
        return ProcessInfo.item(p, (Atom) term(item));
    }

    @Doc("""
        Hands a key the caller holds to another process (a pid or a unique key).

        Returns the new holder's pid, or :undefined when there is no such process (the key
        is then unregistered); ArgumentError when the caller does not hold the key.

        ## Examples

            ps> :gproc.give_away({:n, :l, :my_name}, pid)
            #PID<0.115.0>
        """)
    public static Object give_away(Object key, Object to) {
        return procshell.runtime.gproc.Gproc.giveAway(term(key), term(to));
    }

    @Doc("""
        Removes every registration of the calling process; returns :ok.

        ## Examples

            ps> :gproc.goodbye()
            :ok
        """)
    public static Atom goodbye() {
        return procshell.runtime.gproc.Gproc.goodbye();
    }

    @Doc("""
        Registers a unique key unless someone holds it; returns {pid, value} of the holder.

        reg_or_locate(key, value, fun) spawns fun as a new process and registers that
        process instead of the caller, when nobody holds the key.

        ## Examples

            ps> :gproc.reg_or_locate({:n, :l, :my_name})
            {#PID<0.109.0>, :undefined}
        """)
    public static Tuple reg_or_locate(Object key) {
        return reg_or_locate(key, Atom.UNDEFINED);
    }

    /** {@code gproc:reg_or_locate/2}: registers the caller with {@code value} unless the key is held. */
    public static Tuple reg_or_locate(Object key, Object value) {
        return procshell.runtime.gproc.Gproc.regOrLocate(term(key), term(value));
    }

    /** {@code gproc:reg_or_locate/3}: spawns {@code fun} and registers it unless the key is held. */
    public static Tuple reg_or_locate(Object key, Object value, Object fun) {
        Closure<?> f = Args.fun(fun, ":gproc.reg_or_locate", 3);
        return procshell.runtime.gproc.Gproc.regOrLocate(term(key), term(value), self -> f.call());
    }

    /** {@code gproc:register_name/2}, the via callback: :yes, or :no when taken. */
    @Doc("""
        Registers the pid under a gproc name key ({:n, :l, key}); the via callback
        behind {:via, :gproc, key}. Returns :yes, or :no when the name is taken.
        """)
    public static Atom register_name(Object key, Object pid) {
        procshell.runtime.node.Node node = IexSession.current().node();
        if (node.registeredVia(Atom.of("gproc")) == null) procshell.runtime.gproc.Gproc.install(node);
        return node.registeredVia(Atom.of("gproc")).registerName(term(key), Args.bifPid(pid, "2nd")) ? Atom.YES : Atom.NO;
    }

    /** {@code gproc:whereis_name/1}, the via callback: the pid or :undefined. */
    @Doc("""
        Returns the pid registered under a gproc name key, or :undefined (the via
        callback).
        """)
    public static Object whereis_name(Object key) {
        return where(key);
    }

    /** {@code gproc:unregister_name/1}, the via callback: true. */
    @Doc("""
        Unregisters a gproc name key of the calling process; returns true (the via
        callback).
        """)
    public static boolean unregister_name(Object key) {
        return unreg(key);
    }
}
