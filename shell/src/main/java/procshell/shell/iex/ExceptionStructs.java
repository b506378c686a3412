package procshell.shell.iex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import procshell.runtime.node.Atom;

/**
 * Exceptions as the Elixir structs they are: {@code %RuntimeError{message: "boom"}} is
 * {@code %{__struct__: RuntimeError, __exception__: true, message: "boom"}}. Elixir's own
 * exception modules are known here with their fields in {@code defexception} order and their
 * defaults (as {@code RuntimeError.__struct__/0} gives them in Elixir 1.14), so that their struct
 * literals build, print and raise; an exception module defined at the prompt by
 * {@code defexception} is an ordinary struct module whose raised value is a
 * {@link DefinedException}.
 */
final class ExceptionStructs {
    static final Atom STRUCT = Atom.of("__struct__");
    static final Atom EXCEPTION = Atom.of("__exception__");
    static final Atom MESSAGE = Atom.of("message");

    /** Elixir's exception modules: fields in their order, with defaults (null is nil). */
    private static final Map<String, Object[]> BUILT_IN = new LinkedHashMap<>();

    static {
        message("RuntimeError", RuntimeError.DEFAULT_MESSAGE);
        message("ArgumentError", ArgumentError.DEFAULT_MESSAGE);
        message("ArithmeticError", "bad argument in arithmetic expression");
        message("SystemLimitError", "a system limit has been reached");
        message("Enum.EmptyError", "empty error");
        message("Enum.OutOfBoundsError", "out of bounds error");
        message("Regex.CompileError", "regex could not be compiled");
        nils("KeyError", "key", "term", "message");
        for (String n : List.of("MatchError", "CaseClauseError", "WithClauseError", "TryClauseError", "BadMapError", "BadFunctionError")) {
            nils(n, "term");
        }
        nils("CondClauseError");
        nils("BadBooleanError", "term", "operator");
        nils("BadArityError", "function", "args");
        nils("BadStructError", "struct", "term");
        nils("FunctionClauseError", "module", "function", "arity", "kind", "args", "clauses");
        nils("UndefinedFunctionError", "module", "function", "arity", "reason", "message");
        nils("ErlangError", "original", "reason");
        nils("UnicodeConversionError", "encoded", "message");
        BUILT_IN.put("Protocol.UndefinedError", new Object[] {"protocol", null, "value", null, "description", ""});
    }

    private ExceptionStructs() {}

    private static void message(String name, String message) {
        BUILT_IN.put(name, new Object[] {"message", message});
    }

    private static void nils(String name, String... fields) {
        Object[] pairs = new Object[fields.length * 2];
        for (int i = 0; i < fields.length; i++) pairs[2 * i] = fields[i];
        BUILT_IN.put(name, pairs);
    }

    /**
     * The struct of one of Elixir's own exception modules with its defaults, as
     * {@code RuntimeError.__struct__/0} ({@code %RuntimeError{message: "runtime error"}}), or
     * null when the module is not one of them.
     *
     * @param module the module atom, e.g. {@code :"Elixir.KeyError"}
     */
    public static MapTerm defaults(Object module) {
        Object[] pairs = fieldsOf(module);
        if (pairs == null) return null;
        Atom a = (Atom) module;
        List<Object> fields = new ArrayList<>();
        fields.add(procshell.runtime.node.Tuple.of(EXCEPTION, Boolean.TRUE));
        for (int i = 0; i < pairs.length; i += 2) fields.add(procshell.runtime.node.Tuple.of(Atom.of((String) pairs[i]), pairs[i + 1]));
        return Ops.fields(a, fields);
    }

    /**
     * The fields of one of Elixir's own exception modules in their {@code defexception} order,
     * {@code __exception__} first ({@code [:__exception__, :key, :term, :message]} for KeyError), or
     * null when the module is not one of them.
     */
    public static List<Object> fieldOrder(Object module) {
        Object[] pairs = fieldsOf(module);
        if (pairs == null) return null;
        List<Object> out = new ArrayList<>();
        out.add(EXCEPTION);
        for (int i = 0; i < pairs.length; i += 2) out.add(Atom.of((String) pairs[i]));
        return out;
    }

    /** True when the module is one of Elixir's own exception modules ({@code :"Elixir.KeyError"}). */
    static boolean isBuiltIn(Object module) {
        return fieldsOf(module) != null;
    }

    /** The fields and defaults of one of Elixir's own exception modules, or null. */
    private static Object[] fieldsOf(Object module) {
        return module instanceof Atom a && a.name().startsWith("Elixir.") ? BUILT_IN.get(a.name().substring(7)) : null;
    }

    /** True when the term is an exception's struct: a struct whose {@code __exception__} is true. */
    public static boolean isStruct(Object term) {
        return term instanceof Map<?, ?> m && m.get(STRUCT) instanceof Atom && Boolean.TRUE.equals(m.get(EXCEPTION));
    }

    /**
     * The struct of a raised error, as Elixir has it: a {@code defexception} module's own; one of
     * Elixir's with all its fields, those the error knows filled in ({@code %KeyError{key: :a,
     * term: %{}, message: nil}}, {@code %ErlangError{original: :oops, reason: nil}}); for any
     * other, {@code __struct__}, {@code __exception__} and {@code message}.
     */
    public static Map<?, ?> of(Throwable e) {
        if (e instanceof DefinedException d) return d.struct();
        Atom module = Atom.of("Elixir." + procshell.shell.inspect.ErrorFormatter.elixirName(e));
        MapTerm m = defaults(module);
        if (m == null) {
            m = new MapTerm();
            m.put(STRUCT, module);
            m.put(EXCEPTION, Boolean.TRUE);
        }
        if (e instanceof KeyError k && k.isLookup()) {
            m.put(Atom.of("key"), k.key());
            m.put(Atom.of("term"), k.term());
            m.put(MESSAGE, null);
        } else if (e instanceof procshell.runtime.process.ErlangError x && m.containsKey(Atom.of("original"))) {
            m.put(Atom.of("original"), x.reason());
        } else if (m.containsKey(MESSAGE) || !isBuiltIn(module)) {
            m.put(MESSAGE, ElixirException.message(e));
        }
        return m;
    }

    /**
     * What a {@code rescue} clause binds for a raised error: the struct of an exception defined
     * by {@code defexception}; for Elixir's own, the error itself (it prints and answers
     * {@code e.message} as its struct would).
     */
    public static Object rescued(Throwable t) {
        return t instanceof DefinedException d ? d.struct() : t;
    }

    /**
     * The error to throw for {@code raise struct}: Elixir's own exceptions of a message as their
     * errors here ({@code %RuntimeError{message: "boom"}} is {@code RuntimeError("boom")}), any
     * other exception struct as a {@link DefinedException}.
     *
     * @throws ArgumentError when the term is no exception struct, with Elixir's words
     */
    public static RuntimeException toRaise(Object struct) {
        if (!isStruct(struct)) throw Ops.notRaisable(struct);
        Map<?, ?> m = (Map<?, ?>) struct;
        Atom module = (Atom) m.get(STRUCT);
        Object[] pairs = fieldsOf(module);
        Class<?> cls = pairs != null && pairs.length == 2 && "message".equals(pairs[0]) ? Ops.exceptionClass(module) : null;
        if (cls != null && m.get(MESSAGE) instanceof String text && m.size() == 3) return Kernel.exception(cls, text);
        return new DefinedException(m);
    }
}
