package procshell.shell.iex;

import java.util.List;

import procshell.runtime.inspect.Inspect;
import procshell.runtime.inspect.InspectOptions;
import procshell.runtime.node.Atom;
import procshell.shell.eval.Values;

/**
 * Elixir's {@code IO} module at the prompt (1.14): {@code puts}, {@code write}, {@code inspect}
 * (with {@code label:} and inspect options) to the shell's output, and the iodata/chardata
 * conversions. A device argument ({@code :stdio}, {@code :stderr}) is accepted; both print to the
 * shell's output.
 */
@Doc("""
    Functions for writing to the shell's output, and iodata/chardata conversions.
    """)
public final class IO {
    private IO() {}

    private static void print(String text) {
        if (RemoteIo.putChars(text)) return; // the group leader is another node's shell
        IexSession s = IexSession.current();
        s.out().print(text);
        s.out().flush();
    }

    /** Prints the chardata and a newline, as {@code IO.puts/1}; returns {@code :ok}. */
    @Doc("""
        Writes the text (any chardata, or a term with String.Chars) followed by a newline; returns :ok.
        """)
    public static Atom puts(Object text) {
        notText(text, ", 10]");
        print(StringChars.text(text) + "\n");
        return Atom.OK;
    }

    /** A binary that is not UTF-8 is no character data for the shell's (unicode) output: io's badarg. */
    private static void notText(Object text, String rest) {
        if (text instanceof procshell.runtime.node.Bitstring) {
            throw ArgumentError.badArgument("2nd argument: not valid character data (an iodata term)",
                    "(stdlib 4.2) io.erl:99: :io.put_chars(:standard_io, [" + Kernel.inspect(text) + rest + ")");
        }
    }

    /** As {@code IO.puts/2} with a device. */
    public static Atom puts(Object device, Object text) {
        device(device, "puts");
        return puts(text);
    }

    /** Prints the chardata without a newline, as {@code IO.write/1}. */
    @Doc("""
        Writes the text (any chardata) without a newline; returns :ok.
        """)
    public static Atom write(Object text) {
        notText(text, "]");
        print(StringChars.text(text));
        return Atom.OK;
    }

    /** As {@code IO.write/2} with a device. */
    public static Atom write(Object device, Object text) {
        device(device, "write");
        return write(text);
    }

    /** Prints the inspected term, as {@code IO.inspect/1}; returns the term. */
    @Doc("""
        Writes the inspected term (after "label: " with the label: option) and returns the term.
        Takes inspect's options: limit:, printable_limit:, width:, charlists:.

        ## Examples

            ps> [1, 2] |> IO.inspect(label: "list") |> Enum.sum()
            list: [1, 2]
            3
        """)
    public static Object inspect(Object term) {
        return inspect(term, List.of());
    }

    /** As {@code IO.inspect/2}: {@code label:} and inspect options. */
    public static Object inspect(Object term, Object options) {
        Object v = Values.normalize(term);
        // IO.inspect lays the document out at the options' width, pretty or not
        InspectOptions opts = InspectOpts.from(options, InspectOptions.DEFAULT).withPretty(true);
        Object label = Keyword.get(options, Atom.of("label"), null);
        print((label == null ? "" : StringChars.text(label) + ": ") + Inspect.inspect(v, opts) + "\n");
        return v;
    }

    /** As {@code IO.inspect/3} with a device. */
    public static Object inspect(Object device, Object term, Object options) {
        device(device, "inspect");
        return inspect(term, options);
    }

    private static void device(Object device, String function) {
        Object d = Values.normalize(device);
        if (!(d instanceof Atom || d instanceof procshell.runtime.node.Pid)) throw new FunctionClauseError("IO." + function, 2);
    }

    /** The iodata as one binary, as {@code IO.iodata_to_binary/1}. */
    @Doc("""
        Converts iodata (strings, bytes and lists of them) to a string.
        """)
    public static String iodata_to_binary(Object iodata) {
        StringBuilder b = new StringBuilder();
        iodata(Values.normalize(iodata), b);
        return b.toString();
    }

    /** The byte size of the iodata, as {@code IO.iodata_length/1}. */
    @Doc("""
        Returns the size in bytes of the iodata.
        """)
    public static int iodata_length(Object iodata) {
        return iodata_to_binary(iodata).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private static void iodata(Object o, StringBuilder b) {
        if (o instanceof String s) {
            b.append(s);
        } else if (o instanceof Integer i && i >= 0 && i <= 255) {
            b.append((char) i.intValue());
        } else if (o instanceof List<?> l) {
            for (Object e : l) iodata(e, b);
        } else {
            throw ArgumentError.badArgument("1st argument: not an iodata term");
        }
    }

    /** The chardata as a string, as {@code IO.chardata_to_string/1}. */
    @Doc("""
        Converts chardata (strings, code points and lists of them) to a string.
        """)
    public static String chardata_to_string(Object chardata) {
        Object c = Values.normalize(chardata);
        if (c instanceof String s) return s;
        if (c instanceof List<?>) return StringChars.text(c);
        throw new FunctionClauseError("IO.chardata_to_string", 1);
    }

    /**
     * Prints {@code warning: message}, the stacktrace of the caller and a blank line, as
     * {@code IO.warn/1}; returns {@code :ok}. At the prompt the stacktrace is iex's evaluator's.
     */
    @Doc("""
        Prints a warning with the caller's stacktrace; returns :ok.
        """)
    public static Atom warn(Object message) {
        warning(StringChars.text(message), null);
        return Atom.OK;
    }

    /**
     * As {@code IO.warn/2}: the warning with the given stacktrace, a list of
     * {@code {module, function, arity_or_args, location}} entries.
     */
    public static Atom warn(Object message, Object stacktrace) {
        StringBuilder b = new StringBuilder("warning: ").append(StringChars.text(message)).append('\n');
        for (Object entry : (List<?>) Values.normalize(stacktrace)) b.append("  ").append(stackEntry(entry)).append('\n');
        print(b.append('\n').toString());
        return Atom.OK;
    }

    /**
     * Prints a warning raised by the shell's own code on behalf of an Elixir function, as
     * {@code IO.warn/1} called there prints it.
     *
     * @param inner the frame of the Elixir function that warns (e.g. Logger's), or null
     */
    static void warning(String message, String inner) {
        StringBuilder b = new StringBuilder("warning: ").append(message).append('\n');
        List<String> frames = new java.util.ArrayList<>();
        if (inner != null) frames.add(inner);
        procshell.runtime.process.ProcessContext c = procshell.runtime.process.ProcessContext.current();
        if (c != null && procshell.shell.eval.EvaluatorProcess.INITIAL_CALL.equals(c.process().initialCall())) {
            List<String> evaluator = procshell.shell.inspect.StackFormatter.evaluatorFrames();
            // the BEAM keeps 6 frames of the warning's stacktrace
            frames.addAll(evaluator.subList(0, Math.min(evaluator.size(), 6 - frames.size())));
        }
        for (String f : frames) b.append("  ").append(f).append('\n');
        print(b.append('\n').toString());
    }

    /** {@code a.ex:3: Foo.bar/1}, as {@code Exception.format_stacktrace_entry/1}. */
    private static String stackEntry(Object entry) {
        if (!(entry instanceof procshell.runtime.node.Tuple t) || t.size() != 4) return Kernel.inspect(entry);
        Object arity = t.get(2) instanceof List<?> args ? (Object) args.size() : t.get(2);
        String mfa = procshell.runtime.inspect.Inspect.inspect(t.get(0)) + "." + (t.get(1) instanceof Atom f ? f.name() : t.get(1)) + "/" + arity;
        Object file = Keyword.get(t.get(3), Atom.of("file")), line = Keyword.get(t.get(3), Atom.of("line"));
        String where = file == null ? "" : StringChars.text(file) + (line == null ? "" : ":" + line) + ": ";
        return where + mfa;
    }
}
