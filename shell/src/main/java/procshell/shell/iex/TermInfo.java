package procshell.shell.iex;

import java.util.List;
import java.util.StringJoiner;

import procshell.runtime.node.Atom;
import procshell.runtime.node.Pid;
import procshell.runtime.node.Tuple;
import procshell.runtime.process.LocalProcess;

/** The text of iex's {@code i/1}: a term's data type and facts, section by section. */
final class TermInfo {
    private TermInfo() {}

    static String describe(IexSession s, Object term) {
        StringBuilder b = new StringBuilder();
        section(b, "Term", s.inspect(term));
        if (term instanceof Pid pid) {
            section(b, "Data type", "PID");
            LocalProcess p = s.node().process(pid);
            section(b, "Alive", String.valueOf(p != null));
            if (p != null) {
                Atom name = p.registeredName();
                section(b, "Name", name == null ? "not registered" : s.inspect(name));
                section(b, "Links", join(s, p.links()));
                section(b, "Message queue length", String.valueOf(p.mailbox().size()));
            }
            section(b, "Description", "Use Process.info/1 to get more info about this process");
            section(b, "Reference modules", "Process, Node");
        } else {
            section(b, "Data type", dataType(term));
            section(b, "Reference modules", referenceModules(term));
        }
        // numbers also convert to text and charlists (to_string(1.5), to_charlist(1))
        section(b, "Implemented protocols", term instanceof Number ? "IEx.Info, Inspect, List.Chars, String.Chars" : "IEx.Info, Inspect");
        return b.toString();
    }

    private static String join(IexSession s, List<Pid> pids) {
        if (pids.isEmpty()) return "none";
        StringJoiner j = new StringJoiner(", ");
        for (Pid p : pids) j.add(s.inspect(p));
        return j.toString();
    }

    private static void section(StringBuilder b, String title, String body) {
        b.append(title).append('\n').append("  ").append(body.replace("\n", "\n  ")).append('\n');
    }

    private static String dataType(Object t) {
        if (t == null || t instanceof Atom || t instanceof Boolean) return "Atom";
        if (t instanceof Tuple) return "Tuple";
        if (t instanceof List<?>) return "List";
        if (t instanceof java.util.Map<?, ?>) return "Map";
        if (t instanceof CharSequence) return "BitString";
        if (procshell.shell.eval.Arithmetic.isFloat(t)) return "Float";
        if (t instanceof Number) return "Integer";
        if (t instanceof procshell.runtime.node.Ref) return "Reference";
        return t.getClass().getSimpleName();
    }

    private static String referenceModules(Object t) {
        return switch (dataType(t)) {
            case "Atom" -> "Atom";
            case "Tuple" -> "Tuple";
            case "List" -> "List";
            case "Map" -> "Map";
            case "BitString" -> "String, :binary";
            case "Float" -> "Float";
            case "Integer" -> "Integer";
            default -> "none";
        };
    }
}
