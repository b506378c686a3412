package procshell.shell.iex;

import java.util.Map;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.otp.StartOptions;
import procshell.shell.eval.Values;

/**
 * Elixir's {@code GenServer} at the prompt: the client functions, and the server side of a
 * module that uses it. The module is a compiled Elixir module's atom, whose static callbacks run,
 * or a class typed in Groovy that extends this one, whose instance callbacks run (one instance per
 * server process); see {@link CallbackServer}.
 *
 * <pre>{@code
 * defmodule MyApp.Hello do
 *   use GenServer
 *   def start_link(id), do: GenServer.start_link(__MODULE__, id, name: __MODULE__)
 *   def init(id), do: {:ok, %{id: id}}
 *   def handle_call(:hello, _from, state), do: {:reply, "hello", state}
 * end
 * }</pre>
 *
 * Callbacks: {@code init/1}, {@code handle_call/3}, {@code handle_cast/2},
 * {@code handle_info/2}, {@code handle_continue/2}, {@code terminate/2}; the ones not defined
 * behave as Elixir's defaults ({@code use GenServer}), except a missing {@code init/1}, which fails
 * the start as the BEAM's {@code undef}. Options are a keyword list ({@code name:},
 * {@code timeout:}) or, from Groovy, named arguments.
 */
@Doc("""
    A behaviour module for implementing the server of a client-server relation.

    A GenServer is a process that keeps a state, answers synchronous calls
    (handle_call), handles asynchronous casts (handle_cast) and plain messages
    (handle_info). At the prompt, a GenServer is a class that extends GenServer
    and defines init/1 and the callbacks it needs.

    ## Examples

        ps> class Stack extends GenServer {
        ...>   def init(items) { {:ok, items} }
        ...>   def handle_call(:pop, from, [head | tail]) { {:reply, head, tail} }
        ...>   def handle_cast({:push, item}, state) { {:noreply, [item] + state} }
        ...> }
        ps> {:ok, pid} = GenServer.start_link(Stack, [:hello])
        ps> GenServer.call(pid, :pop)
        :hello
    """)
public abstract class GenServer {
    // ---- client functions ---------------------------------------------------------------------

    /**
     * Starts a server of class {@code module} linked to the caller, as {@code GenServer.start_link/3}.
     * Options: {@code name:} (atom, class, {@code {:via, mod, key}}, {@code {:global, key}}),
     * {@code timeout:} (ms for init).
     *
     * @return {@code {:ok, pid}}, {@code :ignore} or {@code {:error, reason}}, e.g.
     *         {@code {:error, {:already_started, #PID<0.205.0>}}}
     */
    @Doc("""
        Starts a GenServer process linked to the current process.

        Calls module's init/1 with init_arg in the new process and waits for it:
        returns {:ok, pid}, {:error, reason} when init/1 returned {:stop, reason}
        or raised, {:error, {:already_started, pid}} when the name is taken, and
        :ignore when init/1 returned :ignore. Options: name: (an atom, a module or a
        {:via, module, term} tuple), timeout: (ms for init/1).

        ## Examples

            ps> GenServer.start_link(HelloServer, 123, name: HelloServer)
            {:ok, #PID<0.110.0>}
            ps> GenServer.start_link(HelloServer, 123, name: HelloServer)
            {:error, {:already_started, #PID<0.110.0>}}
        """)
    public static Object start_link(Map<?, ?> options, Class<?> module, Object arg) {
        return start(module, arg, options, true);
    }

    /** {@code GenServer.start_link(module, arg)}: a compiled module's atom or a class typed at the prompt. */
    public static Object start_link(Object module, Object arg) {
        return start(module, arg, null, true);
    }

    /**
     * {@code GenServer.start_link(module, arg, opts)}: {@code module} is a compiled module's atom
     * (its static callbacks run) or a class typed at the prompt; {@code opts} a keyword list
     * ({@code [name: MyApp.Hello, timeout: 1000]}) or a map.
     */
    public static Object start_link(Object module, Object arg, Object options) {
        return start(module, arg, options, true);
    }

    /** As {@code GenServer.start/3}: like {@link #start_link(Map, Class, Object)}, unlinked. */
    @Doc("""
        Starts a GenServer process without links (outside of a supervision tree).

        Same arguments and results as start_link/3; the caller is not linked, so a
        crash of the server does not take the shell with it.
        """)
    public static Object start(Map<?, ?> options, Class<?> module, Object arg) {
        return start(module, arg, options, false);
    }

    /** {@code GenServer.start(module, arg)}. */
    public static Object start(Object module, Object arg) {
        return start(module, arg, null, false);
    }

    /** {@code GenServer.start(module, arg, opts)}. */
    public static Object start(Object module, Object arg, Object options) {
        return start(module, arg, options, false);
    }

    private static Object start(Object module, Object arg, Object options, boolean link) {
        IexSession s = IexSession.current();
        Map<String, Object> o = Options.of(options);
        Object name = o.containsKey("name") ? Options.processName(s, o.get("name"), Options.DO_START) : null;
        StartOptions so = new StartOptions(name, Options.timeout(o.get("timeout"), -1));
        procshell.runtime.otp.GenServer server = CallbackServer.of(s.modules(), module);
        Object a = Values.normalize(arg);
        return link ? procshell.runtime.otp.GenServer.startLink(server, a, so)
                : procshell.runtime.otp.GenServer.start(server, a, so);
    }

    /**
     * Calls a server and waits up to 5000 ms, as {@code GenServer.call/2}.
     *
     * @throws procshell.runtime.process.ExitException as Elixir's exits:
     *         {@code ** (exit) exited in: GenServer.call(server, request, 5000)}
     */
    @Doc("""
        Makes a synchronous call to the server and waits for its reply.

        server is a pid, a registered name, {name, node} or a {:via, module, term}
        tuple. The timeout (default 5000 ms, or :infinity) ends the wait with an
        exit: the caller exits with {:timeout, {GenServer, :call, [server, request,
        timeout]}}; a server that is not alive exits the caller with :noproc.

        ## Examples

            ps> GenServer.call(HelloServer, :hello)
            "hello"
        """)
    public static Object call(Object server, Object request) {
        return call(server, request, 5000);
    }

    /** As {@code GenServer.call/3}; the timeout is ms or {@code :infinity}. */
    public static Object call(Object server, Object request, Object timeout) {
        IexSession s = IexSession.current();
        return procshell.runtime.otp.GenServer.call(s.modules().nameTerm(server), Values.normalize(request), Options.timeout(timeout, 5000));
    }

    /** As {@code GenServer.cast/2}: always {@code :ok}. */
    @Doc("""
        Sends an asynchronous request to the server; always returns :ok.

        The server handles it in handle_cast/2. Nothing is reported if the server
        does not exist or crashes.
        """)
    public static Atom cast(Object server, Object request) {
        IexSession s = IexSession.current();
        return procshell.runtime.otp.GenServer.cast(s.modules().nameTerm(server), Values.normalize(request));
    }

    /** As {@code GenServer.reply/2}. */
    @Doc("""
        Replies to a client from inside a server, for a call answered later.

        from is the second argument handle_call/3 received; returns :ok.
        """)
    public static Atom reply(Object from, Object reply) {
        return procshell.runtime.otp.GenServer.reply((Tuple) Values.normalize(from), Values.normalize(reply));
    }

    /** As {@code GenServer.stop/1}: reason {@code :normal}, timeout infinity. */
    @Doc("""
        Stops the server synchronously with the given reason (default :normal).

        terminate/2 runs first; returns :ok, or exits when the server is not alive or
        does not stop within the timeout (default :infinity).
        """)
    public static Atom stop(Object server) {
        return stop(server, Atom.NORMAL, Atom.INFINITY);
    }

    /** As {@code GenServer.stop/2}. */
    public static Atom stop(Object server, Object reason) {
        return stop(server, reason, Atom.INFINITY);
    }

    /** As {@code GenServer.stop/3}. */
    public static Atom stop(Object server, Object reason, Object timeout) {
        IexSession s = IexSession.current();
        return procshell.runtime.otp.GenServer.stop(s.modules().nameTerm(server), Values.normalize(reason), Options.timeout(timeout, -1));
    }

    /**
     * The pid of a server, or nil, as {@code GenServer.whereis/1}: {@code {name, node}} of this
     * node is the local name's pid, of another node the tuple itself.
     */
    @Doc("""
        Returns the pid of a server given its name, or nil when nobody has the name.

        Accepts the same forms as call/3: a pid, an atom, {name, node} (of another
        node: returned as it is) or a via tuple.
        """)
    public static Object whereis(Object server) {
        IexSession s = IexSession.current();
        Object term = s.modules().nameTerm(server);
        if (term instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Atom name && t.get(1) instanceof Atom node
                && !Atom.GLOBAL.equals(name) && !Atom.VIA.equals(name)) {
            // {name, node} of another node is its own answer, as Elixir's (no lookup crosses nodes)
            return node.equals(Node.self()) ? Process.whereis(name) : t;
        }
        return procshell.runtime.otp.GenServer.whereis(term);
    }

    /** {@code GenServer.abcast/2}: casts to the server registered as {@code name} on this node and every connected one. */
    @Doc("""
        Casts the request to the server registered under name on each of the nodes
        (default: this node and every connected one); returns :abcast. Nodes or
        names that do not exist are ignored.
        """)
    public static Atom abcast(Object name, Object request) {
        return abcast(allNodes(), name, request);
    }

    /** {@code GenServer.abcast/3}. */
    public static Atom abcast(Object nodes, Object name, Object request) {
        Object given = IexSession.current().modules().nameTerm(name);
        Atom n = given == null ? null : Args.bifAtom(given, "1st"); // (nil is an atom: a name no server has)
        Object r = Values.normalize(request);
        for (Atom node : nodeList(nodes)) procshell.runtime.otp.GenServer.cast(node.equals(Node.self()) ? n : Tuple.of(n, node), r);
        return Atom.of("abcast");
    }

    /** {@code GenServer.multi_call/2}. */
    @Doc("""
        Calls the server registered under name on each of the nodes (default: this
        node and every connected one) and collects the replies: {replies, bad_nodes},
        replies a keyword list of node => reply, bad_nodes the nodes where there was
        no such server, it did not answer within the timeout (default :infinity), or
        the node is not connected.
        """)
    public static Tuple multi_call(Object name, Object request) {
        return multi_call(allNodes(), name, request, Atom.INFINITY);
    }

    /** {@code GenServer.multi_call/3}. */
    public static Tuple multi_call(Object nodes, Object name, Object request) {
        return multi_call(nodes, name, request, Atom.INFINITY);
    }

    /** {@code GenServer.multi_call/4}. */
    public static Tuple multi_call(Object nodes, Object name, Object request, Object timeout) {
        Object given = IexSession.current().modules().nameTerm(name);
        if (given != null && !(given instanceof Atom)) {
            // gen_server.erl's multi_call/4 takes an atom name (nil is one: a name no server has)
            throw new FunctionClauseError(":gen_server.multi_call/4",
                    java.util.Arrays.asList(new java.util.ArrayList<Object>(nodeList(nodes)), given, Values.normalize(request), Values.normalize(timeout)),
                    java.util.List.of("(stdlib 4.2) gen_server.erl:679: :gen_server.multi_call/4"));
        }
        Atom n = (Atom) given;
        Object r = Values.normalize(request);
        long ms = Options.timeout(timeout, -1);
        java.util.List<Tuple> replies = new java.util.ArrayList<>();
        java.util.List<Atom> bad = new java.util.ArrayList<>();
        for (Atom node : nodeList(nodes)) {
            Object server = node.equals(Node.self()) ? n : Tuple.of(n, node);
            try {
                replies.add(Tuple.of(node, procshell.runtime.otp.GenServer.call(server, r, ms)));
            } catch (procshell.runtime.process.ExitException e) {
                bad.add(node);
            }
        }
        return Tuple.of(replies, bad);
    }

    private static java.util.List<Atom> allNodes() {
        java.util.List<Atom> all = new java.util.ArrayList<>();
        all.add(Node.self());
        all.addAll(Node.list());
        return all;
    }

    private static java.util.List<Atom> nodeList(Object nodes) {
        Object v = Values.normalize(nodes);
        if (v instanceof java.util.List<?> l && l.stream().allMatch(Atom.class::isInstance)) {
            return l.stream().map(Atom.class::cast).toList();
        }
        throw new FunctionClauseError("GenServer.multi_call", 4);
    }

    // ---- the defaults of use GenServer, called by compiled modules -------------------------------

    /**
     * The default {@code handle_info/2} of {@code use GenServer}: logs {@code Mod name received
     * unexpected message in handle_info/2: msg} and keeps the state.
     *
     * @return {@code {:noreply, state}}
     */
    public static Object _default_handle_info(Object module, Object message, Object state) {
        procshell.runtime.process.ProcessContext self = procshell.runtime.process.ProcessContext.require();
        Map<String, Object> report = new java.util.LinkedHashMap<>();
        report.put("module", module);
        report.put("name", ownName(self));
        report.put("message", Values.normalize(message));
        self.node().events().publishCrash(Atom.of("unexpected_message"), self.self(), report);
        return Tuple.of(Atom.of("noreply"), state);
    }

    /** The default {@code handle_call/3}: raises as Elixir's, from {@code lib/gen_server.ex:787}. */
    public static Object _default_handle_call(Object module, Object message, Object from, Object state) {
        throw missing(module, "call", "handle_call", 3, 787);
    }

    /** The default {@code handle_cast/2}: raises as Elixir's, from {@code lib/gen_server.ex:832}. */
    public static Object _default_handle_cast(Object module, Object message, Object state) {
        throw missing(module, "cast", "handle_cast", 2, 832);
    }

    private static CallbackMissingError missing(Object module, String verb, String callback, int arity, int line) {
        Object proc = ownName(procshell.runtime.process.ProcessContext.require());
        CallbackMissingError e = new CallbackMissingError("attempted to " + verb + " GenServer " + Kernel.inspect(proc) + " but no "
                + callback + "/" + arity + " clause was provided", "lib/gen_server.ex:" + line + ": " + Kernel.inspect(module) + "." + callback + "/" + arity);
        // the compiled default's own frame is the lib/gen_server.ex line: drop it and what lies above
        StackTraceElement[] st = e.getStackTrace();
        for (int i = 0; i < st.length; i++) {
            if (st[i].getMethodName().equals(callback) && st[i].getFileName() != null && st[i].getFileName().startsWith("iex")) {
                e.setStackTrace(java.util.Arrays.copyOfRange(st, i + 1, st.length));
                break;
            }
        }
        return e;
    }

    /** The registered name of the calling process, else its pid. */
    private static Object ownName(procshell.runtime.process.ProcessContext self) {
        Atom name = self.process().registeredName();
        return name != null ? name : self.self();
    }
}
