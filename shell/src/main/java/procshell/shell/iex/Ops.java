package procshell.shell.iex;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import groovy.lang.Closure;
import procshell.runtime.node.Atom;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.ExitException;
import procshell.runtime.process.Mailbox;
import procshell.runtime.process.ProcessContext;
import procshell.runtime.table.TermCompare;
import procshell.runtime.term.ConsList;
import procshell.runtime.term.ListCells;
import procshell.shell.eval.Arithmetic;
import procshell.shell.eval.CaseClauseError;
import procshell.shell.eval.Values;

/**
 * What the code compiled from Elixir ({@code procshell.shell.elixir.compiler}) calls: Elixir's
 * operators with Elixir's semantics (term order, strict booleans, truthiness), data constructors,
 * the tests and accessors of compiled patterns, remote calls ({@link #call}) and the errors
 * Elixir raises when a match or a call fails. Every method takes and returns Elixir terms (see
 * the contract's table); none lets a Java or Groovy error reach the user.
 */
public final class Ops {
    private Ops() {}

    private static final Atom TRUE_ATOM = Atom.of("true");
    private static final Atom INFINITY = Atom.of("infinity");
    private static final Atom MESSAGE = Atom.of("message");
    private static final Atom STRUCT = Atom.of("__struct__");

    /** What {@link #receive} returns when the {@code after} timeout passed without a message. */
    public static final Object TIMEOUT = Mailbox.TIMEOUT;

    /**
     * The arguments of a varargs call: Groovy passes a call with one nil argument
     * ({@code Ops.list(null)}) as a null array.
     */
    private static Object[] args(Object[] args) {
        return args == null ? new Object[] {null} : args;
    }

    // ---- literals and constructors ------------------------------------------------------------

    /** The atom {@code :name}, interned in the node's atom table (a literal atom of loaded code). */
    public static Atom atom(String name) {
        return Kernel._atom_(name);
    }

    /** A tuple {@code {a, b, ...}}. */
    public static Tuple tuple(Object... elements) {
        return Tuple.of(args(elements));
    }

    /** A list {@code [a, b, ...]} (unmodifiable; nil elements allowed). */
    public static List<Object> list(Object... elements) {
        return Collections.unmodifiableList(java.util.Arrays.asList(args(elements)));
    }

    /**
     * {@code [h1, h2 | tail]}: the heads prepended to {@code tail}: a list when the tail is one,
     * else an improper list ({@code procshell.runtime.dist.ImproperList}), as {@code [1 | 2]}.
     */
    public static Object cons(Object tail, Object... heads) {
        return ListCells.cons(args(heads), tail);
    }

    /** A map {@code %{k1 => v1, ...}} from keys and values in turn (a later key wins, as Elixir's). */
    public static MapTerm map(Object... keysAndValues) {
        return new MapTerm(procshell.runtime.term.PersistentMap.ofPairs(args(keysAndValues)));
    }

    /** True when the caller of the Ops function calling this is a prompt input's script (not a module). */
    private static boolean calledFromPrompt() {
        return StackWalker.getInstance().walk(frames -> frames.skip(2).findFirst()
                .map(f -> f.getClassName().equals("iex") || f.getClassName().startsWith("iex_")).orElse(false));
    }

    /**
     * {@code %{map | k1 => v1, ...}}: a copy with existing keys updated.
     *
     * @throws BadMapError when {@code map} is no map
     * @throws KeyError    when a key is not in the map
     */
    public static MapTerm mapUpdate(Object map, Object... keysAndValues) {
        keysAndValues = args(keysAndValues);
        if (!(map instanceof Map<?, ?> m)) throw new BadMapError(map);
        procshell.runtime.term.PersistentMap out = new MapTerm(m).persistent(); // O(1) for a map term
        for (int i = 0; i < keysAndValues.length; i += 2) {
            procshell.runtime.term.PersistentMap next = out.update(keysAndValues[i], keysAndValues[i + 1]);
            if (next == null) {
                List<String> frames = new ArrayList<>(List.of("(stdlib 4.2) :maps.update(" + Kernel.inspect(keysAndValues[i]) + ", "
                        + Kernel.inspect(keysAndValues[i + 1]) + ", " + Kernel.inspect(map) + ")"));
                // iex evaluates a prompt line with erl_eval, which folds the update over the keys
                if (calledFromPrompt()) {
                    frames.add("(stdlib 4.2) erl_eval.erl:309: anonymous fn/2 in :erl_eval.expr/6");
                    frames.add("(stdlib 4.2) lists.erl:1350: :lists.foldl/3");
                }
                throw KeyError.badkey(keysAndValues[i], map, frames);
            }
            out = next;
        }
        return new MapTerm(out);
    }

    /**
     * A struct {@code %Name{k: v}}: the module's defaults ({@code __struct__/0}) with the given
     * keys replaced.
     *
     * @throws KeyError when a key is not a field of the struct
     */
    public static MapTerm struct(Object module, Object... keysAndValues) {
        Object defaults = ExceptionStructs.defaults(module);
        if (defaults == null) defaults = call(module, "__struct__");
        return mapUpdate(defaults, keysAndValues);
    }

    /**
     * The range {@code first..last}: the struct {@code %Range{}}, step 1, or -1 when it counts
     * down (Elixir 1.14).
     *
     * @throws ArgumentError when a bound is no integer, with Elixir's text
     */
    public static Object range(Object first, Object last) {
        if (!ElixirEnum.isInt(first) || !ElixirEnum.isInt(last)) {
            // Elixir 1.14's .. names the stepped form in its error
            throw new ArgumentError("ranges (first..last//step) expect both sides to be integers, got: " + Kernel.inspect(first) + ".."
                    + Kernel.inspect(last));
        }
        long f = ((Number) first).longValue();
        long l = ((Number) last).longValue();
        return RangeTerm.of(f, l, f <= l ? 1 : -1);
    }

    /**
     * The range {@code first..last//step}.
     *
     * @throws ArgumentError when a bound or the step is no integer, or the step is 0, with Elixir's text
     */
    public static Object range(Object first, Object last, Object step) {
        if (!ElixirEnum.isInt(first) || !ElixirEnum.isInt(last) || !ElixirEnum.isInt(step) || ((Number) step).longValue() == 0) {
            throw new ArgumentError("ranges (first..last//step) expect both sides to be integers and the step to be a non-zero integer, got: "
                    + Kernel.inspect(first) + ".." + Kernel.inspect(last) + "//" + Kernel.inspect(step));
        }
        return RangeTerm.of(((Number) first).longValue(), ((Number) last).longValue(), ((Number) step).longValue());
    }

    /**
     * {@code ~D[2024-01-31]}, {@code ~T[10:00:00]}, {@code ~N[2024-01-31 10:00:00]},
     * {@code ~U[2024-01-31 10:00:00Z]}: the calendar struct, as Elixir's {@code sigil_D} and kin.
     *
     * @throws ArgumentError when the text is no such value ({@code cannot parse "x" as date, reason: :invalid_format})
     */
    public static Object calendarSigil(String letter, Object text) {
        return CalendarTerms.sigil(letter, (String) text);
    }

    /**
     * {@code ~r/source/flags}: the regex ({@code %Regex{}}), as Elixir's {@code sigil_r}.
     *
     * @param line the sigil's line at the prompt
     * @throws RegexCompileError when the source does not compile (with the frames of a macro's
     *                           expansion at that line, as iex shows it)
     */
    public static Object regex(Object source, String flags, int line) {
        try {
            return ElixirRegex.compile_bang(source, flags);
        } catch (RegexCompileError e) {
            throw new RegexCompileError(e.getMessage(), List.of(ElixirRegex.COMPILE_FRAME, "(elixir 1.14.0) expanding macro: Kernel.sigil_r/2",
                    "iex:" + line + ": (file)"));
        }
    }

    /**
     * {@code left =~ right}, as Kernel's {@code =~/2}: with a string on the right, whether the left
     * string contains it; with a regex, whether it matches.
     *
     * @throws FunctionClauseError when either side is not a string
     */
    public static boolean matchesText(Object left, Object right) {
        Object l = Values.normalize(left);
        Object r = Values.normalize(right);
        if (l instanceof String && ElixirRegex.is(r)) return ElixirRegex.match_qm(r, l);
        if (!(l instanceof String text) || !(r instanceof String part)) throw new FunctionClauseError("Kernel.=~", 2);
        return text.contains(part);
    }

    /** The string of an interpolation {@code "a#{x}b"}: each part through {@code String.Chars}. */
    public static Object interpolate(Object... parts) {
        parts = args(parts);
        StringBuilder b = new StringBuilder();
        BitBuilder bytes = null;
        for (Object p : parts) {
            if (p instanceof procshell.runtime.node.Bitstring bits) {
                // bytes that are no UTF-8 go in as they are: "#{<<255>>}" is <<255>>
                if (bytes == null) bytes = new BitBuilder().binary(b.toString(), null, 8);
                bytes.binary(bits, null, 8);
            } else if (bytes != null) {
                bytes.binary(p instanceof String s ? s : StringChars.text(p), null, 8);
            } else {
                b.append(p instanceof String s ? s : StringChars.text(p));
            }
        }
        return bytes != null ? bytes.done() : b.toString();
    }

    // ---- truthiness and booleans --------------------------------------------------------------

    /** Elixir's truthiness: everything but nil and false. */
    public static boolean truthy(Object v) {
        return v != null && v != Boolean.FALSE && !Boolean.FALSE.equals(v);
    }

    /** A guard's verdict: it passes on {@code true} only. */
    public static boolean isTrue(Object v) {
        return Boolean.TRUE.equals(v) || TRUE_ATOM.equals(v);
    }

    /**
     * The left side of {@code and} / {@code or}, which must be a boolean.
     *
     * @throws BadBooleanError otherwise
     */
    public static boolean strictLeft(Object v, String operator) {
        if (v instanceof Boolean b) return b;
        throw new BadBooleanError(operator, v);
    }

    /**
     * {@code not x}.
     *
     * @throws ArgumentError when x is no boolean (as {@code :erlang.not/1})
     */
    public static Boolean not(Object v) {
        if (v instanceof Boolean b) return !b;
        throw new ArgumentError("argument error");
    }

    /** {@code !x}: true for nil and false. */
    public static Boolean bang(Object v) {
        return !truthy(v);
    }

    // ---- comparison ---------------------------------------------------------------------------

    /** {@code a == b} (1 == 1.0). */
    public static Boolean eq(Object a, Object b) {
        return TermCompare.equal(a, b);
    }

    /** {@code a != b}. */
    public static Boolean neq(Object a, Object b) {
        return !TermCompare.equal(a, b);
    }

    /** {@code a === b}, and what a pattern's literal or pin matches (1 and 1.0 differ). */
    public static boolean same(Object a, Object b) {
        return TermCompare.exactEquals(a, b);
    }

    /** {@code a === b} as a term. */
    public static Boolean strictEq(Object a, Object b) {
        return TermCompare.exactEquals(a, b);
    }

    /** {@code a !== b}. */
    public static Boolean strictNeq(Object a, Object b) {
        return !TermCompare.exactEquals(a, b);
    }

    /** {@code a < b} in Elixir's term order (number < atom < reference < fun < pid < tuple < map < list < binary). */
    public static Boolean lt(Object a, Object b) {
        return TermCompare.compare(a, b) < 0;
    }

    /** {@code a <= b} in term order. */
    public static Boolean le(Object a, Object b) {
        return TermCompare.compare(a, b) <= 0;
    }

    /** {@code a > b} in term order. */
    public static Boolean gt(Object a, Object b) {
        return TermCompare.compare(a, b) > 0;
    }

    /** {@code a >= b} in term order. */
    public static Boolean ge(Object a, Object b) {
        return TermCompare.compare(a, b) >= 0;
    }

    // ---- arithmetic ---------------------------------------------------------------------------

    /** {@code a + b}. */
    public static Number add(Object a, Object b) {
        return Arithmetic.add(a, b);
    }

    /** {@code a - b}. */
    public static Number sub(Object a, Object b) {
        return Arithmetic.subtract(a, b);
    }

    /** {@code a * b}. */
    public static Number mul(Object a, Object b) {
        return Arithmetic.multiply(a, b);
    }

    /** {@code a / b} (always a float). */
    public static Number divide(Object a, Object b) {
        return Arithmetic.divide(a, b);
    }

    /** {@code a ** b}: an integer for integers (b >= 0), else a float, as Elixir's {@code Integer.pow}/{@code :math.pow}. */
    public static Number pow(Object a, Object b) {
        if (Arithmetic.isInteger(a) && Arithmetic.isInteger(b)) {
            if (Arithmetic.big(b).signum() < 0) return Arithmetic.power((Number) a, (Number) b);
            return Arithmetic.integer(Arithmetic.big(a).pow(((Number) b).intValue()));
        }
        if (!(a instanceof Number x) || !(b instanceof Number y)) throw ArithmeticError.operator("**", a, b);
        return Arithmetic.power(x, y);
    }

    /** {@code -a}. */
    public static Number neg(Object a) {
        return Arithmetic.negate(a);
    }

    /** {@code +a}: the number itself. */
    public static Number plus(Object a) {
        if (a instanceof Number n) return n;
        throw ArithmeticError.function("+", a);
    }

    // ---- strings and lists --------------------------------------------------------------------

    /**
     * {@code a <> b}.
     *
     * @throws ArgumentError when either side is no binary
     */
    public static Object concat(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) return x.concat(y);
        if (procshell.runtime.node.Bitstring.isBitstring(a) && procshell.runtime.node.Bitstring.isBitstring(b)) {
            return new BitBuilder().binary(a, null, 8).binary(b, null, 8).done();
        }
        throw new ArgumentError("expected binary argument in <> operator but got: " + Kernel.inspect(a instanceof String ? b : a));
    }

    /** {@code a ++ b}: the left copied, the right shared, as the BEAM's; {@code [1] ++ 2} is {@code [1 | 2]}. */
    public static Object append(Object a, Object b) {
        if (!(a instanceof List<?> x)) throw new ArgumentError("argument error");
        return ListCells.append(x, b);
    }

    /** {@code a -- b}: each element of b removes its first occurrence in a. */
    public static List<Object> subtract(Object a, Object b) {
        if (!(a instanceof List<?> x) || !(b instanceof List<?> y)) throw new ArgumentError("argument error");
        List<Object> out = new ArrayList<>(x);
        for (Object o : y) {
            for (int i = 0; i < out.size(); i++) {
                if (TermCompare.exactEquals(out.get(i), o)) {
                    out.remove(i);
                    break;
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** {@code x in enumerable} (a list, range or map's {k, v} entries), comparing with ===. */
    public static Boolean in(Object x, Object enumerable) {
        if (RangeTerm.is(enumerable)) return RangeTerm.contains(enumerable, x);
        if (enumerable instanceof Map<?, ?> m && Structs.structOf(m) == null) {
            return x instanceof Tuple t && t.size() == 2 && m.containsKey(t.get(0)) && TermCompare.exactEquals(m.get(t.get(0)), t.get(1));
        }
        if (!(enumerable instanceof List<?>)) return ElixirEnum.member_qm(enumerable, x);
        for (Object o : (List<?>) enumerable) if (TermCompare.exactEquals(o, x)) return true;
        return false;
    }

    private static List<?> asList(Object v, String problem) {
        if (v instanceof List<?> l) return l;
        throw new ArgumentError(problem + Kernel.inspect(v));
    }

    /** The elements a {@code for} generator walks: a list's, a range's, a map's {k, v} entries. */
    public static Iterable<?> enumerate(Object enumerable) {
        return Enumerables.each(enumerable);
    }

    /**
     * What {@code for ..., into: collectable} gives: the elements put into a map (as {k, v}
     * tuples), a list, a MapSet or a string ({@link Collectables}).
     */
    public static Object into(Object collectable, List<Object> elements) {
        return Collectables.into(collectable, elements);
    }

    /** {@code for ..., uniq: true}: the elements without later duplicates. */
    public static List<Object> uniq(List<Object> elements) {
        List<Object> out = new ArrayList<>();
        for (Object e : elements) {
            boolean seen = false;
            for (Object o : out) seen |= TermCompare.exactEquals(o, e);
            if (!seen) out.add(e);
        }
        return Collections.unmodifiableList(out);
    }

    // ---- pattern tests and accessors ----------------------------------------------------------

    /** True when v is a tuple of that size. */
    public static boolean isTuple(Object v, int size) {
        return v instanceof Tuple t && t.size() == size;
    }

    /** True when v is a list of exactly that length. */
    public static boolean isList(Object v, int size) {
        return v instanceof List<?> l && l.size() == size;
    }

    /** True when v is a list, proper or improper, of at least that many cells ({@code [h | t]} with that many heads). */
    public static boolean isListAtLeast(Object v, int size) {
        return v instanceof List<?> l ? l.size() >= size : ListCells.cells(v) >= size;
    }

    /** True when v is a map holding the key. */
    public static boolean hasKey(Object v, Object key) {
        return v instanceof Map<?, ?> m && m.containsKey(key);
    }

    /** True when v is a map. */
    public static boolean isMap(Object v) {
        return v instanceof Map<?, ?>;
    }

    /** True when v is a string starting with the prefix ({@code "prefix" <> rest}). */
    public static boolean startsWith(Object v, String prefix) {
        if (v instanceof procshell.runtime.node.Bitstring bits) {
            byte[] p = prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return bits.trailingBits() == 0 && bits.byteLength() >= p.length
                    && java.util.Arrays.equals(procshell.runtime.node.Bitstring.bytes(bits), 0, p.length, p, 0, p.length);
        }
        return v instanceof String s && s.startsWith(prefix);
    }

    /** Element i of a tuple already tested. */
    public static Object elem(Object tuple, int i) {
        return ((Tuple) tuple).get(i);
    }

    /** Element i of a list (proper or improper) already tested. */
    public static Object at(Object list, int i) {
        return list instanceof List<?> l ? l.get(i) : ListCells.head(list, i);
    }

    /** The list without its first n cells, sharing them ({@code [_ | tail]}'s tail; an improper list's may be no list). */
    public static Object drop(Object list, int n) {
        return list instanceof List<?> l ? ConsList.drop(l, n) : ListCells.drop(list, n);
    }

    /** The value of a key of a map already tested. */
    public static Object get(Object map, Object key) {
        return ((Map<?, ?>) map).get(key);
    }

    /** The rest of a string after a prefix already tested. */
    public static Object after(Object s, int prefixLength) {
        if (s instanceof procshell.runtime.node.Bitstring bits) {
            // the prefix's UTF-8 bytes are at the start: skip prefixLength UTF-16 units' worth of them
            byte[] b = procshell.runtime.node.Bitstring.bytes(bits);
            int i = 0;
            for (int units = 0; units < prefixLength; ) {
                int b0 = b[i] & 0xFF;
                int len = b0 < 0x80 ? 1 : b0 < 0xE0 ? 2 : b0 < 0xF0 ? 3 : 4;
                units += len == 4 ? 2 : 1;
                i += len;
            }
            return procshell.runtime.node.Bitstring.of(java.util.Arrays.copyOfRange(b, i, b.length));
        }
        return ((String) s).substring(prefixLength);
    }

    // ---- access -------------------------------------------------------------------------------

    /** What {@link #dot} looks up when the key is absent. */
    private static final Object NO_KEY = new Object();

    /**
     * {@code term.key} without parentheses: a map's key (KeyError when missing), an exception's
     * field, or a call of a module's function of arity 0.
     */
    @SuppressWarnings("unchecked")
    public static Object dot(Object term, String key) {
        if (term instanceof Map<?, ?> m) {
            Atom k = atom(key);
            Object v = ((Map<?, Object>) m).getOrDefault(k, NO_KEY); // one lookup: nil is a value like any other
            if (v != NO_KEY) return v;
            throw KeyError.badkeyIn(k, term);
        }
        if (term instanceof Throwable t && key.equals("message") && !(t instanceof KeyError k && k.isLookup())) return exceptionMessage(t);
        if (term instanceof Throwable t) {
            // a raised error's other fields, as its struct has them (e.key, e.term, e.original)
            Map<?, ?> struct = ExceptionStructs.of(t);
            if (struct.containsKey(atom(key))) return struct.get(atom(key));
        }
        if (term instanceof Atom || term instanceof Class<?>) return call(term, key);
        throw new KeyError("key " + Kernel.inspect(atom(key)) + " not found in: " + Kernel.inspect(term)
                + ". If you are using the dot syntax, such as map.field, make sure the left-hand side of the dot is a map");
    }

    /** Elixir's {@code Exception.message/1} of an error: without the blame iex adds when it prints. */
    static String exceptionMessage(Throwable t) {
        return procshell.shell.inspect.ErrorFormatter.exceptionMessage(t);
    }

    /** {@code term[key]}: a map's value or a keyword list's first, nil when absent. */
    public static Object access(Object term, Object key) {
        if (term == null) return null;
        if (term instanceof Map<?, ?> m) return m.get(key);
        if (term instanceof List<?> l) {
            if (!(key instanceof Atom)) {
                throw new ArgumentError("the Access calls for keywords expect the key to be an atom, got: " + Kernel.inspect(key));
            }
            for (Object o : l) if (o instanceof Tuple t && t.size() == 2 && key.equals(t.get(0))) return t.get(1);
            return null;
        }
        throw new FunctionClauseError("Access.get", 3);
    }

    /** {@code put_elem(tuple, index, value)}. */
    public static Tuple put_elem(Object tuple, Object index, Object value) {
        if (!(tuple instanceof Tuple t) || !(index instanceof Integer i) || i < 0 || i >= t.size()) {
            throw ArgumentError.badArgument(tuple instanceof Tuple ? "1st argument: out of range" : "2nd argument: not a tuple",
                    ":erlang.setelement(" + Kernel.inspect(index instanceof Integer i ? i + 1 : index) + ", " + Kernel.inspect(tuple)
                            + ", " + Kernel.inspect(value) + ")");
        }
        Object[] out = t.toList().toArray();
        out[i] = value;
        return Tuple.of(out);
    }

    /** {@code length(list)}. */
    public static Integer length(Object list) {
        if (list instanceof List<?> l) return l.size();
        throw ArgumentError.badArgument("1st argument: not a list", ":erlang.length(" + Kernel.inspect(list) + ")");
    }

    /** {@code byte_size(binary)}: its UTF-8 length. */
    public static Integer byte_size(Object binary) {
        if (binary instanceof String s) return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (binary instanceof byte[] b) return b.length;
        if (binary instanceof procshell.runtime.node.Bitstring b) return b.byteLength();
        throw ArgumentError.badArgument("1st argument: not a bitstring", ":erlang.byte_size(" + Kernel.inspect(binary) + ")");
    }

    /** {@code spawn(module, function, args)}: a process that runs {@code apply(module, function, args)}. */
    public static Object spawn(Object module, Object function, Object args) {
        return Kernel.spawn(applier(module, function, args));
    }

    /** {@code spawn_link(module, function, args)}. */
    public static Object spawn_link(Object module, Object function, Object args) {
        return Kernel.spawn_link(applier(module, function, args));
    }

    private static Closure<Object> applier(Object module, Object function, Object args) {
        if (!(function instanceof Atom f) || !(args instanceof List<?> l)) throw new ArgumentError("argument error");
        Object[] argv = l.toArray();
        return new Closure<>(null) {
            @Override
            public Object call() {
                return Ops.call(module, f.name(), argv);
            }

            @Override
            public int getMaximumNumberOfParameters() {
                return 0;
            }
        };
    }

    /** {@code then(value, fun)}. */
    public static Object then(Object value, Object fun) {
        return apply(fun, value);
    }

    /** {@code tap(value, fun)}: calls fun, returns value. */
    public static Object tap(Object value, Object fun) {
        apply(fun, value);
        return value;
    }

    // ---- calls --------------------------------------------------------------------------------

    /**
     * {@code f.(args)}.
     *
     * @throws BadFunctionError when f is no function
     * @throws BadArityError    when it takes another number of arguments
     */
    public static Object apply(Object f, Object... args) {
        args = args(args);
        if (!(f instanceof Closure<?> c)) throw new BadFunctionError(f);
        int arity = c.getMaximumNumberOfParameters();
        if (arity != args.length) throw new BadArityError(f, args);
        return arity == 0 ? c.call() : c.call(args);
    }

    /**
     * {@code Module.function(args)} for a module known only at run time: a module compiled from
     * Elixir, a shell facade ({@code GenServer}, {@code String}) or an Erlang module ({@code :ets}),
     * through the session's module table.
     *
     * @param module   an atom ({@code :"Elixir.MyApp.Hello"}, {@code :ets}) or a class
     * @param function the Elixir function name ({@code alive?})
     * @throws UndefinedFunctionError when there is no such module or function, with Elixir's text
     * @throws ArgumentError          when module is no atom, as Elixir's
     */
    public static Object call(Object module, String function, Object... args) {
        args = args(args);
        Modules modules = IexSession.current().modules();
        if (module instanceof Class<?> c) module = modules.atomOf(c);
        if (!(module instanceof Atom a)) {
            throw new ArgumentError("you attempted to apply a function named " + Kernel.inspect(atom(function)) + " on "
                    + Kernel.inspect(module) + ". If you are using Kernel.apply/3, make sure the module is an atom. If you are using"
                    + " the dot syntax, such as module.function(), make sure the left-hand side of the dot is an atom representing a"
                    + " module");
        }
        Object v = Kernel.byName(a, function, args);
        if (v != Kernel.NOT_OPERATOR) return v;
        return modules.apply(a, Modules.javaName(function), args);
    }

    /**
     * Registers a module compiled from Elixir with the session's module table, so that its atom
     * reaches the class ({@link #call}, GenServer callbacks, via tuples). Redefining a module
     * prints iex's warning first: {@code warning: redefining module Foo (current version defined
     * in memory)}, with the line of the {@code defmodule}.
     *
     * @param line the line of the {@code defmodule} in the input (0 when unknown)
     * @return the module atom
     */
    public static Atom defineModule(Atom module, Class<?> cls, int line) {
        IexSession session = IexSession.current();
        Class<?> previous = session.modules().classOf(module);
        if (previous != null && previous != cls && previous.isAnnotationPresent(ElixirName.class)) {
            session.out().print("warning: redefining module " + Kernel.inspect(module) + " (current version defined in memory)\n"
                    + (line > 0 ? "  iex:" + line + "\n" : "") + "\n");
            session.out().flush();
        }
        return defineModule(module, cls);
    }

    /**
     * Registers a module compiled from Elixir with the session's module table, so that its atom
     * reaches the class ({@link #call}, GenServer callbacks, via tuples); a redefinition replaces
     * the class.
     *
     * @return the module atom
     */
    public static Atom defineModule(Atom module, Class<?> cls) {
        IexSession.current().modules().define(module, cls);
        return module;
    }

    /**
     * What {@code defmodule} returns: {@code {:module, Name, <<70, 79, 82, 49, ...>>, last}}, the
     * binary laid out as a BEAM file ({@link BeamImage}) around the module's class.
     */
    public static Tuple moduleResult(Atom module, Class<?> cls, Object last) {
        return Tuple.of(atom("module"), module, procshell.runtime.node.Bitstring.of(BeamImage.of(module.name(), cls, CLASS_BYTES.get(cls))), last);
    }

    private static final Map<Class<?>, int[]> LINES = Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * Remembers where a compiled module's Groovy lines come from in the Elixir input.
     *
     * @param table pairs {@code groovyLine, elixirLine}, by Groovy line, each holding until the next
     */
    public static void lineTable(Class<?> cls, int[] table) {
        LINES.put(cls, table);
    }

    /**
     * The Elixir line of a Groovy line of a compiled module (for stack frames).
     *
     * @return the line, or -1 when the class is not a compiled module
     */
    public static int elixirLine(Class<?> cls, int groovyLine) {
        int[] t = LINES.get(cls);
        if (t == null) return -1;
        int line = t.length > 1 ? t[1] : -1;
        for (int i = 0; i + 1 < t.length && t[i] <= groovyLine; i += 2) line = t[i + 1];
        return line;
    }

    private static final Map<Class<?>, byte[]> CLASS_BYTES = Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * Remembers the bytecode of a class as it is defined (see
     * {@code procshell.shell.elixir.compiler.ModuleClassLoader}), for {@code defmodule}'s value.
     */
    public static void recordClassBytes(Class<?> cls, byte[] bytes) {
        CLASS_BYTES.put(cls, bytes);
    }


    /**
     * {@code child_spec/1} of {@code use GenServer, opts}: the default spec with the options'
     * keys put over it, as {@code Supervisor.child_spec/2}.
     */
    public static MapTerm childSpec(Object defaults, Object overrides) {
        MapTerm out = new MapTerm((Map<?, ?>) defaults);
        if (overrides instanceof List<?> l) {
            for (Object o : l) if (o instanceof Tuple t && t.size() == 2) out.put(t.get(0), t.get(1));
        }
        return out;
    }

    /** The calling process's registered name, else its pid (what GenServer's default callbacks report). */
    public static Object processName() {
        Object info = Process.info(Kernel.self(), atom("registered_name"));
        if (info instanceof Tuple t && t.size() == 2 && t.get(1) instanceof Atom name) return name;
        return Kernel.self();
    }

    // ---- receive ------------------------------------------------------------------------------

    /**
     * Selective receive: the oldest message for which {@code accepts} is true; the others stay
     * queued.
     *
     * @param accepts a one-argument closure returning whether some clause accepts the message
     * @param timeout ms or {@code :infinity}; null for no {@code after}
     * @return the message, or {@link #TIMEOUT}
     * @throws procshell.runtime.process.ErlangError {@code :timeout_value} for a bad timeout
     */
    public static Object receive(Closure<?> accepts, Object timeout) {
        long ms = timeout == null ? -1 : timeoutMs(timeout);
        return ProcessContext.require().receive(m -> Boolean.TRUE.equals(accepts.call(m)), ms);
    }

    private static long timeoutMs(Object timeout) {
        if (INFINITY.equals(timeout)) return -1;
        if ((timeout instanceof Integer || timeout instanceof Long) && ((Number) timeout).longValue() >= 0) {
            return ((Number) timeout).longValue();
        }
        throw new procshell.runtime.process.ErlangError(atom("timeout_value"));
    }

    // ---- errors -------------------------------------------------------------------------------

    /** Raises MatchError for the value. */
    public static Object matchError(Object value) {
        throw new MatchError(value);
    }

    /** Raises CaseClauseError for the value. */
    public static Object caseClause(Object value) {
        throw new CaseClauseError(value);
    }

    /** Raises CondClauseError. */
    public static Object condClause() {
        throw new CondClauseError();
    }

    /** Raises WithClauseError for the value. */
    public static Object withClause(Object value) {
        throw new WithClauseError(value);
    }

    /** Raises TryClauseError for the value. */
    public static Object tryClause(Object value) {
        throw new TryClauseError(value);
    }

    /**
     * True when the Java frame runs the named function {@code function} ({@code R.f/1}: a method
     * {@code f}); false for a fn ({@code anonymous fn/1 in ...}), whose callers (Enum's frames,
     * say) the shell does not know.
     */
    private static boolean isFrameOf(StackTraceElement frame, String function) {
        if (function.startsWith("anonymous fn")) return false;
        int slash = function.lastIndexOf('/');
        int dot = function.lastIndexOf('.', slash);
        if (slash < 0 || dot < 0) return false;
        return ShellModules.elixirName(frame.getMethodName()).equals(function.substring(dot + 1, slash));
    }

    /**
     * Raises FunctionClauseError for a function and its arguments.
     *
     * @param function the function and arity as Elixir names it ({@code MyApp.Hello.f/1})
     * @param frame    the stack line iex shows for it ({@code iex:3: MyApp.Hello.f/1}), or null for none
     */
    public static Object functionClause(String function, String frame, Object... args) {
        FunctionClauseError e = new FunctionClauseError(function, java.util.Arrays.asList(args(args)),
                frame == null ? List.of() : List.of(frame));
        // the function's own frame is the error's (its clause head's line); its callers' follow it.
        // When the first typed frame is not the function's own, the frames would say wrong things:
        // none are kept, the Groovy frames of the compiled code would only show Groovy's names
        StackTraceElement[] stack = e.getStackTrace();
        int own = 0;
        while (own < stack.length && (stack[own].getFileName() == null || !stack[own].getFileName().startsWith("iex"))) own++;
        boolean found = own < stack.length && isFrameOf(stack[own], function);
        e.setStackTrace(found ? java.util.Arrays.copyOfRange(stack, own + 1, stack.length) : new StackTraceElement[0]);
        throw e;
    }

    /**
     * {@code raise message} / {@code raise exception}: a string raises RuntimeError, a module atom
     * of an exception its default.
     */
    public static Object raise(Object what) {
        if (what instanceof RuntimeException e) throw e;
        if (what instanceof String s) throw new RuntimeError(s);
        if (what instanceof Map<?, ?>) throw ExceptionStructs.toRaise(what);
        if (what instanceof Atom) return raise(what, null);
        throw notRaisable(what);
    }

    /** Elixir's ArgumentError for raising what is no module name, string or exception. */
    static ArgumentError notRaisable(Object what) {
        return new ArgumentError("raise/1 and reraise/2 expect a module name, string or exception as the first argument, got: "
                + Kernel.inspect(what));
    }

    /**
     * The shell's class of one of Elixir's exceptions ({@code ArgumentError} for
     * {@code :"Elixir.ArgumentError"}), or null when it has none (a module of defexception's).
     */
    static Class<?> exceptionClass(Object module) {
        String name = module instanceof Atom a && a.name().startsWith("Elixir.") ? a.name().substring(7) : String.valueOf(module);
        try {
            Class<?> cls = Class.forName(Ops.class.getPackageName() + "." + name);
            return Throwable.class.isAssignableFrom(cls) ? cls : null;
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static final Atom ERLANG_ERROR = Atom.of("Elixir.ErlangError");

    /**
     * {@code raise Module, message} and {@code raise Module, key: value}: an exception of
     * procshell's for that Elixir name; {@code raise ErlangError, original: term} the runtime's
     * {@link procshell.runtime.process.ErlangError} of that term ({@code ** (ErlangError) Erlang
     * error: term}).
     *
     * @param module  the exception's module atom, e.g. {@code :"Elixir.ArgumentError"}
     * @param message a string, a keyword list with {@code message:}, or null for the default
     */
    public static Object raise(Object module, Object message) {
        if (ERLANG_ERROR.equals(module) && message instanceof List<?> l && Keyword.has_key_qm(l, atom("original"))) {
            // ErlangError.exception(original: term): the runtime's ErlangError, which rescue reads as %ErlangError{}
            throw new procshell.runtime.process.ErlangError(Keyword.get(l, atom("original")));
        }
        Class<?> cls = exceptionClass(module);
        if (cls == null) {
            // a module of defexception's: its exception/1 makes the struct, [] when raised without fields
            throw ExceptionStructs.toRaise(call(module, "exception", message == null ? List.of() : message));
        }
        String text = messageOf(message);
        if (text == null) return Kernel.raise(cls);
        return Kernel.raise(cls, text);
    }

    private static String messageOf(Object message) {
        if (message == null) return null;
        if (message instanceof String s) return s;
        if (message instanceof List<?> l) {
            for (Object o : l) if (o instanceof Tuple t && t.size() == 2 && MESSAGE.equals(t.get(0))) return StringChars.text(t.get(1));
            // KeyError's fields: raise KeyError, key: :a, term: %{}
            Object key = Keyword.get(l, atom("key"), null);
            if (key != null || !l.isEmpty() && l.get(0) instanceof Tuple) {
                return "key " + Kernel.inspect(key) + " not found" + (Keyword.has_key_qm(l, atom("term")) ? " in: "
                        + Kernel.inspect(Keyword.get(l, atom("term"))) : "");
            }
        }
        if (message instanceof Map<?, ?> m && m.containsKey(MESSAGE)) return StringChars.text(m.get(MESSAGE));
        return StringChars.text(message);
    }

    /** {@code throw(term)}. */
    public static Object doThrow(Object term) {
        throw new ThrownValue(Values.normalize(term));
    }

    // ---- try ----------------------------------------------------------------------------------

    /** True when a rescue clause naming the exception module (e.g. {@code "ArgumentError"}) takes t. */
    public static boolean isException(Object t, String name) {
        return t instanceof Throwable e && !(t instanceof ThrownValue) && !(t instanceof ExitException)
                && procshell.shell.inspect.ErrorFormatter.elixirName(e).equals(name);
    }

    /** What a {@code rescue} clause binds for t: the struct of a {@code defexception} module's exception, else t. */
    public static Object rescued(Throwable t) {
        return ExceptionStructs.rescued(t);
    }

    /** True when t is an error a {@code rescue} takes (not a throw, not an exit). */
    public static boolean isError(Object t) {
        return t instanceof Throwable && !(t instanceof ThrownValue) && !(t instanceof ExitException);
    }

    /** The kind a {@code catch kind, value} clause sees: {@code :throw}, {@code :exit} or {@code :error}. */
    public static Atom catchKind(Throwable t) {
        return atom(t instanceof ThrownValue ? "throw" : t instanceof ExitException ? "exit" : "error");
    }

    /** The value a {@code catch kind, value} clause sees: the thrown term, the exit reason, the exception. */
    public static Object catchValue(Throwable t) {
        if (t instanceof ThrownValue v) return v.value();
        if (t instanceof ExitException e) return e.reason();
        if (t instanceof DefinedException d) return d.struct();
        if (t instanceof procshell.runtime.process.ErlangError e) return e.reason(); // the raw term, as the BEAM's catch
        return t;
    }

    // ---- maps -------------------------------------------------------------------------------

    /** The struct's module of a map, or nil. */
    public static Object structName(Object map) {
        return map instanceof Map<?, ?> m ? m.get(STRUCT) : null;
    }

    /** A keyword list or map of options as a map (for {@code defstruct [a: 1, b: 2]}). */
    public static MapTerm fields(Object module, Object fields) {
        procshell.runtime.term.PersistentMap out = procshell.runtime.term.PersistentMap.EMPTY.put(STRUCT, module);
        List<Object> order = new ArrayList<>();
        for (Object f : asList(fields, "argument error: ")) {
            Object key = f instanceof Tuple t && t.size() == 2 ? t.get(0) : f;
            if (!out.containsKey(key)) order.add(key);
            out = out.put(key, f instanceof Tuple t && t.size() == 2 ? t.get(1) : null);
        }
        // a map has no order of its own: the struct's printing and __info__(:struct) read defstruct's from here
        if (module instanceof Atom a) Structs.defineFields(a, order);
        return MapTerm.of(out);
    }
}
