package procshell.shell.iex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import groovy.lang.Binding;
import groovy.lang.Closure;
import procshell.runtime.inspect.Inspect;
import procshell.runtime.inspect.InspectOptions;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Ref;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.Mailbox;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.process.SpawnOptions;
import procshell.runtime.table.Table;
import procshell.runtime.table.TermCompare;
import procshell.runtime.table.Tables;
import procshell.shell.eval.Values;

/**
 * The functions every input can call without a module, as Elixir's {@code Kernel} and iex's
 * helpers: {@code self()}, {@code send}, {@code spawn}, {@code receive}, {@code flush()},
 * {@code pid("0.1.0")}, {@code make_ref()}, {@code exit}, {@code raise}, {@code inspect},
 * {@code tuple(...)}, {@code elem}, {@code v(n)}, {@code i(term)}, {@code h()}, and Observer's
 * Table Viewer as text: {@code tables()} and {@code table(name)}. Statically
 * imported into every compiled input, class bodies included.
 *
 * <p>Names starting and ending with {@code _} ({@code _atom_}, {@code _h_}) are not Elixir's:
 * the shell's own plumbing, hidden from completion and {@code h()}.
 */
public final class Kernel {
    private Kernel() {}

    // ---- plumbing -----------------------------------------------------------------------------

    /** The atom {@code :name}, added to the node's atom table as the BEAM does when code is loaded. */
    public static Atom _atom_(String name) {
        ProcessContext c = ProcessContext.current();
        return c == null ? Atom.of(name) : c.node().atoms().intern(name);
    }

    // ---- guards and list functions ------------------------------------------------------------

    /**
     * The first element of a list, as {@code hd/1}.
     *
     * @throws IllegalArgumentException when the list is empty or not a list, as Elixir's ArgumentError
     */
    @Doc("""
        Returns the head of a list; raises ArgumentError for an empty list.
        """)
    public static Object hd(Object list) {
        if (list instanceof procshell.runtime.dist.ImproperList il) return il.elements().get(0);
        if (!(Values.normalize(list) instanceof List<?> l) || l.isEmpty()) throw new BifErrors(":erlang.hd", Values.normalize(list)).fail(1, "not a nonempty list");
        return l.get(0);
    }

    /**
     * The list without its first element, as {@code tl/1}.
     *
     * @throws IllegalArgumentException when the list is empty or not a list, as Elixir's ArgumentError
     */
    @Doc("""
        Returns the tail of a list; raises ArgumentError for an empty list.
        """)
    public static Object tl(Object list) {
        if (list instanceof procshell.runtime.dist.ImproperList) return procshell.runtime.term.ListCells.drop(list, 1);
        if (!(Values.normalize(list) instanceof List<?> l) || l.isEmpty()) throw new BifErrors(":erlang.tl", Values.normalize(list)).fail(1, "not a nonempty list");
        return procshell.runtime.term.ConsList.drop(l, 1);
    }

    /** Whether the term is a list, as {@code is_list/1}. */
    @Doc("""
        Returns true if the term is a list.
        """)
    public static boolean is_list(Object term) {
        return Erlang.is_list(term);
    }

    /** Whether the term is a map, as {@code is_map/1}. */
    @Doc("""
        Returns true if the term is a map.
        """)
    public static boolean is_map(Object term) {
        return Erlang.is_map(term);
    }

    /** Whether the term is a tuple, as {@code is_tuple/1}. */
    @Doc("""
        Returns true if the term is a tuple.
        """)
    public static boolean is_tuple(Object term) {
        return Erlang.is_tuple(term);
    }

    /** Whether the term is an integer, as {@code is_integer/1}. */
    @Doc("""
        Returns true if the term is an integer.
        """)
    public static boolean is_integer(Object term) {
        return Erlang.is_integer(term);
    }

    /** Whether the term is a float, as {@code is_float/1}. */
    @Doc("""
        Returns true if the term is a float.
        """)
    public static boolean is_float(Object term) {
        return Erlang.is_float(term);
    }

    /** Whether the term is a number, as {@code is_number/1}. */
    @Doc("""
        Returns true if the term is an integer or a float.
        """)
    public static boolean is_number(Object term) {
        return Erlang.is_number(term);
    }

    // ---- integer and float functions (procshell.shell.eval.Arithmetic has the semantics) --------

    /**
     * Integer division truncated towards zero, as {@code div/2}.
     *
     * @throws ArithmeticError for a zero divisor or an operand that is not an integer
     */
    @Doc("""
        Performs an integer division, truncated towards zero; both arguments must be integers.

        ## Examples

            ps> div(5, 2)
            2
            ps> div(-5, 2)
            -2
        """)
    public static Number div(Object dividend, Object divisor) {
        return procshell.shell.eval.Arithmetic.div(dividend, divisor);
    }

    /**
     * The remainder of {@link #div}, with the dividend's sign, as {@code rem/2}.
     *
     * @throws ArithmeticError for a zero divisor or an operand that is not an integer
     */
    @Doc("""
        Computes the remainder of an integer division; the result has the sign of the dividend.

        ## Examples

            ps> rem(5, 2)
            1
            ps> rem(-5, 2)
            -1
        """)
    public static Number rem(Object dividend, Object divisor) {
        return procshell.shell.eval.Arithmetic.rem(dividend, divisor);
    }

    /**
     * The nearest integer, halves away from zero, as {@code round/1}.
     *
     * @throws IllegalArgumentException (ArgumentError) when the term is not a number
     */
    @Doc("""
        Rounds a number to the nearest integer; halves are rounded away from zero.

        ## Examples

            ps> round(5.6)
            6
            ps> round(-5.5)
            -6
        """)
    public static Number round(Object number) {
        return procshell.shell.eval.Arithmetic.round(number);
    }

    /**
     * The integer part of a number, as {@code trunc/1}.
     *
     * @throws IllegalArgumentException (ArgumentError) when the term is not a number
     */
    @Doc("""
        Returns the integer part of a number.

        ## Examples

            ps> trunc(5.4)
            5
            ps> trunc(-5.99)
            -5
        """)
    public static Number trunc(Object number) {
        return procshell.shell.eval.Arithmetic.trunc(number);
    }

    /**
     * The absolute value, an integer for an integer and a float for a float, as {@code abs/1}.
     *
     * @throws IllegalArgumentException (ArgumentError) when the term is not a number
     */
    @Doc("""
        Returns the absolute value of a number.

        ## Examples

            ps> abs(-3.33)
            3.33
            ps> abs(-3)
            3
        """)
    public static Number abs(Object number) {
        return procshell.shell.eval.Arithmetic.abs(number);
    }

    /** The greater of two terms in Erlang's term order, the first when they are equal, as {@code max/2}. */
    @Doc("""
        Returns the greater of two terms in term order; the first when they compare equal.

        ## Examples

            ps> max(1, 2.0)
            2.0
            ps> max(:a, 1)
            :a
        """)
    public static Object max(Object first, Object second) {
        return procshell.runtime.inspect.Inspect.compare(Values.normalize(first), Values.normalize(second)) >= 0 ? first : second;
    }

    /** The smaller of two terms in Erlang's term order, the first when they are equal, as {@code min/2}. */
    @Doc("""
        Returns the smaller of two terms in term order; the first when they compare equal.

        ## Examples

            ps> min(1, 1.0)
            1
        """)
    public static Object min(Object first, Object second) {
        return procshell.runtime.inspect.Inspect.compare(Values.normalize(first), Values.normalize(second)) <= 0 ? first : second;
    }

    /** Whether the term is a binary (a string, or bytes that are no UTF-8), as {@code is_binary/1}. */
    @Doc("""
        Returns true if the term is a binary (a bitstring whose size is a multiple of 8 bits).
        """)
    public static boolean is_binary(Object term) {
        return procshell.runtime.node.Bitstring.isBinary(term);
    }

    /** Whether the term is true or false, as {@code is_boolean/1}. */
    @Doc("""
        Returns true if the term is true or false.
        """)
    public static boolean is_boolean(Object term) {
        return Erlang.is_boolean(term);
    }

    /** Whether the term is nil, as {@code is_nil/1}. */
    @Doc("""
        Returns true if the term is nil.
        """)
    public static boolean is_nil(Object term) {
        return term == null;
    }

    /** Whether the term is a function (a closure), as {@code is_function/1}. */
    @Doc("""
        Returns true if the term is a function (a closure).
        """)
    public static boolean is_function(Object term) {
        return Erlang.is_function(term);
    }

    /**
     * Whether the term is a function of this arity, as {@code is_function/2}.
     *
     * @throws ArgumentError when the arity is not a non-negative integer (the BEAM's badarg)
     */
    @Doc("""
        Returns true if the term is a function that can be applied with arity arguments.
        """)
    public static boolean is_function(Object term, Object arity) {
        return Erlang.is_function(term, arity);
    }

    /** Whether the term is a reference, as {@code is_reference/1}. */
    @Doc("""
        Returns true if the term is a reference.
        """)
    public static boolean is_reference(Object term) {
        return Erlang.is_reference(term);
    }

    /**
     * The number of entries of a map, as {@code map_size/1}.
     *
     * @throws BadMapError when the term is not a map
     */
    @Doc("""
        Returns the number of entries of a map.
        """)
    public static int map_size(Object map) {
        return ElixirMap.size(map);
    }

    // ---- processes ----------------------------------------------------------------------------

    private static ProcessContext ctx() {
        return ProcessContext.require();
    }

    /** The calling process's pid, as {@code self/0}. */
    @Doc("""
        Returns the pid of the calling process (at the prompt, the shell's).

        ## Examples

            ps> self()
            #PID<0.105.0>
        """)
    public static Pid self() {
        return ctx().self();
    }

    /** The node's name, as {@code node/0}. */
    @Doc("""
        Returns the name of the local node (:nonode@nohost unless distributed).
        """)
    public static Atom node() {
        return ctx().node().name();
    }

    /** The node a pid lives on, as {@code node/1}. */
    public static Atom node(Pid pid) {
        return procshell.shell.iex.Node.of(pid);
    }

    /**
     * Sends a message, as {@code send/2} (the BIF {@code :erlang.send/2}).
     *
     * @param dest a pid, a registered name (atom or module) or {@code {name, node}}; like the
     *             BIF, not a {@code {:via, module, name}} or {@code {:global, name}} tuple (call
     *             the via module's {@code send/2}, or {@code GenServer.cast/2}, for those)
     * @return the message
     * @throws IllegalArgumentException ({@code invalid destination}) when a name is not
     *         registered or the destination is not one of the above
     */
    @Doc("""
        Sends a message to a pid, a registered name or a via tuple; returns the message.

        ## Examples

            ps> send(self(), :hello)
            :hello
        """)
    public static Object send(Object dest, Object message) {
        IexSession s = IexSession.current();
        Object to = s.modules().nameTerm(dest);
        if (to instanceof Tuple t && t.isTagged(Atom.VIA, 3)) {
            throw ArgumentError.badArgument("1st argument: invalid destination", ":erlang.send(" + inspect(to) + ", " + inspect(message) + ")");
        }
        try {
            return ctx().send(to, Values.normalize(message));
        } catch (IllegalArgumentException e) {
            throw new ArgumentError(e.getMessage(), List.of(":erlang.send(" + inspect(to) + ", " + inspect(message) + ")"));
        }
    }

    /** Spawns a process running the closure, as {@code spawn/1}. */
    @Doc("""
        Spawns a process running the function and returns its pid.

        ## Examples

            ps> pid = spawn(fn -> receive do msg -> IO.puts("got #{msg}") end end)
            #PID<0.110.0>
            ps> send(pid, :hi)
            got hi
            :hi
        """)
    public static Pid spawn(Object fun) {
        Closure<?> f = Args.bifFun(fun, ":erlang.spawn");
        return ctx().node().spawn(self -> f.call(), SpawnOptions.DEFAULT.withInitialCall(funInitialCall()));
    }

    /** Spawns a process linked to the caller, as {@code spawn_link/1}. */
    @Doc("""
        Spawns a process running the function, linked to the caller; returns its pid.

        If the process exits abnormally, the shell process exits with it (and a new
        shell process takes over, as in iex).
        """)
    public static Pid spawn_link(Object fun) {
        Closure<?> f = Args.bifFun(fun, ":erlang.spawn_link");
        return ctx().node().spawn(self -> f.call(), SpawnOptions.LINK.withInitialCall(funInitialCall()));
    }

    /** Spawns a process monitored by the caller, as {@code spawn_monitor/1}: {@code {pid, ref}}. */
    @Doc("""
        Spawns the function in a new process monitored by the caller; returns
        {pid, ref}. When the process exits, the caller receives
        {:DOWN, ref, :process, pid, reason}.
        """)
    public static Tuple spawn_monitor(Object fun) {
        return Process.spawnMonitor(Args.bifFun(fun, ":erlang.spawn_monitor"));
    }

    /** {@code spawn_monitor(module, function, args)}. */
    public static Tuple spawn_monitor(Object module, Object function, Object args) {
        return Process.spawnMonitor(module, function, args);
    }

    private static Tuple funInitialCall() {
        return Tuple.of(Atom.of("erlang"), Atom.of("apply"), 2);
    }

    /** Waits for the next message, forever, as {@code receive do msg -> msg end}. */
    @Doc("""
        Takes the first message from the caller's mailbox that a clause matches.

            receive do
              pattern [when guard] -> body
              ...
            after
              ms -> body
            end

        Messages no clause matches stay queued, in order (selective receive).
        Without after it waits forever; after 0 only looks at the mailbox.
        A process loop is a function that receives and calls itself last, as on
        the BEAM: def loop(n), do: receive(do: (:inc -> loop(n + 1))) runs in
        constant stack, however many messages it takes.

        ## Examples

            ps> send(self(), {:a, 1}); send(self(), :b)
            :b
            ps> receive do {:a, x} -> x end
            1
            ps> receive do :c -> :c after 0 -> :nothing end
            :nothing
            ps> flush()
            :b
            :ok
        """)
    public static Object receive() {
        return ctx().receive();
    }

    /**
     * Waits up to {@code timeoutMs} for the next message.
     *
     * @return the message, or nil when none came in time ({@code after})
     */
    public static Object receive(long timeoutMs) {
        Object m = ctx().receive(timeoutMs);
        return m == Mailbox.TIMEOUT ? null : m;
    }

    /**
     * Selective receive: the oldest message for which {@code match} is true; others stay queued.
     *
     * @return the message, or nil when none matched in time
     */
    public static Object receive(long timeoutMs, Closure<?> match) {
        Object m = ctx().receive(msg -> org.codehaus.groovy.runtime.DefaultGroovyMethods.asBoolean(match.call(msg)), timeoutMs);
        return m == Mailbox.TIMEOUT ? null : m;
    }

    /** Prints and removes every message in the caller's mailbox, as iex's {@code flush/0}; returns {@code :ok}. */
    @Doc("""
        Prints and drops every message in the shell's mailbox; returns :ok.
        """)
    public static Atom flush() {
        IexSession s = IexSession.current();
        Object m;
        while ((m = ctx().receive(0)) != Mailbox.TIMEOUT) {
            s.out().println(s.inspect(m));
        }
        s.out().flush();
        return Atom.OK;
    }

    /**
     * The pid printed {@code #PID<0.123.0>}, from {@code "0.123.0"} or {@code "<0.123.0>"}, as iex's {@code pid/1}.
     *
     * @throws IllegalArgumentException when the text is not three dot-separated numbers
     */
    @Doc("""
        Creates a pid from a string "0.123.0" (or the three numbers).

        ## Examples

            ps> pid("0.123.0")
            #PID<0.123.0>
        """)
    public static Pid pid(String text) {
        String t = text.trim();
        if (t.startsWith("#PID")) t = t.substring(4);
        if (t.startsWith("<") && t.endsWith(">")) t = t.substring(1, t.length() - 1);
        String[] parts = t.split("\\.");
        String iexLine = "(iex 1.14.0) lib/iex/helpers.ex:1249: IEx.Helpers.pid/1";
        if (parts.length != 3) throw notAPid("<" + t + ">", iexLine);
        try {
            return pid(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), Integer.parseInt(parts[2]), iexLine);
        } catch (NumberFormatException e) {
            throw notAPid("<" + t + ">", iexLine);
        }
    }

    /** iex's error for a pid that is no pid: {@code :erlang.list_to_pid/1}'s ArgumentError, with its stack lines. */
    private static ArgumentError notAPid(String text, String iexLine) {
        return new ArgumentError("errors were found at the given arguments:\n\n  * 1st argument: not a textual representation of a pid\n",
                List.of(":erlang.list_to_pid('" + text + "')", iexLine));
    }

    /** The pid {@code #PID<a.b.c>}, as iex's {@code pid/3}. */
    public static Pid pid(int nodeIndex, long number, int serial) {
        return pid(nodeIndex, number, serial, "(iex 1.14.0) lib/iex/helpers.ex:1273: IEx.Helpers.pid/3");
    }

    private static Pid pid(int nodeIndex, long number, int serial, String iexLine) {
        if (nodeIndex < 0 || number < 0 || serial < 0 || number > 0x7fffffffL || serial > 0x1fff) {
            throw notAPid("<" + nodeIndex + "." + number + "." + serial + ">", iexLine);
        }
        return ctx().node().pid(nodeIndex, number, serial);
    }

    /** A new reference, as {@code make_ref/0}. */
    @Doc("""
        Returns a new unique reference.
        """)
    public static Ref make_ref() {
        return ctx().node().makeRef();
    }

    /**
     * Exits the calling process, as {@code exit/1}; at the prompt iex prints {@code ** (exit) reason}.
     *
     * @throws ExitException always
     */
    @Doc("""
        Exits the calling process with the given reason.
        """)
    public static Object exit(Object reason) {
        throw new ExitException(Values.normalize(reason), true);
    }

    /**
     * Raises, as Elixir's {@code raise/1}: a message raises a RuntimeError with it
     * ({@code raise "oops"}), an exception class raises it with its default message
     * ({@code raise ArgumentError} prints {@code ** (ArgumentError) argument error}), an
     * exception is raised as it is.
     *
     * @throws RuntimeException always
     */
    @Doc("""
        Raises a RuntimeError with the message, or the given exception.

        ## Examples

            ps> raise "boom"
            ** (RuntimeError) boom
        """)
    public static Object raise(Object message) {
        if (message instanceof RuntimeException e) throw e;
        if (message instanceof Class<?> c && Throwable.class.isAssignableFrom(c)) {
            throw exception(c, null);
        }
        throw new RuntimeException(String.valueOf(Values.normalize(message)));
    }

    /**
     * Raises an exception of the given class with a message, as Elixir's
     * {@code raise ArgumentError, "bad"} or {@code raise ArgumentError, [message: "bad"]}; the
     * Elixir names {@code ArgumentError}, {@code RuntimeError} and {@code KeyError} are classes of
     * this package.
     *
     * @param exception an exception class
     * @param message the message, or a keyword list or map with a {@code :message} entry
     * @throws RuntimeException always (the given class when it has a String constructor)
     */
    public static Object raise(Class<?> exception, Object message) {
        throw exception(exception, messageOf(message));
    }

    /**
     * {@code raise(ArgumentError, message: "bad")}: Groovy passes the named arguments first.
     *
     * @param options the named arguments, {@code message:} among them
     * @param exception an exception class
     * @throws RuntimeException always
     */
    public static Object raise(Map<?, ?> options, Class<?> exception) {
        throw exception(exception, messageOf(options));
    }

    /** The message of {@code raise}'s second argument: a string, or the :message of options. */
    private static String messageOf(Object message) {
        Object m = Values.normalize(message);
        if (m instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if ("message".equals(String.valueOf(e.getKey())) || _atom_("message").equals(e.getKey())) {
                    return StringChars.text(e.getValue());
                }
            }
            return null;
        }
        if (m instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Tuple) {
            for (Object o : list) {
                if (o instanceof Tuple t && t.size() == 2 && _atom_("message").equals(t.get(0))) {
                    return StringChars.text(t.get(1));
                }
            }
            return null;
        }
        return m instanceof String s ? s : StringChars.text(m);
    }

    /** An exception of the class with the message (its default when null), as {@code raise} makes it. */
    static RuntimeException exception(Class<?> exception, String message) {
        try {
            if (message == null) {
                try {
                    return (RuntimeException) exception.getConstructor().newInstance();
                } catch (NoSuchMethodException e) {
                    message = exception.getSimpleName();
                }
            }
            return (RuntimeException) exception.getConstructor(String.class).newInstance(message);
        } catch (ReflectiveOperationException | ClassCastException x) {
            return new RuntimeException(String.valueOf(message));
        }
    }

    /**
     * Calls {@code module.function(args...)}, as Elixir's {@code Kernel.apply/3}: the module is a
     * class typed at the prompt, a shell module such as {@code IO} or {@code GenServer}, or an
     * Erlang module ({@code :erlang}); the function is an atom ({@code :alive?} calls
     * {@code alive?}).
     *
     * <pre>{@code
     * apply(IO, :inspect, ["world"])               # prints "world", returns "world"
     * apply(HelloServer, :start_link, [123])      # {:ok, #PID<0.150.0>}
     * apply(:erlang, :system_info, [:atom_limit]) # 1048576
     * }</pre>
     *
     * @return what the function returns
     * @throws IllegalArgumentException when the module or the function is not an atom, or args not a list
     * @throws UndefinedFunctionError when the module is not available
     */
    @Doc("""
        Calls the function of the module with a list of arguments (or a function
        with a list of arguments).

        ## Examples

            ps> apply(Enum, :reverse, [[1, 2, 3]])
            [3, 2, 1]
        """)
    public static Object apply(Object module, Object function, Object args) {
        IexSession s = IexSession.current();
        Object m = s.modules().nameTerm(module);
        Object f = Values.normalize(function);
        Object a = s.modules().nameTerm(args);
        if (!(m instanceof Atom mod)) throw new IllegalArgumentException("errors were found at the given arguments:\n\n  * 1st argument: not an atom\n");
        if (!(f instanceof Atom fun)) throw new IllegalArgumentException("errors were found at the given arguments:\n\n  * 2nd argument: not an atom\n");
        if (!(a instanceof List<?> list)) throw new IllegalArgumentException("errors were found at the given arguments:\n\n  * 3rd argument: not a list\n");
        String name = Modules.javaName(fun.name());
        Object[] argv = list.toArray();
        Object v = byName(mod, fun.name(), argv);
        if (v != NOT_OPERATOR) return v;
        Class<?> cls = s.modules().classOf(mod);
        if (cls == null && !mod.name().startsWith("Elixir.")) {
            Object erl = ErlangModules.lookup(mod.name());
            if (erl instanceof Class<?> c) cls = c;
            else return Values.normalize(org.codehaus.groovy.runtime.InvokerHelper.invokeMethod(erl, name, argv));
        }
        if (cls == null) {
            throw new UndefinedFunctionError("function " + inspect(mod) + "." + fun.name() + "/" + argv.length
                    + " is undefined (module " + inspect(mod) + " is not available)");
        }
        if (s.modules().isDefined(mod)) {
            Object info = ModuleInfo.call(mod, cls, name, argv); // __info__/1, module_info/0,1
            if (info != ModuleInfo.NONE) return info;
        }
        return Values.normalize(org.codehaus.groovy.runtime.InvokerHelper.invokeStaticMethod(cls, name, argv));
    }

    /** {@link #byName}'s answer for any other call: a function of the module's class (this class's own for Kernel). */
    static final Object NOT_OPERATOR = new Object();

    private static final Atom KERNEL = Atom.module("Kernel");

    /**
     * {@code module.name(args)} called at run time ({@code apply/3}, a module in a variable) when
     * the module is Kernel and the name no function of this class: an operator, whose code is
     * {@link Ops}'s ({@code Kernel.+/2} is a function on the BEAM), or one of Kernel's macros,
     * which no such call reaches on the BEAM either ({@link KernelMacros}).
     *
     * @return the operator's value, or {@link #NOT_OPERATOR} for any other call
     * @throws UndefinedFunctionError for a macro, worded as Elixir's
     */
    static Object byName(Atom module, String name, Object[] argv) {
        if (module != KERNEL) return NOT_OPERATOR;
        if (procshell.shell.elixir.ElixirExports.isKernelMacro(name, argv.length)) throw KernelMacros.applied(name, argv);
        String op = argv.length == 2 ? Operators.binary(name) : argv.length == 1 ? Operators.unary(name) : null;
        if (op == null) return NOT_OPERATOR;
        return Values.normalize(org.codehaus.groovy.runtime.InvokerHelper.invokeStaticMethod(Ops.class, op, argv));
    }

    /**
     * Calls a function with a list of arguments, as Elixir's {@code Kernel.apply/2}.
     *
     * <pre>{@code apply(fn x, y -> x + y end, [1, 2])   # 3}</pre>
     *
     * @return what the function returns
     */
    public static Object apply(Closure<?> fun, List<?> args) {
        if (fun == null) throw new BadFunctionError(null);
        return Values.normalize(fun.call(args.toArray()));
    }

    /** The term as Elixir's {@code inspect/1} prints it. */
    @Doc("""
        Returns the term as iex prints it, as a string.
        """)
    public static String inspect(Object term) {
        return procshell.runtime.inspect.Inspect.inspect(Values.normalize(term));
    }

    /** The term as {@code inspect/2} prints it with options (limit:, pretty:, width:, charlists:, ...). */
    public static String inspect(Object term, Object options) {
        return procshell.runtime.inspect.Inspect.inspect(Values.normalize(term),
                InspectOpts.from(options, procshell.runtime.inspect.InspectOptions.DEFAULT));
    }

    // ---- more guards and built-ins ------------------------------------------------------------

    /** Whether the map has the key, as {@code is_map_key/2}; BadMapError for a non-map. */
    @Doc("""
        Returns true if the map has the key.
        """)
    public static boolean is_map_key(Object map, Object key) {
        return ElixirMap.has_key_qm(map, key);
    }

    /** Whether the term is a bitstring (a binary or any number of bits), as {@code is_bitstring/1}. */
    @Doc("""
        Returns true if the term is a bitstring (binaries included).
        """)
    public static boolean is_bitstring(Object term) {
        return procshell.runtime.node.Bitstring.isBitstring(term);
    }

    /** Whether the term is a struct, as {@code is_struct/1}. */
    @Doc("""
        Returns true if the term is a struct (of the given module, if any).
        """)
    public static boolean is_struct(Object term) {
        return Structs.structOf(term) != null && Structs.structOf(term).name().startsWith("Elixir.");
    }

    /** Whether the term is a struct of the module, as {@code is_struct/2}. */
    public static boolean is_struct(Object term, Object module) {
        return is_struct(term) && Structs.structOf(term).equals(module);
    }

    /** Whether the term is an exception, as {@code is_exception/1}. */
    @Doc("""
        Returns true if the term is an exception.
        """)
    public static boolean is_exception(Object term) {
        return term instanceof Throwable || ExceptionStructs.isStruct(term);
    }

    /** Whether the term is an exception of the module, as {@code is_exception/2}. */
    @Doc("""
        Returns true if the term is an exception of the given name.
        """)
    public static boolean is_exception(Object term, Object name) {
        if (term instanceof Throwable t) {
            return name instanceof Atom a && a.name().equals("Elixir." + procshell.shell.inspect.ErrorFormatter.elixirName(t));
        }
        return ExceptionStructs.isStruct(term) && Structs.structOf(term).equals(name);
    }

    /**
     * A struct of the module (its defaults) or the given struct, with the fields given as a
     * keyword list or map; keys that are no field of the struct are left out, as
     * {@code Kernel.struct/2}.
     *
     * <pre>{@code
     * struct(Point, x: 5)          # %Point{x: 5, y: 0}
     * struct(%Point{}, y: 7)       # %Point{x: 0, y: 7}
     * }</pre>
     *
     * @throws UndefinedFunctionError when the module defines no struct
     */
    @Doc("""
        Creates and updates a struct: struct(Point, x: 1) or struct(%Point{}, x: 1).
        Keys that are not fields of the struct are discarded.
        """)
    public static Object struct(Object struct, Object fields) {
        return fill(struct, fields, false);
    }

    /** As {@link #struct(Object, Object)} with no fields: the module's defaults, or the struct itself. */
    @Doc("""
        Creates and updates a struct: struct(Point, x: 1) or struct(%Point{}, x: 1).
        """)
    public static Object struct(Object struct) {
        return fill(struct, List.of(), false);
    }

    /**
     * As {@link #struct(Object, Object)}, but a key that is no field of the struct raises, as
     * {@code Kernel.struct!/2}.
     *
     * @throws KeyError {@code key :nope not found} for a key that is no field
     */
    @Doc("""
        Similar to struct/2 but checks for key validity: a key that is not a field raises KeyError.
        """)
    public static Object struct_bang(Object struct, Object fields) {
        return fill(struct, fields, true);
    }

    /** As {@link #struct_bang(Object, Object)} with no fields. */
    @Doc("""
        Similar to struct/2 but checks for key validity.
        """)
    public static Object struct_bang(Object struct) {
        return fill(struct, List.of(), true);
    }

    private static Object fill(Object struct, Object fields, boolean strict) {
        Object base = Values.normalize(struct);
        boolean fromModule = !(base instanceof Map<?, ?>);
        Map<?, ?> start = fromModule ? Ops.struct(base) : (Map<?, ?>) base;
        MapTerm out = new MapTerm(start);
        Object given = Values.normalize(fields);
        if (!(given instanceof Map<?, ?> || given instanceof List<?>)) throw Enumerables.notEnumerable("Enumerable", given);
        Iterable<?> pairs = given instanceof Map<?, ?> m ? m.entrySet() : (List<?>) given;
        for (Object p : pairs) {
            Object k;
            Object v;
            if (p instanceof Map.Entry<?, ?> e) {
                k = e.getKey();
                v = e.getValue();
            } else if (p instanceof Tuple t && t.size() == 2) {
                k = t.get(0);
                v = t.get(1);
            } else {
                throw new ArgumentError("argument error");
            }
            if (Structs.STRUCT.equals(k)) continue;
            if (!out.containsKey(k)) {
                if (!strict) continue;
                List<String> frames = fromModule
                        ? List.of("anonymous fn/2 in " + inspect(Structs.structOf(start)) + ".__struct__/1",
                                "(elixir 1.14.0) lib/enum.ex:2468: Enum.\"-reduce/3-lists^foldl/2-0-\"/3",
                                "(elixir 1.14.0) lib/kernel.ex:2336: Kernel.struct!/2")
                        : List.of();
                throw new KeyError("key " + inspect(k) + " not found" + (fromModule ? "" : " in: " + inspect(start)), frames);
            }
            out.put(k, v);
        }
        return out;
    }

    /** The bytes of a binary from {@code start}, {@code length} long, as {@code binary_part/3}. */
    @Doc("""
        Extracts the part of the binary at start with the given length (in bytes).
        """)
    public static Object binary_part(Object binary, Object start, Object length) {
        Object b = Values.normalize(binary);
        if (!procshell.runtime.node.Bitstring.isBitstring(b)) throw ArgumentError.badArgument("1st argument: not a binary");
        // a bitstring's whole bytes
        byte[] bytes = java.util.Arrays.copyOf(procshell.runtime.node.Bitstring.bytes(b), (int) (procshell.runtime.node.Bitstring.bitSize(b) / 8));
        if (!ElixirEnum.isInt(start) || !ElixirEnum.isInt(length)) throw ArgumentError.badArgument("2nd argument: not a valid {start, length} tuple");
        long from = ((Number) start).longValue();
        long len = ((Number) length).longValue();
        if (len < 0) {
            from += len;
            len = -len;
        }
        if (from < 0 || from + len > bytes.length) throw ArgumentError.badArgument("2nd argument: out of range");
        return procshell.runtime.node.Bitstring.of(java.util.Arrays.copyOfRange(bytes, (int) from, (int) (from + len)));
    }

    /** The size of a binary in bits, as {@code bit_size/1}. */
    @Doc("""
        Returns the size of the bitstring in bits.
        """)
    public static Number bit_size(Object binary) {
        Object b = Values.normalize(binary);
        if (!procshell.runtime.node.Bitstring.isBitstring(b)) throw ArgumentError.badArgument("1st argument: not a bitstring");
        return procshell.shell.eval.Arithmetic.integer(java.math.BigInteger.valueOf(procshell.runtime.node.Bitstring.bitSize(b)));
    }

    /** The smallest integer not below the number, as {@code ceil/1}. */
    @Doc("""
        Returns the smallest integer greater than or equal to the number.
        """)
    public static Number ceil(Object number) {
        if (ElixirEnum.isInt(number) || number instanceof java.math.BigInteger) return (Number) number;
        if (!(number instanceof Double d)) throw ArgumentError.badArgument("1st argument: not a number");
        return procshell.shell.eval.Arithmetic.integer(new java.math.BigDecimal(Math.ceil(d)).toBigInteger());
    }

    /** The largest integer not above the number, as {@code floor/1}. */
    @Doc("""
        Returns the largest integer smaller than or equal to the number.
        """)
    public static Number floor(Object number) {
        if (ElixirEnum.isInt(number) || number instanceof java.math.BigInteger) return (Number) number;
        if (!(number instanceof Double d)) throw ArgumentError.badArgument("1st argument: not a number");
        return procshell.shell.eval.Arithmetic.integer(new java.math.BigDecimal(Math.floor(d)).toBigInteger());
    }

    /** The term as a charlist, as {@code to_charlist/1} ({@code List.Chars}). */
    @Doc("""
        Converts the term (a string, atom, number or charlist) to a charlist.
        """)
    public static List<Object> to_charlist(Object term) {
        Object t = Values.normalize(term);
        if (t instanceof List<?>) return ElixirString.to_charlist(StringChars.text(t));
        if (t instanceof Tuple || t instanceof Map<?, ?> || t instanceof Pid || t instanceof Ref) {
            throw Enumerables.notEnumerable("List.Chars", t);
        }
        return ElixirString.to_charlist(StringChars.text(t));
    }

    /** Whether the module exports the function with that arity, as {@code function_exported?/3}. */
    @Doc("""
        Returns true if the module is loaded and exports the function with the arity.
        """)
    public static boolean function_exported_qm(Object module, Object function, Object arity) {
        if (!(module instanceof Atom m) || !(function instanceof Atom f) || !ElixirEnum.isInt(arity)) {
            throw ArgumentError.badArgument("1st argument: not an atom");
        }
        String typed = m.name().startsWith("Elixir.") ? m.name().substring(7) : ":" + m.name();
        ShellModules.Module found = ShellModules.find(typed);
        if (found != null) {
            for (ShellModules.Function fn : found.functions()) {
                if (fn.name().equals(f.name()) && fn.arity() == ((Number) arity).intValue()) return true;
            }
            return false;
        }
        Class<?> c = IexSession.current().modules().classOf(m);
        if (c == null) return false;
        for (java.lang.reflect.Method x : c.getMethods()) {
            if (java.lang.reflect.Modifier.isStatic(x.getModifiers()) && x.getName().equals(Modules.javaName(f.name()))
                    && x.getParameterCount() == ((Number) arity).intValue()) return true;
        }
        return false;
    }

    // ---- nested access ------------------------------------------------------------------------

    /** The value at a path of keys and accessors, as {@code get_in/2}. */
    @Doc("""
        Gets a value from a nested structure by a list of keys (or Access accessors).
        """)
    public static Object get_in(Object data, Object keys) {
        return ElixirAccess.getIn(data, keys);
    }

    /** The structure with the value at the path set, as {@code put_in/3}. */
    @Doc("""
        Puts a value in a nested structure by a list of keys (or Access accessors).
        """)
    public static Object put_in(Object data, Object keys, Object value) {
        Object v = Values.normalize(value);
        return ElixirAccess.getAndUpdateIn(data, keys, Fn.of1(old -> Tuple.of(null, v))).get(1);
    }

    /** The structure with the value at the path through {@code fun}, as {@code update_in/3}. */
    @Doc("""
        Updates a value in a nested structure with the function.
        """)
    public static Object update_in(Object data, Object keys, Object fun) {
        return ElixirAccess.getAndUpdateIn(data, keys, Fn.of1(old -> Tuple.of(null, Enumerables.call(fun, old)))).get(1);
    }

    /** {@code {get, updated}} at a path, as {@code get_and_update_in/3}. */
    @Doc("""
        Gets a value and updates a nested structure: the function returns {get, new} or :pop.
        """)
    public static Tuple get_and_update_in(Object data, Object keys, Object fun) {
        return ElixirAccess.getAndUpdateIn(data, keys, fun);
    }

    /** {@code {value, structure without it}} at a path, as {@code pop_in/2}. */
    @Doc("""
        Pops a value from a nested structure: {value, rest}.
        """)
    public static Tuple pop_in(Object data, Object keys) {
        return ElixirAccess.popIn(data, keys);
    }

    // ---- terms --------------------------------------------------------------------------------

    /** A tuple of the given elements (the shell's spelling of {@code {a, b}}). */
    @Doc("""
        Builds a tuple of the arguments, as {a, b} does.
        """)
    public static Tuple tuple(Object... elements) {
        Object[] out = new Object[elements.length];
        for (int i = 0; i < elements.length; i++) out[i] = Values.normalize(elements[i]);
        return Tuple.of(out);
    }

    /** The element at a zero-based index, as {@code elem/2}. */
    @Doc("""
        Returns the element of a tuple at the zero-based index.
        """)
    public static Object elem(Object tuple, Object index) {
        // Elixir inlines elem(t, i) as :erlang.element(i + 1, t): its errors name that call
        Object position = procshell.shell.eval.Arithmetic.add(index, 1); // a non-number fails there, as on the BEAM
        return Erlang.element(position, tuple);
    }

    /** The number of elements, as {@code tuple_size/1}. */
    @Doc("""
        Returns the number of elements of a tuple.
        """)
    public static int tuple_size(Object tuple) {
        return Erlang.tuple_size(tuple);
    }

    /** True for a pid, as {@code is_pid/1}. */
    @Doc("""
        Returns true if the term is a pid.
        """)
    public static boolean is_pid(Object term) {
        return Erlang.is_pid(term);
    }

    /** True for an atom (nil, true and false included), as {@code is_atom/1}. */
    @Doc("""
        Returns true if the term is an atom (true, false and nil included).
        """)
    public static boolean is_atom(Object term) {
        return Erlang.is_atom(term);
    }

    /** The list's length, as {@code length/1}. */
    @Doc("""
        Returns the length of a list.
        """)
    public static int length(Object list) {
        return Erlang.length(list);
    }

    /** A list of the arguments (for building keyword lists: {@code list({:a, 1})}). */
    @Doc("""
        Builds a list of the arguments.
        """)
    public static List<Object> list(Object... elements) {
        return new ArrayList<>(Arrays.asList(elements));
    }

    /**
     * The term as text, as Elixir's {@code Kernel.to_string/1} (the {@code String.Chars} protocol,
     * which {@code "#{term}"} uses): a string is itself; an atom is its text without the colon
     * ({@code :ok} gives {@code "ok"}, a module gives {@code "Elixir.HelloServer"}, and a class
     * typed at the prompt gives its module atom's text); nil gives {@code ""}; numbers print as
     * inspect prints them; a list is chardata (strings, code points and nested lists, joined).
     * Other Java objects give their {@code toString()}.
     *
     * @throws IllegalArgumentException for a list that is not chardata, as {@code List.to_string/1}
     * @throws ProtocolUndefinedError for terms without {@code String.Chars}: tuples, pids,
     *         references, maps, ranges and functions
     */
    @Doc("""
        Converts the term to a string (atoms without the colon).
        """)
    public static Object to_string(Object term) {
        Object t = Values.normalize(term);
        // a binary that is no UTF-8 is itself a binary, as String.Chars for BitString answers
        if (t instanceof procshell.runtime.node.Bitstring b) {
            if (procshell.runtime.node.Bitstring.isBinary(b)) return b;
            throw new ProtocolUndefinedError("String.Chars", b, "BitString", "cannot convert a bitstring to a string");
        }
        return StringChars.text(t);
    }

    // ---- iex helpers --------------------------------------------------------------------------

    /** An earlier result, as iex's {@code v/1} ({@code v(-1)} is the last). */
    @Doc("""
        Returns a value from the history: v(n) the result of prompt n, v(-1) the last
        (v() too).
        """)
    public static Object v(int n) {
        try {
            return IexSession.current().result(n);
        } catch (IllegalArgumentException e) {
            // iex: ** (RuntimeError) v(100) is out of bounds
            throw new RuntimeError(e.getMessage());
        }
    }

    /** The last result, as iex's {@code v/0}. */
    public static Object v() {
        return v(-1);
    }

    /** Prints information about a term, as iex's {@code i/1}. */
    @Doc("""
        Prints information about the term: its data type, its description and its
        reference modules; for a pid, the process's information.
        """)
    public static Object i(Object term) {
        IexSession s = IexSession.current();
        s.out().print(TermInfo.describe(s, Values.normalize(term)));
        s.out().flush();
        return IexSession.NO_VALUE;
    }

    /** Prints the list of helpers, as iex's {@code h/0}. */
    @Doc("""
        Prints the documentation of a module or function (h() this overview).

        ## Examples

            ps> h(Registry)
            ps> h(Registry.lookup)
            ps> h(:ets.lookup/2)
        """)
    public static Object h() {
        IexSession s = IexSession.current();
        s.out().print(Help.overview());
        s.out().flush();
        return IexSession.NO_VALUE;
    }

    /**
     * Prints the documentation of a module, as iex's {@code h/1}; any other value gets iex's
     * "expects a Module" answer. A reference typed after {@code h} comes through {@link #_h_}.
     */
    public static Object h(Object subject) {
        return printHelp(Help.aboutValue(subject));
    }

    /**
     * {@code h(Registry.lookup)}, {@code h :ets.lookup/2}: the reference as typed, which the
     * translation passes here (iex's {@code h} is a macro that reads its argument unevaluated).
     */
    public static Object _h_(String reference) {
        return printHelp(Help.about(reference));
    }

    private static Object printHelp(String text) {
        IexSession s = IexSession.current();
        s.out().print(text);
        s.out().flush();
        return IexSession.NO_VALUE;
    }

    /** The exit reason of a shell process that {@link #respawn()} replaces. */
    public static final Atom RESPAWN = Atom.of("respawn");

    /** Clears the screen, as iex's {@code clear/0}; without colours (ANSI) it says it cannot. */
    @Doc("""
        Clears the console screen.

        This function only works if ANSI escape codes are enabled on the shell,
        which means this function is by default unavailable on Windows machines
        (and here with --no-color or when output is not a terminal).
        """)
    public static Object clear() {
        IexSession s = IexSession.current();
        if (s.inspectOptions().syntaxColors().isEmpty()) {
            s.out().println("Cannot clear the screen because ANSI escape codes are not enabled on this shell");
        } else {
            s.out().print("\u001b[H\u001b[2J");
        }
        s.out().flush();
        return IexSession.NO_VALUE;
    }

    /**
     * Starts a new shell process, as iex's {@code respawn/0}: this one exits with
     * {@link #RESPAWN}, the console prints the banner and counts from 1 again, and the bindings
     * and the results of {@code v/1} are forgotten (classes stay, as loaded modules do).
     */
    @Doc("""
        Respawns the current shell by starting a new shell process.

        The bindings and the history of results (v/1) start afresh; classes you
        defined stay, as loaded modules do in iex.
        """)
    public static Object respawn() {
        ProcessContext c = ctx();
        IexSession.current().clearResults();
        c.exit(c.self(), RESPAWN);
        c.process().checkAlive();
        return IexSession.NO_VALUE;
    }

    /**
     * Prints Observer's Table Viewer for every table of the node, as plain text (see
     * {@link TableViewer}): Table Name, Objects, Size (kB), Owner Pid, Owner Name and Table Id,
     * one row per table, sorted by name. Mirrors Observer's Table Viewer tab
     * ({@code :observer.start()}, then "Table Viewer"); like {@code h()}, it prints no result.
     *
     * <pre>{@code
     * tables()
     * Table Name                  Objects  Size (kB)  Owner Pid  Owner Name                  Table Id
     * Elixir.MyReg                      2          2  <0.2.0>    Elixir.MyReg
     * Elixir.MyReg.KeyPartition0        1         26  <0.3.0>    Elixir.MyReg.PIDPartition0  #Ref<0.89163608.0.4>
     * Elixir.MyReg.PIDPartition0        1         27  <0.3.0>    Elixir.MyReg.PIDPartition0  #Ref<0.89163608.0.5>
     * }</pre>
     *
     * @return {@link IexSession#NO_VALUE}, so the prompt prints nothing after the view
     */
    @Doc("""
        Prints the node's tables as Observer's Table Viewer lists them.
        """)
    public static Object tables() {
        IexSession s = IexSession.current();
        s.out().print(TableViewer.render(s.node().tables().infos()));
        s.out().flush();
        return IexSession.NO_VALUE;
    }

    /**
     * Prints a table's objects, one per line, inspected as iex prints terms and sorted in Erlang
     * term order (as Observer's table window sorts them by the first column). Mirrors
     * double-clicking a row of Observer's Table Viewer; {@code :ets.tab2list/1} gives the same
     * objects as a list.
     *
     * <pre>{@code
     * table("Elixir.MyReg.KeyPartition0")     # or table(:"Elixir.MyReg.KeyPartition0"), table("MyReg.KeyPartition0")
     * {"a", {#PID<0.1.0>, 1}}
     * table(MyReg)                            # a named table by its name; any table by its reference
     * {-2, {:unique, 1, #Reference<0.89163608.0.4>}}
     * {-1, {:unique, 1, #Reference<0.89163608.0.4>, {#PID<0.3.0>, #Reference<0.89163608.0.5>}, []}}
     * }</pre>
     *
     * @param name a table's name as the Table Viewer shows it (a string, with or without the
     *             {@code Elixir.} prefix), its name as an atom or module, or its reference; a
     *             named table wins over unnamed tables of the same name
     * @return {@link IexSession#NO_VALUE}, so the prompt prints nothing after the objects
     * @throws IllegalArgumentException when no live table has that name or reference, or when
     *         several unnamed tables share the name (pass the reference instead)
     */
    @Doc("""
        Prints the objects of one table (by name or reference), sorted.
        """)
    public static Object table(Object name) {
        IexSession s = IexSession.current();
        Table t = findTable(s, name);
        List<Tuple> rows = new ArrayList<>(t.tab2list());
        rows.sort(TermCompare::compare);
        InspectOptions options = s.inspectOptions().withWidth(InspectOptions.INFINITY);
        for (Tuple row : rows) s.out().println(Inspect.inspect(row, options));
        s.out().flush();
        return IexSession.NO_VALUE;
    }

    private static Table findTable(IexSession s, Object name) {
        Tables tables = s.node().tables();
        Object n = s.modules().nameTerm(name);
        if (n instanceof Ref || (n instanceof Atom a && tables.named(a) != null)) {
            Table t = tables.find(n);
            if (t != null) return t;
        }
        if (n instanceof Atom || n instanceof String) {
            String text = n instanceof Atom a ? a.name() : (String) n;
            List<Table> found = new ArrayList<>();
            for (Table t : tables.tables()) {
                String tn = t.name().name();
                if (tn.equals(text) || (n instanceof String && tn.equals("Elixir." + text))) found.add(t);
            }
            found.sort(Comparator.comparing((Table t) -> !t.isNamed()));
            if (found.size() == 1 || (!found.isEmpty() && found.get(0).isNamed())) return found.get(0);
            if (found.size() > 1) {
                throw new IllegalArgumentException(found.size() + " tables are called " + text + "; pass one's reference: "
                        + found.stream().map(t -> inspect(t.id())).toList());
            }
        }
        throw new IllegalArgumentException("no table called " + (n instanceof String str ? str : inspect(n)) + "; tables() lists them");
    }

    /** The calling node, for scripts that need the runtime directly. */
    @Doc("""
        Returns the node the caller runs on, for scripts that need the runtime directly.
        """)
    public static Node current_node() {
        return ctx().node();
    }
}
