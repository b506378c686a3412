package procshell.shell.iex;

import java.util.List;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Bitstring;
import procshell.runtime.node.Node;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ProcessContext;

/** Erlang's {@code :erlang} module, the parts the shell offers: {@code :erlang.system_info/1}, {@code :erlang.node/0}, {@code :erlang.process_info/2} and friends. */
@Doc("""
    The :erlang module: built-in functions of the runtime.
    """)
@ElixirName(":erlang")
public final class Erlang {
    private Erlang() {}

    /**
     * Facts about the node, as {@code :erlang.system_info/1}, with the BEAM's (OTP 25, 64-bit)
     * answers: counts and limits ({@code :atom_count}, {@code :process_limit}, ...), the release
     * ({@code :otp_release} is {@code '25'}), schedulers (the JVM's processors) and the emulator's
     * build facts; see {@link SystemInfo}.
     *
     * @throws ArgumentError {@code invalid system info item} for other items
     */
    @Doc("""
        Returns information about the runtime: :atom_count, :atom_limit,
        :process_count, :process_limit, :schedulers, :otp_release, :version,
        :wordsize, ...

        ## Examples

            ps> :erlang.system_info(:atom_limit)
            1048576
        """)
    public static Object system_info(Object item) {
        return SystemInfo.item(item);
    }

    /**
     * The memory in use, as {@code :erlang.memory/0}: {@code [total: _, processes: _,
     * processes_used: _, system: _, atom: _, atom_used: _, binary: _, code: _, ets: _]} in bytes,
     * estimated (see {@link SystemInfo#memory}).
     */
    @Doc("""
        Returns the memory in use by type, in bytes: [total: ..., processes: ...,
        processes_used: ..., system: ..., atom: ..., atom_used: ..., binary: ...,
        code: ..., ets: ...]. The figures are estimates: the JVM has no such accounts.
        """)
    public static List<Tuple> memory() {
        return SystemInfo.memory();
    }

    /**
     * One type's memory, or a list of them, as {@code :erlang.memory/1}.
     *
     * @throws ArgumentError {@code invalid memory type option} / {@code invalid option in list}
     */
    public static Object memory(Object type) {
        return SystemInfo.memory(type);
    }

    /**
     * Run-time statistics, as {@code :erlang.statistics/1}: {@code :runtime} and
     * {@code :wall_clock} ({@code {total_ms, ms_since_last_call}}), {@code :reductions},
     * {@code :run_queue}, {@code :context_switches}, {@code :garbage_collection}, {@code :io}, ...
     *
     * @throws ArgumentError {@code invalid statistics item}
     */
    @Doc("""
        Returns statistics about the runtime: :runtime, :wall_clock, :reductions,
        :run_queue, :total_run_queue_lengths, :context_switches, :garbage_collection,
        :io, ...
        """)
    public static Object statistics(Object item) {
        return SystemInfo.statistics(item);
    }

    /** As {@code :erlang.whereis/1}: the pid or {@code :undefined}. */
    @Doc("""
        Returns the pid registered under the name, or :undefined.
        """)
    public static Object whereis(Atom name) {
        Pid p = ProcessContext.require().node().whereis(name);
        return p == null ? Atom.UNDEFINED : p;
    }

    /** As {@code :erlang.self/0}. */
    @Doc("""
        Returns the pid of the calling process.
        """)
    public static Pid self() {
        return ProcessContext.require().self();
    }

    /**
     * The element at a one-based position, as {@code :erlang.element/2}.
     *
     * @throws ArgumentError "1st argument: out of range" or "2nd argument: not a tuple"
     */
    @Doc("""
        Returns the element of a tuple at the one-based position.

        ## Examples

            ps> :erlang.element(1, {:a, :b})
            :a
        """)
    public static Object element(Object position, Object tuple) {
        BifErrors e = new BifErrors(":erlang.element", position, tuple);
        e.check(!ErlangArgs.isInt(position), 1, "not an integer").check(!(tuple instanceof Tuple), 2, "not a tuple").raise();
        Tuple t = (Tuple) tuple;
        long n = ErlangArgs.clamp(position);
        if (n < 1 || n > t.size()) throw e.fail(1, "out of range");
        return t.get((int) n - 1);
    }

    /**
     * The atom whose text is a binary, as {@code :erlang.binary_to_atom/2} (what {@code :"x#{y}"}
     * and {@code String.to_atom/1} compile to); the atom is added to the node's atom table.
     *
     * @param binary   the atom's text
     * @param encoding {@code :utf8}, {@code :unicode} or {@code :latin1}
     * @throws ArgumentError "1st argument: not a binary" or "2nd argument: not a valid encoding"
     */
    @Doc("""
        Returns the atom whose text is the binary, creating it if needed.

        ## Examples

            ps> :erlang.binary_to_atom("ok", :utf8)
            :ok
        """)
    public static Atom binary_to_atom(Object binary, Object encoding) {
        String call = ":erlang.binary_to_atom(" + Kernel.inspect(binary) + ", " + Kernel.inspect(encoding) + ")";
        if (!(binary instanceof String text)) throw ArgumentError.badArgument("1st argument: not a binary", call);
        if (!(encoding instanceof Atom e) || !java.util.Set.of("utf8", "unicode", "latin1").contains(e.name())) {
            throw ArgumentError.badArgument("2nd argument: not one of the atoms: latin1, utf8, or unicode", call);
        }
        return Kernel._atom_(text);
    }

    /** {@code :erlang.binary_to_atom/1}: as {@link #binary_to_atom(Object, Object)} in UTF-8. */
    @Doc("""
        Returns the atom whose text is the (UTF-8) binary, creating it if needed.
        """)
    public static Atom binary_to_atom(Object binary) {
        return binary_to_atom(binary, Atom.of("utf8"));
    }

    /**
     * The text of an atom, as {@code :erlang.atom_to_binary/1}.
     *
     * @throws ArgumentError "1st argument: not an atom"
     */
    @Doc("""
        Returns the text of an atom as a binary.

        ## Examples

            ps> :erlang.atom_to_binary(:ok)
            "ok"
        """)
    public static String atom_to_binary(Object atom) {
        if (atom == null) return "nil";
        if (atom instanceof Boolean b) return b.toString();
        if (atom instanceof Atom a) return a.name();
        throw ArgumentError.badArgument("1st argument: not an atom", ":erlang.atom_to_binary(" + Kernel.inspect(atom) + ")");
    }

    /**
     * The number of elements of a tuple, as {@code :erlang.tuple_size/1}.
     *
     * @throws ArgumentError "1st argument: not a tuple"
     */
    @Doc("""
        Returns the number of elements of a tuple.
        """)
    public static int tuple_size(Object tuple) {
        if (tuple instanceof Tuple t) return t.size();
        throw ArgumentError.badArgument("1st argument: not a tuple", ":erlang.tuple_size(" + Kernel.inspect(tuple) + ")");
    }

    /** As {@code :erlang.node/0}: this node's name, {@code :nonode@nohost} when not distributed. */
    @Doc("""
        Returns the name of the local node (:nonode@nohost when not distributed);
        with a pid, the node the process runs on.

        ## Examples

            ps> :erlang.node()
            :nonode@nohost
        """)
    public static Atom node() {
        return Kernel.node();
    }

    /** As {@code :erlang.disconnect_node/1}: {@code Node.disconnect/1}. */
    @Doc("""
        Forces the disconnection of a node: true, false when not connected, :ignored when the
        local node is not alive.

        ## Examples

            ps> :erlang.disconnect_node(:node1@localhost)
            false
        """)
    public static Object disconnect_node(Object node) {
        return procshell.shell.iex.Node.disconnect(node);
    }

    /** As {@code :erlang.group_leader/0}: {@code Process.group_leader/0} (what a fn from iex calls for it). */
    @Doc("""
        Returns the pid of the calling process's group leader (its I/O server).

        ## Examples

            ps> is_pid(:erlang.group_leader())
            true
        """)
    public static Pid group_leader() {
        return Process.group_leader();
    }

    /** As {@code :erlang.group_leader/2}: sets {@code pid}'s group leader to {@code leader}; true. */
    public static boolean group_leader(Object leader, Object pid) {
        return Process.group_leader(pid, leader);
    }

    /** As {@code :erlang.node/1}: the node a pid belongs to. */
    public static Atom node(Pid pid) {
        return Kernel.node(pid);
    }

    /** As {@code :erlang.processes/0}: the live pids, oldest first. */
    @Doc("""
        Returns the pids of every live process on the local node, oldest first.
        """)
    public static java.util.List<Pid> processes() {
        return Process.list();
    }

    /** As {@code :erlang.registered/0}: the locally registered names. */
    @Doc("""
        Returns the names registered on the local node.
        """)
    public static java.util.List<Atom> registered() {
        return Process.registered();
    }

    /**
     * As {@code :erlang.is_process_alive/1}.
     *
     * @throws ArgumentError "1st argument: not a pid" for anything but a local pid
     */
    @Doc("""
        Tells whether the local process exists and is alive.

        ## Examples

            ps> :erlang.is_process_alive(self())
            true
        """)
    public static boolean is_process_alive(Object pid) {
        return Process.alive_qm(pid);
    }

    /**
     * As {@code :erlang.process_info/1,2}: the keyword list or the {@code {item, value}} tuple
     * of {@code Process.info/1,2}; nil for a dead process.
     *
     * @throws ArgumentError "1st argument: not a pid" for anything but a local pid
     */
    @Doc("""
        Returns information about a process: all items, or one item as {item, value}.

        ## Examples

            ps> :erlang.process_info(self(), :status)
            {:status, :running}
        """)
    public static Object process_info(Object pid) {
        return Process.erlangInfo(pid);
    }

    /** {@code :erlang.process_info/2}; see {@link #process_info(Object)}. */
    public static Object process_info(Object pid, Object item) {
        return Process.erlangInfo(pid, item);
    }

    // ---- tuples ---------------------------------------------------------------------------------

    private static boolean isTuple(Object o) {
        return o instanceof Tuple;
    }

    /**
     * A copy of the tuple with the element at a one-based position replaced, as
     * {@code :erlang.setelement/3}.
     *
     * @throws ArgumentError {@code not an integer}, {@code not a tuple}, {@code out of range}
     */
    @Doc("""
        Returns a copy of the tuple with the element at the one-based index replaced.
        """)
    public static Tuple setelement(Object index, Object tuple, Object value) {
        BifErrors e = new BifErrors(":erlang.setelement", index, tuple, value);
        e.check(!ErlangArgs.isInt(index), 1, "not an integer").check(!isTuple(tuple), 2, "not a tuple").raise();
        Tuple t = (Tuple) tuple;
        long n = ErlangArgs.clamp(index);
        if (n < 1 || n > t.size()) throw e.fail(1, "out of range");
        Object[] out = t.toList().toArray();
        out[(int) n - 1] = value;
        return Tuple.of(out);
    }

    /** The elements of a tuple as a list, as {@code :erlang.tuple_to_list/1}. */
    @Doc("""
        Returns the elements of a tuple as a list.
        """)
    public static List<Object> tuple_to_list(Object tuple) {
        if (!(tuple instanceof Tuple t)) throw new BifErrors(":erlang.tuple_to_list", tuple).fail(1, "not a tuple");
        return new java.util.ArrayList<>(t.toList());
    }

    /** A tuple of a list's elements, as {@code :erlang.list_to_tuple/1}. */
    @Doc("""
        Returns a tuple of the elements of a list.
        """)
    public static Tuple list_to_tuple(Object list) {
        if (!(list instanceof List<?> l)) throw new BifErrors(":erlang.list_to_tuple", list).fail(1, "not a list");
        return Tuple.fromList(l);
    }

    /** The tuple with one more element at its end, as {@code :erlang.append_element/2}. */
    @Doc("""
        Returns the tuple with the term appended.
        """)
    public static Tuple append_element(Object tuple, Object term) {
        if (!(tuple instanceof Tuple t)) throw new BifErrors(":erlang.append_element", tuple, term).fail(1, "not a tuple");
        List<Object> l = new java.util.ArrayList<>(t.toList());
        l.add(term);
        return Tuple.fromList(l);
    }

    /** A tuple of n copies of a term, as {@code :erlang.make_tuple/2}. */
    @Doc("""
        Returns a tuple of arity copies of the term.
        """)
    public static Tuple make_tuple(Object arity, Object initial) {
        BifErrors e = new BifErrors(":erlang.make_tuple", arity, initial);
        if (!ErlangArgs.isInt(arity)) throw e.fail(1, "out of range");
        long n = ErlangArgs.clamp(arity);
        if (n < 0 || n > 16_777_215) throw e.fail(1, "out of range");
        Object[] out = new Object[(int) n];
        java.util.Arrays.fill(out, initial);
        return Tuple.of(out);
    }

    /** {@code :erlang.make_tuple/3}: as make_tuple/2 with {@code [{position, term}]} put in. */
    public static Tuple make_tuple(Object arity, Object initial, Object positions) {
        BifErrors e = new BifErrors(":erlang.make_tuple", arity, initial, positions);
        e.check(!ErlangArgs.isInt(arity), 1, "not an integer").check(!(positions instanceof List<?>), 3, "not a list").raise();
        long n = ErlangArgs.clamp(arity);
        if (n < 0 || n > 16_777_215) throw e.fail(1, "out of range");
        Object[] out = new Object[(int) n];
        java.util.Arrays.fill(out, initial);
        for (Object o : (List<?>) positions) {
            if (!(o instanceof Tuple t) || t.size() != 2 || !ErlangArgs.isInt(t.get(0)) || ErlangArgs.clamp(t.get(0)) < 1
                    || ErlangArgs.clamp(t.get(0)) > n) {
                throw e.fail(3, "invalid option in list");
            }
            out[(int) ErlangArgs.clamp(t.get(0)) - 1] = t.get(1);
        }
        return Tuple.of(out);
    }

    /** The tuple without the element at a one-based position, as {@code :erlang.delete_element/2}. */
    @Doc("""
        Returns the tuple without the element at the one-based index.
        """)
    public static Tuple delete_element(Object index, Object tuple) {
        BifErrors e = new BifErrors(":erlang.delete_element", index, tuple);
        e.check(!ErlangArgs.isInt(index), 1, "not an integer").check(!isTuple(tuple), 2, "not a tuple").raise();
        List<Object> l = new java.util.ArrayList<>(((Tuple) tuple).toList());
        long n = ErlangArgs.clamp(index);
        if (n < 1 || n > l.size()) throw e.fail(1, "out of range");
        l.remove((int) n - 1);
        return Tuple.fromList(l);
    }

    /** The tuple with a term inserted at a one-based position, as {@code :erlang.insert_element/3}. */
    @Doc("""
        Returns the tuple with the term inserted at the one-based index.
        """)
    public static Tuple insert_element(Object index, Object tuple, Object term) {
        BifErrors e = new BifErrors(":erlang.insert_element", index, tuple, term);
        e.check(!ErlangArgs.isInt(index), 1, "not an integer").check(!isTuple(tuple), 2, "not a tuple").raise();
        List<Object> l = new java.util.ArrayList<>(((Tuple) tuple).toList());
        long n = ErlangArgs.clamp(index);
        if (n < 1 || n > l.size() + 1) throw e.fail(1, "out of range");
        l.add((int) n - 1, term);
        return Tuple.fromList(l);
    }

    // ---- atoms ----------------------------------------------------------------------------------

    private static final java.util.Set<String> ENCODINGS = java.util.Set.of("utf8", "unicode", "latin1");

    private static boolean isAtom(Object o) {
        return o == null || o instanceof Boolean || o instanceof Atom;
    }

    /** {@code :erlang.atom_to_binary/2}: the text of an atom in an encoding ({@code :utf8}, {@code :latin1}). */
    public static String atom_to_binary(Object atom, Object encoding) {
        new BifErrors(":erlang.atom_to_binary", atom, encoding).check(!isAtom(atom), 1, "not an atom")
                .check(!(encoding instanceof Atom e && ENCODINGS.contains(e.name())), 2, "is an invalid encoding option").raise();
        return atom_to_binary(atom);
    }

    /**
     * {@code :erlang.make_fun/3}: the fun {@code &module.function/arity}, whether or not the
     * module exists yet (a call of the fun asks it). Elixir compiles {@code Function.capture/3},
     * and a capture of a variable's module ({@code &m.upcase/1}), to it.
     *
     * @param module   an atom (a module's name)
     * @param function an atom
     * @param arity    an integer from 0 to 255
     * @return a fn of that arity, printed {@code &module.function/arity}
     * @throws ArgumentError "1st argument: not an atom" and so on, as OTP 25's; "argument error" above 255
     */
    @Doc("Returns the fun &module.function/arity; the module is looked up when the fun is called.")
    public static Object make_fun(Object module, Object function, Object arity) {
        Object m = IexSession.current().modules().nameTerm(module);
        Object f = procshell.shell.eval.Values.normalize(function);
        java.math.BigInteger n = procshell.shell.eval.Arithmetic.isInteger(arity) ? procshell.shell.eval.Arithmetic.big(arity) : null;
        new BifErrors(":erlang.make_fun", m, f, arity).check(!isAtom(m), 1, "not an atom").check(!isAtom(f), 2, "not an atom")
                .check(n == null, 3, "not an integer").check(n != null && n.signum() < 0, 3, "out of range").raise();
        if (n.compareTo(java.math.BigInteger.valueOf(255)) > 0) {
            throw new ArgumentError("argument error", List.of(ErlangArgs.frame(":erlang.make_fun", m, f, arity)));
        }
        return CapturedFun.calling(atom(m), atom(f), ((Number) arity).intValue());
    }

    /** An atom term ({@link #isAtom}: nil, true and false too) as its Atom. */
    private static Atom atom(Object term) {
        return term instanceof Atom a ? a : Atom.of(term == null ? "nil" : term.toString());
    }

    /** The text of an atom as a charlist, as {@code :erlang.atom_to_list/1}. */
    @Doc("""
        Returns the text of an atom as a charlist.
        """)
    public static List<Object> atom_to_list(Object atom) {
        if (!isAtom(atom)) throw new BifErrors(":erlang.atom_to_list", atom).fail(1, "not an atom");
        return ErlangLists.chars(atom_to_binary(atom));
    }

    /** The pid's text as a charlist, {@code '<0.110.0>'}, as {@code :erlang.pid_to_list/1}. */
    @Doc("""
        Returns the text of a pid as a charlist: '<0.110.0>'.
        """)
    public static List<Object> pid_to_list(Object pid) {
        if (!(procshell.shell.eval.Values.normalize(pid) instanceof procshell.runtime.node.Pid p)) throw new BifErrors(":erlang.pid_to_list", pid).fail(1, "not a pid");
        return ErlangLists.chars(p.toString().substring("#PID".length()));
    }

    /** The pid a charlist {@code '<0.110.0>'} names, as {@code :erlang.list_to_pid/1}. */
    @Doc("""
        Returns the pid whose text is the charlist: :erlang.list_to_pid('<0.110.0>').
        """)
    public static procshell.runtime.node.Pid list_to_pid(Object chars) {
        String text = charlistText(chars);
        java.util.regex.Matcher m = text == null ? null : java.util.regex.Pattern.compile("<(\\d{1,9})\\.(\\d{1,10})\\.(\\d{1,4})>").matcher(text);
        if (m == null || !m.matches()) throw new BifErrors(":erlang.list_to_pid", chars).fail(1, "not a textual representation of a pid");
        return Kernel.pid(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /** The reference's text as a charlist, {@code '#Ref<0.1.2.3>'}, as {@code :erlang.ref_to_list/1}. */
    @Doc("""
        Returns the text of a reference as a charlist: '#Ref<0.1.2.3>'.
        """)
    public static List<Object> ref_to_list(Object ref) {
        if (!(procshell.shell.eval.Values.normalize(ref) instanceof procshell.runtime.node.Ref r)) throw new BifErrors(":erlang.ref_to_list", ref).fail(1, "not a reference");
        return ErlangLists.chars("#Ref" + r.toString().substring("#Reference".length()));
    }

    /** The atom of a charlist, as {@code :erlang.list_to_atom/1}. */
    @Doc("""
        Returns the atom whose text is the charlist.
        """)
    public static Atom list_to_atom(Object chars) {
        String text = charlistText(chars);
        if (text == null) throw new BifErrors(":erlang.list_to_atom", chars).fail(1, "not a list");
        return Kernel._atom_(text);
    }

    /** As list_to_atom/1 for an atom that exists already, as {@code :erlang.list_to_existing_atom/1}. */
    @Doc("""
        Returns the atom whose text is the charlist, if such an atom exists.
        """)
    public static Atom list_to_existing_atom(Object chars) {
        String text = charlistText(chars);
        BifErrors e = new BifErrors(":erlang.list_to_existing_atom", chars);
        if (text == null) throw e.fail(1, "not a list");
        Atom a = ProcessContext.require().node().atoms().existing(text);
        if (a == null) throw e.fail(1, "not an already existing atom");
        return a;
    }

    /** {@code :erlang.binary_to_existing_atom/1,2}: the atom of a binary when it exists already. */
    @Doc("""
        Returns the atom whose text is the binary, if such an atom exists.
        """)
    public static Atom binary_to_existing_atom(Object binary) {
        return binary_to_existing_atom(binary, Atom.of("utf8"));
    }

    /** {@code :erlang.binary_to_existing_atom/2}. */
    public static Atom binary_to_existing_atom(Object binary, Object encoding) {
        BifErrors e = new BifErrors(":erlang.binary_to_existing_atom", binary, encoding);
        e.check(!(binary instanceof String), 1, "not a binary")
                .check(!(encoding instanceof Atom a && ENCODINGS.contains(a.name())), 2, "is an invalid encoding option").raise();
        Atom a = ProcessContext.require().node().atoms().existing((String) binary);
        if (a == null) throw e.fail(1, "not an already existing atom");
        return a;
    }

    /** The text of a charlist of code points, or null when it is no such list. */
    static String charlistText(Object chars) {
        if (!(chars instanceof List<?> l)) return null;
        StringBuilder b = new StringBuilder();
        for (Object o : l) {
            if (!(o instanceof Integer c) || c < 0 || c > 0x10FFFF) return null;
            b.appendCodePoint(c);
        }
        return b.toString();
    }

    // ---- numbers and text -----------------------------------------------------------------------

    private static boolean isBase(Object base) {
        return ErlangArgs.isInt(base) && ErlangArgs.clamp(base) >= 2 && ErlangArgs.clamp(base) <= 36;
    }

    /** The decimal text of an integer, as {@code :erlang.integer_to_binary/1}. */
    @Doc("""
        Returns the text of an integer (in base 10, or the given base 2..36).
        """)
    public static String integer_to_binary(Object integer) {
        if (!ErlangArgs.isInt(integer)) throw new BifErrors(":erlang.integer_to_binary", integer).fail(1, "not an integer");
        return procshell.shell.eval.Arithmetic.big(integer).toString();
    }

    /** {@code :erlang.integer_to_binary/2}: the text in a base from 2 to 36, upper-case digits. */
    public static String integer_to_binary(Object integer, Object base) {
        new BifErrors(":erlang.integer_to_binary", integer, base).check(!ErlangArgs.isInt(integer), 1, "not an integer")
                .check(!isBase(base), 2, "not an integer in the range 2 through 36").raise();
        return procshell.shell.eval.Arithmetic.big(integer).toString((int) ErlangArgs.clamp(base)).toUpperCase(java.util.Locale.ROOT);
    }

    /** {@code :erlang.integer_to_list/1}. */
    @Doc("""
        Returns the text of an integer as a charlist.
        """)
    public static List<Object> integer_to_list(Object integer) {
        if (!ErlangArgs.isInt(integer)) throw new BifErrors(":erlang.integer_to_list", integer).fail(1, "not an integer");
        return ErlangLists.chars(integer_to_binary(integer));
    }

    /** {@code :erlang.integer_to_list/2}. */
    public static List<Object> integer_to_list(Object integer, Object base) {
        new BifErrors(":erlang.integer_to_list", integer, base).check(!ErlangArgs.isInt(integer), 1, "not an integer")
                .check(!isBase(base), 2, "not an integer in the range 2 through 36").raise();
        return ErlangLists.chars(integer_to_binary(integer, base));
    }

    /** The integer a text spells (an optional sign, then digits), or null. */
    private static Number parseInteger(String text, int base) {
        if (!text.matches("[+-]?[0-9A-Za-z]+")) return null;
        try {
            return procshell.shell.eval.Arithmetic.integer(new java.math.BigInteger(text.startsWith("+") ? text.substring(1) : text, base));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The integer a binary spells, as {@code :erlang.binary_to_integer/1}. */
    @Doc("""
        Returns the integer whose text is the binary (base 10, or the given base 2..36).
        """)
    public static Number binary_to_integer(Object binary) {
        BifErrors e = new BifErrors(":erlang.binary_to_integer", binary);
        if (!(binary instanceof String s)) throw e.fail(1, "not a binary");
        Number n = parseInteger(s, 10);
        if (n == null) throw e.fail(1, "not a textual representation of an integer");
        return n;
    }

    /** {@code :erlang.binary_to_integer/2}. */
    public static Number binary_to_integer(Object binary, Object base) {
        BifErrors e = new BifErrors(":erlang.binary_to_integer", binary, base);
        e.check(!(binary instanceof String), 1, "not a binary").check(!isBase(base), 2, "not an integer in the range 2 through 36").raise();
        Number n = parseInteger((String) binary, (int) ErlangArgs.clamp(base));
        if (n == null) throw e.fail(1, "not a textual representation of an integer");
        return n;
    }

    /** {@code :erlang.list_to_integer/1}. */
    @Doc("""
        Returns the integer whose text is the charlist.
        """)
    public static Number list_to_integer(Object chars) {
        BifErrors e = new BifErrors(":erlang.list_to_integer", chars);
        String s = charlistText(chars);
        if (s == null) throw e.fail(1, "not a list");
        Number n = parseInteger(s, 10);
        if (n == null) throw e.fail(1, "not a textual representation of an integer");
        return n;
    }

    /** {@code :erlang.list_to_integer/2}. */
    public static Number list_to_integer(Object chars, Object base) {
        BifErrors e = new BifErrors(":erlang.list_to_integer", chars, base);
        String s = charlistText(chars);
        e.check(s == null, 1, "not a list").check(!isBase(base), 2, "not an integer in the range 2 through 36").raise();
        Number n = parseInteger(s, (int) ErlangArgs.clamp(base));
        if (n == null) throw e.fail(1, "not a textual representation of an integer");
        return n;
    }

    /** A number as a float, as {@code :erlang.float/1}. */
    @Doc("""
        Returns the number as a float.
        """)
    public static Double float_(Object number) {
        if (ErlangArgs.isInt(number)) return ((Number) number).doubleValue();
        if (number instanceof Double d) return d;
        throw new BifErrors(":erlang.float", number).fail(1, "not a number");
    }

    /** The text of a float, as {@code :erlang.float_to_binary/1}: {@code "2.50000000000000000000e+00"}. */
    @Doc("""
        Returns the text of a float: scientific with 20 decimals, or as the options
        say ([decimals: n], [scientific: n], :compact, :short).
        """)
    public static String float_to_binary(Object f) {
        if (!(f instanceof Double d)) throw new BifErrors(":erlang.float_to_binary", f).fail(1, "not a float");
        return ErlangFloats.scientific(d, 20);
    }

    /** {@code :erlang.float_to_binary/2} with {@code decimals: n}, {@code scientific: n}, {@code :compact}, {@code :short}. */
    public static String float_to_binary(Object f, Object options) {
        BifErrors e = new BifErrors(":erlang.float_to_binary", f, options);
        e.check(!(f instanceof Double), 1, "not a float").check(!(options instanceof List<?>), 2, "not a list").raise();
        String s = ErlangFloats.format((Double) f, (List<?>) options);
        if (s == null) throw e.fail(2, "invalid option in list");
        return s;
    }

    /** {@code :erlang.float_to_list/1}. */
    @Doc("""
        Returns the text of a float as a charlist (see float_to_binary/1,2).
        """)
    public static List<Object> float_to_list(Object f) {
        if (!(f instanceof Double)) throw new BifErrors(":erlang.float_to_list", f).fail(1, "not a float");
        return ErlangLists.chars(float_to_binary(f));
    }

    /** {@code :erlang.float_to_list/2}. */
    public static List<Object> float_to_list(Object f, Object options) {
        BifErrors e = new BifErrors(":erlang.float_to_list", f, options);
        e.check(!(f instanceof Double), 1, "not a float").check(!(options instanceof List<?>), 2, "not a list").raise();
        String s = ErlangFloats.format((Double) f, (List<?>) options);
        if (s == null) throw e.fail(2, "invalid option in list");
        return ErlangLists.chars(s);
    }

    /** {@code :erlang.binary_to_float/1}: digits, a point, digits, an optional exponent. */
    @Doc("""
        Returns the float whose text is the binary ("2.5", "1.0e3").
        """)
    public static Double binary_to_float(Object binary) {
        BifErrors e = new BifErrors(":erlang.binary_to_float", binary);
        if (!(binary instanceof String s)) throw e.fail(1, "not a binary");
        Double d = ErlangFloats.parse(s);
        if (d == null) throw e.fail(1, "not a textual representation of a float");
        return d;
    }

    /** {@code :erlang.list_to_float/1}. */
    @Doc("""
        Returns the float whose text is the charlist.
        """)
    public static Double list_to_float(Object chars) {
        BifErrors e = new BifErrors(":erlang.list_to_float", chars);
        String s = charlistText(chars);
        if (s == null) throw e.fail(1, "not a list");
        Double d = ErlangFloats.parse(s);
        if (d == null) throw e.fail(1, "not a textual representation of a float");
        return d;
    }

    // ---- lists and numbers ----------------------------------------------------------------------

    /** The first element of a non-empty list, as {@code :erlang.hd/1}. */
    @Doc("""
        Returns the head (first element) of a non-empty list.
        """)
    public static Object hd(Object list) {
        if (list instanceof procshell.runtime.dist.ImproperList il) return il.elements().get(0);
        if (!(list instanceof List<?> l) || l.isEmpty()) throw new BifErrors(":erlang.hd", list).fail(1, "not a nonempty list");
        return l.get(0);
    }

    /** A non-empty list without its first element, as {@code :erlang.tl/1}. */
    @Doc("""
        Returns the tail of a non-empty list.
        """)
    public static Object tl(Object list) {
        if (list instanceof procshell.runtime.dist.ImproperList) return procshell.runtime.term.ListCells.drop(list, 1);
        if (!(list instanceof List<?> l) || l.isEmpty()) throw new BifErrors(":erlang.tl", list).fail(1, "not a nonempty list");
        return procshell.runtime.term.ConsList.drop(l, 1);
    }

    /** The number of elements of a list, as {@code :erlang.length/1}. */
    @Doc("""
        Returns the length of a list.
        """)
    public static int length(Object list) {
        if (!(list instanceof List<?> l)) throw new BifErrors(":erlang.length", list).fail(1, "not a list");
        return l.size();
    }

    private static Object number(String fn, Object n) {
        if (!(n instanceof Number) || !(ErlangArgs.isInt(n) || n instanceof Double)) throw new BifErrors(":erlang." + fn, n).fail(1, "not a number");
        return n;
    }

    /** {@code :erlang.abs/1}. */
    @Doc("""
        Returns the absolute value of a number.
        """)
    public static Number abs(Object n) {
        return procshell.shell.eval.Arithmetic.abs(number("abs", n));
    }

    /** {@code :erlang.trunc/1}: the integer part of a number. */
    @Doc("""
        Returns the integer part of a number.
        """)
    public static Number trunc(Object n) {
        return procshell.shell.eval.Arithmetic.trunc(number("trunc", n));
    }

    /** {@code :erlang.round/1}: the nearest integer, halves away from zero. */
    @Doc("""
        Rounds a number to the nearest integer (halves away from zero).
        """)
    public static Number round(Object n) {
        return procshell.shell.eval.Arithmetic.round(number("round", n));
    }

    /** {@code :erlang.ceil/1}. */
    @Doc("""
        Returns the smallest integer not less than the number.
        """)
    public static Number ceil(Object n) {
        Object x = number("ceil", n);
        if (x instanceof Double d) return procshell.shell.eval.Arithmetic.integer(new java.math.BigDecimal(Math.ceil(d)).toBigInteger());
        return (Number) x;
    }

    /** {@code :erlang.floor/1}. */
    @Doc("""
        Returns the largest integer not greater than the number.
        """)
    public static Number floor(Object n) {
        Object x = number("floor", n);
        if (x instanceof Double d) return procshell.shell.eval.Arithmetic.integer(new java.math.BigDecimal(Math.floor(d)).toBigInteger());
        return (Number) x;
    }

    /** {@code :erlang.max/2}: the larger in term order (the first when equal). */
    @Doc("""
        Returns the larger of two terms (term order; the first when they are equal).
        """)
    public static Object max(Object a, Object b) {
        return procshell.runtime.table.TermCompare.compare(b, a) > 0 ? b : a;
    }

    /** {@code :erlang.min/2}: the smaller in term order (the first when equal). */
    @Doc("""
        Returns the smaller of two terms (term order; the first when they are equal).
        """)
    public static Object min(Object a, Object b) {
        return procshell.runtime.table.TermCompare.compare(b, a) < 0 ? b : a;
    }

    private static java.math.BigInteger bits(Object n) {
        if (!ErlangArgs.isInt(n)) throw new ArithmeticError("bad argument in arithmetic expression");
        return procshell.shell.eval.Arithmetic.big(n);
    }

    /** {@code :erlang.band/2}. */
    @Doc("""
        Bitwise and of two integers.
        """)
    public static Number band(Object a, Object b) {
        java.math.BigInteger x = bits(a), y = bits(b);
        return procshell.shell.eval.Arithmetic.integer(x.and(y));
    }

    /** {@code :erlang.bor/2}. */
    @Doc("""
        Bitwise or of two integers.
        """)
    public static Number bor(Object a, Object b) {
        java.math.BigInteger x = bits(a), y = bits(b);
        return procshell.shell.eval.Arithmetic.integer(x.or(y));
    }

    /** {@code :erlang.bxor/2}. */
    @Doc("""
        Bitwise exclusive or of two integers.
        """)
    public static Number bxor(Object a, Object b) {
        java.math.BigInteger x = bits(a), y = bits(b);
        return procshell.shell.eval.Arithmetic.integer(x.xor(y));
    }

    /** {@code :erlang.bnot/1}. */
    @Doc("""
        Bitwise not of an integer.
        """)
    public static Number bnot(Object a) {
        return procshell.shell.eval.Arithmetic.integer(bits(a).not());
    }

    /** {@code :erlang.bsl/2}: shifted left (right for a negative shift). */
    @Doc("""
        Shifts an integer left by n bits.
        """)
    public static Number bsl(Object a, Object n) {
        java.math.BigInteger x = bits(a), s = bits(n);
        return procshell.shell.eval.Arithmetic.integer(x.shiftLeft(s.intValueExact()));
    }

    /** {@code :erlang.bsr/2}: shifted right, arithmetically. */
    @Doc("""
        Shifts an integer right by n bits (arithmetic shift).
        """)
    public static Number bsr(Object a, Object n) {
        java.math.BigInteger x = bits(a), s = bits(n);
        return procshell.shell.eval.Arithmetic.integer(x.shiftRight(s.intValueExact()));
    }

    /** {@code :erlang.div/2}: integer division. */
    @Doc("""
        Integer division, truncated towards zero.
        """)
    public static Number div(Object a, Object b) {
        return procshell.shell.eval.Arithmetic.div(a, b);
    }

    /** {@code :erlang.rem/2}: the remainder of integer division. */
    @Doc("""
        Remainder of integer division (sign of the dividend).
        """)
    public static Number rem(Object a, Object b) {
        return procshell.shell.eval.Arithmetic.rem(a, b);
    }

    // ---- maps -----------------------------------------------------------------------------------

    /** {@code :erlang.map_size/1}. */
    @Doc("""
        Returns the number of keys of a map.
        """)
    public static int map_size(Object map) {
        if (!(map instanceof java.util.Map<?, ?> m)) throw new BadMapError(map);
        return m.size();
    }

    /** {@code :erlang.is_map_key/2}. */
    @Doc("""
        Returns true if the map holds the key.
        """)
    public static boolean is_map_key(Object key, Object map) {
        if (!(map instanceof java.util.Map<?, ?> m)) throw new BadMapError(map);
        return m.containsKey(procshell.runtime.table.TermCopy.of(key));
    }

    /** {@code :erlang.map_get/2}: the value of a key; KeyError when missing. */
    @Doc("""
        Returns the value of the key in the map; raises KeyError when it is missing.
        """)
    public static Object map_get(Object key, Object map) {
        return ErlangMaps.get(key, map);
    }

    // ---- type tests -----------------------------------------------------------------------------

    /** {@code :erlang.is_atom/1}. */
    @Doc("""
        Returns true if the term is an atom.
        """)
    public static boolean is_atom(Object term) {
        return isAtom(term);
    }

    /** {@code :erlang.is_function/1}. */
    @Doc("""
        Returns true if the term is a function (of the given arity).
        """)
    public static boolean is_function(Object term) {
        return term instanceof groovy.lang.Closure<?> || term instanceof procshell.runtime.dist.OpaqueTerm o && o.fun() != null; // a fun from another node
    }

    /** {@code :erlang.fun_info/1}: a fun's items ({@link FunInfo}). */
    @Doc("Information about a fun: a keyword list of module, name, arity, env, type (and for a local fun pid, index, uniq, ...); with an item, {item, value}.")
    public static List<Object> fun_info(Object fun) {
        return FunInfo.all(fun);
    }

    /** {@code :erlang.fun_info/2}: {@code {item, value}}; badarg for a term that is no fun or an unknown item. */
    public static Object fun_info(Object fun, Object item) {
        return FunInfo.item(fun, item);
    }

    /** {@code :erlang.is_function/2}. */
    public static boolean is_function(Object term, Object arity) {
        BifErrors e = new BifErrors(":erlang.is_function", term, arity);
        if (!ErlangArgs.isInt(arity)) throw e.fail(2, "not an integer");
        if (ErlangArgs.clamp(arity) < 0) throw e.fail(2, "out of range");
        if (term instanceof procshell.runtime.dist.OpaqueTerm o && o.fun() != null) return ((Number) arity).longValue() == ((Number) o.fun().get(2)).longValue();
        return ErlangArgs.fun(term, (int) Math.min(255, ErlangArgs.clamp(arity))) != null;
    }

    // ---- processes, timers, monitors ------------------------------------------------------------

    /** {@code :erlang.send/2}: the message. */
    @Doc("""
        Sends a message to a pid or registered name; returns the message.
        """)
    public static Object send(Object dest, Object message) {
        return Kernel.send(dest, message);
    }

    /** {@code :erlang.monitor/2} with {@code :process}: a reference; {@code :DOWN} follows the process's exit. */
    @Doc("""
        Monitors a process (:erlang.monitor(:process, pid_or_name)); returns the reference.
        """)
    public static Object monitor(Object type, Object item) {
        BifErrors e = new BifErrors(":erlang.monitor", type, item);
        if (!(type instanceof Atom t) || !java.util.Set.of("process", "port", "time_offset").contains(t.name())) throw e.fail(1, "invalid monitor type");
        if (!"process".equals(t.name())) throw e.fail(1, "invalid monitor type");
        // (nil is an atom: a name nothing has, whose monitor is at once down with :noproc)
        if (item != null && !(item instanceof Pid) && !(item instanceof Atom) && !(item instanceof Tuple tt && tt.size() == 2)) throw e.fail(2, "not a pid");
        return Process.monitor(item);
    }

    /** {@code :erlang.demonitor/1}. */
    @Doc("""
        Stops a monitor; returns true.
        """)
    public static boolean demonitor(Object ref) {
        if (!(ref instanceof procshell.runtime.node.Ref)) throw new BifErrors(":erlang.demonitor", ref).fail(1, "not a reference");
        return Process.demonitor(ref);
    }

    /** {@code :erlang.demonitor/2} with {@code [:flush]} and {@code [:info]}. */
    public static boolean demonitor(Object ref, Object options) {
        BifErrors e = new BifErrors(":erlang.demonitor", ref, options);
        e.check(!(ref instanceof procshell.runtime.node.Ref), 1, "not a reference").check(!(options instanceof List<?>), 2, "not a list").raise();
        for (Object o : (List<?>) options) {
            if (!(o instanceof Atom a) || !java.util.Set.of("flush", "info").contains(a.name())) throw e.fail(2, "invalid option in list");
        }
        return Process.demonitor(ref, options);
    }

    private static long timerTime(BifErrors e, Object time) {
        if (!ErlangArgs.isInt(time)) throw e.fail(1, "not an integer");
        if ( ErlangArgs.clamp(time) < 0 || ErlangArgs.clamp(time) > 4294967295L) throw e.fail(1, "out of range");
        return ErlangArgs.clamp(time);
    }

    private static void timerDest(BifErrors e, Object dest) {
        if (!(dest instanceof Pid) && !(dest instanceof Atom)) throw e.fail(2, "not a pid or an atom");
    }

    /** {@code :erlang.send_after/3}: the message sent to dest after time ms; the timer's reference. */
    @Doc("""
        Sends the message to the pid or name after time milliseconds; returns the
        timer reference (for cancel_timer/1 and read_timer/1).
        """)
    public static Object send_after(Object time, Object dest, Object message) {
        BifErrors e = new BifErrors(":erlang.send_after", time, dest, message);
        long ms = timerTime(e, time);
        timerDest(e, dest);
        return Timers.sendAfter(ProcessContext.require().node(), dest, message, ms);
    }

    /** {@code :erlang.start_timer/3}: {@code {:timeout, ref, message}} sent to dest after time ms. */
    @Doc("""
        Sends {:timeout, ref, message} to the pid or name after time milliseconds;
        returns ref.
        """)
    public static Object start_timer(Object time, Object dest, Object message) {
        BifErrors e = new BifErrors(":erlang.start_timer", time, dest, message);
        long ms = timerTime(e, time);
        timerDest(e, dest);
        return Timers.startTimer(ProcessContext.require().node(), dest, message, ms);
    }

    /** {@code :erlang.cancel_timer/1}: the ms the timer had left, or false. */
    @Doc("""
        Cancels a timer: the milliseconds it had left, or false.
        """)
    public static Object cancel_timer(Object ref) {
        if (!(ref instanceof procshell.runtime.node.Ref r)) throw new BifErrors(":erlang.cancel_timer", ref).fail(1, "not a reference");
        return Timers.cancel(r);
    }

    /** {@code :erlang.cancel_timer/2} with {@code async:} and {@code info:}; :ok when asynchronous or without info. */
    public static Object cancel_timer(Object ref, Object options) {
        BifErrors e = new BifErrors(":erlang.cancel_timer", ref, options);
        e.check(!(ref instanceof procshell.runtime.node.Ref), 1, "not a reference").check(!(options instanceof List<?>), 2, "not a list").raise();
        boolean async = false, info = true;
        for (Object o : (List<?>) options) {
            if (o instanceof Tuple t && t.size() == 2 && t.get(1) instanceof Boolean b && t.get(0) instanceof Atom k
                    && (k.name().equals("async") || k.name().equals("info"))) {
                if (k.name().equals("async")) async = b;
                else info = b;
            } else {
                throw e.fail(2, "invalid option in list");
            }
        }
        Object left = Timers.cancel((procshell.runtime.node.Ref) ref);
        if (async) {
            if (info) Kernel.send(self(), Tuple.of(Atom.of("cancel_timer"), ref, left));
            return Atom.of("ok");
        }
        return info ? left : Atom.of("ok");
    }

    /** {@code :erlang.read_timer/1}: the ms a timer has left, or false. */
    @Doc("""
        Returns the milliseconds a timer has left, or false.
        """)
    public static Object read_timer(Object ref) {
        if (!(ref instanceof procshell.runtime.node.Ref r)) throw new BifErrors(":erlang.read_timer", ref).fail(1, "not a reference");
        return Timers.read(r);
    }

    /** {@code :erlang.make_ref/0}. */
    @Doc("""
        Returns a new unique reference.
        """)
    public static procshell.runtime.node.Ref make_ref() {
        return Kernel.make_ref();
    }

    // ---- unique numbers and time ----------------------------------------------------------------

    private static final java.util.concurrent.atomic.AtomicLong UNIQUE = new java.util.concurrent.atomic.AtomicLong();

    /** {@code :erlang.unique_integer/0}: an integer unique on this node (may be negative). */
    @Doc("""
        Returns an integer unique on this runtime instance; with [:positive] it is
        positive, with [:monotonic] it grows with each call.
        """)
    public static long unique_integer() {
        return UNIQUE.incrementAndGet() - 576460752303423489L;
    }

    /** {@code :erlang.unique_integer/1} with {@code :positive} and {@code :monotonic}. */
    public static long unique_integer(Object modifiers) {
        BifErrors e = new BifErrors(":erlang.unique_integer", modifiers);
        if (!(modifiers instanceof List<?> l)) throw e.fail(1, "not a list");
        boolean positive = false;
        for (Object o : l) {
            if (!(o instanceof Atom a) || !(a.name().equals("positive") || a.name().equals("monotonic"))) throw e.fail(1, "invalid modifier");
            positive |= a.name().equals("positive");
        }
        long n = UNIQUE.incrementAndGet();
        return positive ? n : n - 576460752303423489L;
    }

    /** {@code :erlang.monotonic_time/0}: native units (nanoseconds) of a clock that never goes back. */
    @Doc("""
        Returns the monotonic time in native units (nanoseconds), or in the given unit.
        """)
    public static long monotonic_time() {
        return TimeUnits.monotonicNanos();
    }

    /** {@code :erlang.monotonic_time/1}. */
    public static long monotonic_time(Object unit) {
        return TimeUnits.convert(TimeUnits.monotonicNanos(), TimeUnits.NATIVE, unit, new BifErrors(":erlang.monotonic_time", unit), 1);
    }

    /** {@code :erlang.system_time/0}: the OS time in native units (nanoseconds since the epoch). */
    @Doc("""
        Returns the system time (since the Unix epoch) in native units, or in the given unit.
        """)
    public static long system_time() {
        return TimeUnits.systemNanos();
    }

    /** {@code :erlang.system_time/1}. */
    public static long system_time(Object unit) {
        return TimeUnits.convert(TimeUnits.systemNanos(), TimeUnits.NATIVE, unit, new BifErrors(":erlang.system_time", unit), 1);
    }

    /** {@code :erlang.time_offset/0}: system time minus monotonic time, native units. */
    @Doc("""
        Returns the difference between system time and monotonic time (native units).
        """)
    public static long time_offset() {
        return TimeUnits.systemNanos() - TimeUnits.monotonicNanos();
    }

    /** {@code :erlang.convert_time_unit/3}: rounded down as the BEAM does. */
    @Doc("""
        Converts a time from one unit to another (:second, :millisecond,
        :microsecond, :nanosecond, :native, or parts per second).
        """)
    public static long convert_time_unit(Object time, Object from, Object to) {
        BifErrors e = new BifErrors(":erlang.convert_time_unit", time, from, to);
        if (!ErlangArgs.isInt(time)) throw e.fail(1, "not an integer");
        long perSecond = TimeUnits.perSecond(from);
        if (perSecond <= 0) throw e.fail(2, "invalid time unit");
        return TimeUnits.convert(ErlangArgs.clamp(time), perSecond, to, e, 3);
    }

    /** {@code :erlang.timestamp/0}: {@code {megaseconds, seconds, microseconds}} of the system time. */
    @Doc("""
        Returns the system time as {megaseconds, seconds, microseconds}.
        """)
    public static Tuple timestamp() {
        long us = TimeUnits.systemNanos() / 1000;
        return Tuple.of((int) (us / 1_000_000_000_000L), (int) (us / 1_000_000 % 1_000_000), (int) (us % 1_000_000));
    }

    /** {@code :erlang.date/0}: {@code {year, month, day}} in local time. */
    @Doc("""
        Returns the local date as {year, month, day}.
        """)
    public static Tuple date() {
        java.time.LocalDate d = java.time.LocalDate.now();
        return Tuple.of(d.getYear(), d.getMonthValue(), d.getDayOfMonth());
    }

    /** {@code :erlang.time/0}: {@code {hour, minute, second}} in local time. */
    @Doc("""
        Returns the local time as {hour, minute, second}.
        """)
    public static Tuple time() {
        java.time.LocalTime t = java.time.LocalTime.now();
        return Tuple.of(t.getHour(), t.getMinute(), t.getSecond());
    }

    /** {@code :erlang.localtime/0}: {@code {{y, m, d}, {h, min, s}}}. */
    @Doc("""
        Returns the local date and time as {{year, month, day}, {hour, minute, second}}.
        """)
    public static Tuple localtime() {
        return dateTime(java.time.LocalDateTime.now());
    }

    /** {@code :erlang.universaltime/0}: as localtime/0 in UTC. */
    @Doc("""
        Returns the UTC date and time as {{year, month, day}, {hour, minute, second}}.
        """)
    public static Tuple universaltime() {
        return dateTime(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC));
    }

    private static Tuple dateTime(java.time.LocalDateTime t) {
        return Tuple.of(Tuple.of(t.getYear(), t.getMonthValue(), t.getDayOfMonth()), Tuple.of(t.getHour(), t.getMinute(), t.getSecond()));
    }

    // ---- the process dictionary -----------------------------------------------------------------

    /** {@code :erlang.get/1}: the value stored under the key, or {@code :undefined}. */
    @Doc("""
        Returns the value of the key in the process dictionary, or :undefined.
        """)
    public static Object get(Object key) {
        Object v = Process.get(key);
        return v == null ? Atom.UNDEFINED : v;
    }

    /** {@code :erlang.put/2}: the previous value, or {@code :undefined}. */
    @Doc("""
        Stores a value in the process dictionary; returns the previous value or :undefined.
        """)
    public static Object put(Object key, Object value) {
        Object old = Process.put(key, value);
        return old == null ? Atom.UNDEFINED : old;
    }

    // ---- errors ---------------------------------------------------------------------------------

    /** {@code :erlang.throw/1}: a throw of the term, for {@code catch}. */
    @Doc("""
        Throws the term (to be caught with catch).
        """)
    public static Object throw_(Object term) {
        return Ops.doThrow(term);
    }

    /** {@code :erlang.error/1}: raises the term as an error ({@code :badarg} is ArgumentError). */
    @Doc("""
        Raises an error with the term as its reason.
        """)
    public static Object error(Object reason) {
        throw ErlangErrors.of(reason);
    }

    /** {@code :erlang.exit/1}: exits the calling process with the reason. */
    @Doc("""
        Exits the calling process with the reason.
        """)
    public static Object exit(Object reason) {
        return Kernel.exit(reason);
    }

    /** {@code :erlang.garbage_collect/0}: true (the JVM collects when it sees fit). */
    @Doc("""
        Asks for a garbage collection; returns true.
        """)
    public static boolean garbage_collect() {
        return true;
    }

    // ---- hashing --------------------------------------------------------------------------------

    /** {@code :erlang.phash2/1}: the BEAM's portable hash of a term, in 0..2^27-1. */
    @Doc("""
        Returns a portable hash of the term: in 0..2^27-1, or in 0..range-1.

        ## Examples

            ps> :erlang.phash2(:a)
            97
        """)
    public static long phash2(Object term) {
        return procshell.runtime.table.PortableHash.phash2(term);
    }

    /** {@code :erlang.phash2/2}: the hash in 0..range-1 (range 1..2^32). */
    public static long phash2(Object term, Object range) {
        // OTP 25 names the 1st argument for a bad range, and gives a bare badarg above 2^32
        if (!ErlangArgs.isInt(range)) throw new BifErrors(":erlang.phash2", term, range).fail(1, "not an integer");
        if (ErlangArgs.clamp(range) < 1) throw new BifErrors(":erlang.phash2", term, range).fail(1, "out of range");
        if (ErlangArgs.clamp(range) > (1L << 32)) throw ArgumentError.badarg();
        return procshell.runtime.table.PortableHash.phash2(term, ErlangArgs.clamp(range));
    }

    // ---- applying and spawning ------------------------------------------------------------------

    /** {@code :erlang.apply/2}: a fun applied to a list of arguments. */
    @Doc("""
        Applies a function to a list of arguments (or module, function and arguments).
        """)
    public static Object apply(Object fun, Object args) {
        // OTP 25 reports the list as the 1st argument (of the apply it makes)
        if (!(args instanceof List<?> l)) throw new BifErrors(":erlang.apply", fun, args).fail(1, "not a list");
        return Ops.apply(fun, l.toArray());
    }

    /** {@code :erlang.halt/0}: ends the node with status 0 ({@code System.halt/0}). */
    @Doc("Halts the node with status 0: procshell exits.")
    public static Object halt() {
        return ElixirSystem.halt(0);
    }

    /** {@code :erlang.halt/1}: ends the node with the status ({@code System.halt/1}). */
    @Doc("Halts the node with the status (an integer 0..255, :abort or a string): procshell exits.")
    public static Object halt(Object status) {
        return ElixirSystem.halt(status);
    }

    /** {@code :erlang.halt/2}: as {@code halt/1}; the options ({@code flush:}) change nothing here. */
    public static Object halt(Object status, Object options) {
        return ElixirSystem.halt(status);
    }

    /** {@code :erlang.apply/3}: {@code module.function(args...)}. */
    public static Object apply(Object module, Object function, Object args) {
        return Kernel.apply(module, function, args);
    }

    /** {@code :erlang.spawn/1}: a new process running the fun. */
    @Doc("""
        Spawns a process running the function (or module, function and arguments).
        """)
    public static Pid spawn(Object fun) {
        return Kernel.spawn(fun);
    }

    /** {@code :erlang.spawn/3}. */
    public static Object spawn(Object module, Object function, Object args) {
        return Ops.spawn(module, function, args);
    }

    /** {@code :erlang.spawn_link/1}. */
    @Doc("""
        Spawns a process linked to the caller.
        """)
    public static Pid spawn_link(Object fun) {
        return Kernel.spawn_link(fun);
    }

    /** {@code :erlang.spawn_link/3}. */
    public static Object spawn_link(Object module, Object function, Object args) {
        return Ops.spawn_link(module, function, args);
    }

    /** {@code :erlang.exit/2}: an exit signal to a process; true. */
    public static boolean exit(Object pid, Object reason) {
        return Process.exit(pid, reason);
    }

    /** {@code :erlang.link/1}. */
    @Doc("""
        Links the caller to a process; true.
        """)
    public static boolean link(Object pid) {
        return Process.link(pid);
    }

    /** {@code :erlang.unlink/1}. */
    @Doc("""
        Removes the link between the caller and a process; true.
        """)
    public static boolean unlink(Object pid) {
        return Process.unlink(pid);
    }

    /** {@code :erlang.register/2}. */
    @Doc("""
        Registers a name for a pid; true.
        """)
    public static boolean register(Object name, Object pid) {
        return Process.register(pid, name);
    }

    /** {@code :erlang.unregister/1}. */
    @Doc("""
        Removes a registered name; true.
        """)
    public static boolean unregister(Object name) {
        return Process.unregister(name);
    }

    // ---- type tests -----------------------------------------------------------------------------

    /** {@code :erlang.is_list/1}. */
    @Doc("""
        Returns true if the term is a list.
        """)
    public static boolean is_list(Object term) {
        return term instanceof List<?> || term instanceof procshell.runtime.dist.ImproperList;
    }

    /** {@code :erlang.is_tuple/1}. */
    @Doc("""
        Returns true if the term is a tuple.
        """)
    public static boolean is_tuple(Object term) {
        return term instanceof Tuple;
    }

    /** {@code :erlang.is_integer/1}. */
    @Doc("""
        Returns true if the term is an integer.
        """)
    public static boolean is_integer(Object term) {
        return ErlangArgs.isInt(term);
    }

    /** {@code :erlang.is_float/1}. */
    @Doc("""
        Returns true if the term is a float.
        """)
    public static boolean is_float(Object term) {
        return procshell.shell.eval.Arithmetic.isFloat(term);
    }

    /** {@code :erlang.is_number/1}. */
    @Doc("""
        Returns true if the term is an integer or a float.
        """)
    public static boolean is_number(Object term) {
        return is_integer(term) || is_float(term);
    }

    /** {@code :erlang.is_binary/1}. */
    @Doc("""
        Returns true if the term is a binary.
        """)
    public static boolean is_binary(Object term) {
        return term instanceof String;
    }

    /** {@code :erlang.is_boolean/1}. */
    @Doc("""
        Returns true if the term is true or false.
        """)
    public static boolean is_boolean(Object term) {
        return term instanceof Boolean;
    }

    /** {@code :erlang.is_pid/1}. */
    @Doc("""
        Returns true if the term is a pid.
        """)
    public static boolean is_pid(Object term) {
        return term instanceof Pid;
    }

    /** {@code :erlang.is_reference/1}. */
    @Doc("""
        Returns true if the term is a reference.
        """)
    public static boolean is_reference(Object term) {
        return term instanceof procshell.runtime.node.Ref;
    }

    /** {@code :erlang.is_map/1}. */
    @Doc("""
        Returns true if the term is a map.
        """)
    public static boolean is_map(Object term) {
        return term instanceof java.util.Map<?, ?>;
    }

    /** {@code :erlang.is_port/1}: false (the shell has no ports). */
    @Doc("""
        Returns true if the term is a port.
        """)
    public static boolean is_port(Object term) {
        return false;
    }

    // ---- binaries (a String when UTF-8, else a procshell.runtime.node.Bitstring) -----------------

    /** {@code :erlang.byte_size/1}: the bytes a bitstring occupies. */
    @Doc("""
        Returns the number of bytes of a bitstring (a partial last byte counts).
        """)
    public static Number byte_size(Object binary) {
        if (!Bitstring.isBitstring(binary)) throw new BifErrors(":erlang.byte_size", binary).fail(1, "not a bitstring");
        return procshell.shell.eval.Arithmetic.integer(Bitstring.byteSize(binary));
    }

    /** {@code :erlang.bit_size/1}. */
    @Doc("""
        Returns the number of bits of a bitstring.
        """)
    public static Number bit_size(Object binary) {
        if (!Bitstring.isBitstring(binary)) throw new BifErrors(":erlang.bit_size", binary).fail(1, "not a bitstring");
        return procshell.shell.eval.Arithmetic.integer(Bitstring.bitSize(binary));
    }

    /** {@code :erlang.binary_to_list/1}: the bytes of a binary. */
    @Doc("""
        Returns the bytes of a binary as a list of integers.
        """)
    public static List<Object> binary_to_list(Object binary) {
        if (!Bitstring.isBinary(binary)) throw new BifErrors(":erlang.binary_to_list", binary).fail(1, "not a binary");
        List<Object> out = new java.util.ArrayList<>();
        for (byte b : Bitstring.bytes(binary)) out.add(b & 0xff);
        return out;
    }

    /** {@code :erlang.bitstring_to_list/1}: the whole bytes, then the trailing bits as a bitstring. */
    @Doc("""
        Returns the bytes of a bitstring as integers; bits past the last whole byte end the list as a bitstring.
        """)
    public static List<Object> bitstring_to_list(Object bitstring) {
        if (!Bitstring.isBitstring(bitstring)) throw new BifErrors(":erlang.bitstring_to_list", bitstring).fail(1, "not a bitstring");
        byte[] bytes = Bitstring.bytes(bitstring);
        long bits = Bitstring.bitSize(bitstring);
        List<Object> out = new java.util.ArrayList<>();
        for (int i = 0; i < bits / 8; i++) out.add(bytes[i] & 0xff);
        if (bits % 8 != 0) out.add(Bitstring.of(new byte[] {bytes[bytes.length - 1]}, bits % 8));
        return out;
    }

    /** The bitstring of an iolist (bytes, bitstrings and nested lists), or null when it is none. */
    private static Object iodata(Object io, boolean bitsAllowed) {
        BitBuilder out = new BitBuilder();
        if (!collect(io, out, bitsAllowed)) return null;
        return out.done();
    }

    private static boolean collect(Object io, BitBuilder out, boolean bitsAllowed) {
        if (Bitstring.isBitstring(io)) {
            if (!bitsAllowed && !Bitstring.isBinary(io)) return false;
            out.binary(io, null, 1);
            return true;
        }
        if (io instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Integer b && b >= 0 && b <= 255) out.integer(b, 8, 1, false, false);
                else if (!(Bitstring.isBitstring(o) || o instanceof List<?>) || !collect(o, out, bitsAllowed)) return false;
            }
            return true;
        }
        return false;
    }

    /** {@code :erlang.list_to_binary/1}: the binary of an iolist. */
    @Doc("""
        Returns the binary made of an iolist (bytes, binaries and nested lists of them).
        """)
    public static Object list_to_binary(Object iolist) {
        BifErrors e = new BifErrors(":erlang.list_to_binary", iolist);
        if (!(iolist instanceof List<?>)) throw e.fail(1, "not an iolist term");
        Object b = iodata(iolist, false);
        if (b == null) throw e.fail(1, "not an iolist term");
        return b;
    }

    /** {@code :erlang.list_to_bitstring/1}: as list_to_binary, bitstrings allowed. */
    @Doc("""
        Returns the bitstring made of a list of bytes, bitstrings and nested lists of them.
        """)
    public static Object list_to_bitstring(Object bitstringList) {
        BifErrors e = new BifErrors(":erlang.list_to_bitstring", bitstringList);
        if (!(bitstringList instanceof List<?>)) throw e.fail(1, "not a bitstring list");
        Object b = iodata(bitstringList, true);
        if (b == null) throw e.fail(1, "not a bitstring list");
        return b;
    }

    /** {@code :erlang.iolist_to_binary/1}. */
    @Doc("""
        Returns the binary made of iodata (a binary, or an iolist).
        """)
    public static Object iolist_to_binary(Object iodata) {
        Object b = iodata(iodata, false);
        if (b == null) throw new BifErrors(":erlang.iolist_to_binary", iodata).fail(1, "not an iodata term");
        return b;
    }

    /** {@code :erlang.iolist_size/1}: the bytes iodata holds. */
    @Doc("""
        Returns the number of bytes of iodata.
        """)
    public static Number iolist_size(Object iodata) {
        Object b = iodata(iodata, false);
        if (b == null) throw new BifErrors(":erlang.iolist_size", iodata).fail(1, "not an iodata term");
        return procshell.shell.eval.Arithmetic.integer(Bitstring.byteSize(b));
    }

    /** {@code :erlang.binary_part/3}: len bytes from a 0-based start. */
    @Doc("""
        Returns the part of a binary of len bytes from the 0-based start.
        """)
    public static Object binary_part(Object binary, Object start, Object len) {
        BifErrors e = new BifErrors(":erlang.binary_part", binary, start, len);
        e.check(!Bitstring.isBitstring(binary), 1, "not a binary").check(!ErlangArgs.isInt(start), 2, "not an integer")
                .check(!ErlangArgs.isInt(len), 3, "not an integer").raise();
        // a bitstring's whole bytes
        byte[] b = java.util.Arrays.copyOf(Bitstring.bytes(binary), (int) (Bitstring.bitSize(binary) / 8));
        long s = ErlangArgs.clamp(start), l = ErlangArgs.clamp(len);
        long from = Math.min(s, s + l), to = Math.max(s, s + l);
        if (from < 0 || from > b.length) throw e.fail(2, "out of range");
        if (to > b.length) throw e.fail(3, "out of range");
        return Bitstring.of(java.util.Arrays.copyOfRange(b, (int) from, (int) to));
    }

    /** {@code :erlang.split_binary/2}: {@code {first pos bytes, rest}}. */
    @Doc("""
        Splits a binary after pos bytes: {first, rest}.
        """)
    public static Tuple split_binary(Object binary, Object pos) {
        BifErrors e = new BifErrors(":erlang.split_binary", binary, pos);
        e.check(!Bitstring.isBitstring(binary), 1, "not a binary").check(!ErlangArgs.isInt(pos), 2, "not an integer").raise();
        byte[] b = Bitstring.bytes(binary);
        long bits = Bitstring.bitSize(binary);
        long p = ErlangArgs.clamp(pos);
        if (p < 0 || p * 8 > bits) throw e.fail(2, "out of range");
        return Tuple.of(Bitstring.of(java.util.Arrays.copyOfRange(b, 0, (int) p)),
                Bitstring.of(java.util.Arrays.copyOfRange(b, (int) p, b.length), bits - 8 * p));
    }

    /** {@code :erlang.size/1}: a tuple's elements or a binary's bytes. */
    @Doc("""
        Returns the size of a tuple or the bytes of a binary.
        """)
    public static Number size(Object term) {
        if (term instanceof Tuple t) return t.size();
        if (Bitstring.isBitstring(term)) return procshell.shell.eval.Arithmetic.integer(Bitstring.bitSize(term) / 8); // whole bytes
        throw new BifErrors(":erlang.size", term).fail(1, "not tuple or binary");
    }

    /** {@code :erlang.term_to_binary/1}: the external term format, byte for byte as the BEAM's. */
    @Doc("""
        Returns the term in Erlang's external term format (what binary_to_term/1 reads back).
        """)
    public static Object term_to_binary(Object term) {
        return ExternalTerms.encode(term, List.of());
    }

    /** {@code :erlang.term_to_binary/2}: with {@code :compressed}, {@code {:compressed, level}}, {@code {:minor_version, v}}. */
    @Doc("""
        Returns the term in Erlang's external term format, with options: :compressed, {:compressed, 0..9}, {:minor_version, 1 | 2}.
        """)
    public static Object term_to_binary(Object term, Object options) {
        if (!(options instanceof List<?> l)) throw new BifErrors(":erlang.term_to_binary", term, options).fail(2, "invalid option in list");
        return ExternalTerms.encode(term, l);
    }

    /** {@code :erlang.binary_to_term/1}. */
    @Doc("""
        Returns the term that a binary in Erlang's external term format holds.
        """)
    public static Object binary_to_term(Object binary) {
        return ExternalTerms.decode(binary, List.of(), new BifErrors(":erlang.binary_to_term", binary));
    }

    /** {@code :erlang.binary_to_term/2}: options {@code :safe} and {@code :used} (then {@code {term, bytes_read}}). */
    @Doc("""
        Returns the term that a binary in Erlang's external term format holds; with :used, {term, bytes_used}.
        """)
    public static Object binary_to_term(Object binary, Object options) {
        BifErrors e = new BifErrors(":erlang.binary_to_term", binary, options);
        if (!(options instanceof List<?> l)) throw e.fail(2, "invalid option");
        return ExternalTerms.decode(binary, l, e);
    }
}
