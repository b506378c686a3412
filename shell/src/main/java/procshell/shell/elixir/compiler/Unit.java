package procshell.shell.elixir.compiler;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one compiled input shares: fresh Groovy names, the constant pool (atoms are interned once,
 * when the input is loaded), and the classes generated for its modules.
 */
final class Unit {
    private static final AtomicLong INPUTS = new AtomicLong();

    /** A number unique to this input among all inputs compiled in this JVM. */
    final long id = INPUTS.incrementAndGet();
    private int counter;
    private final Map<String, String> atoms = new LinkedHashMap<>();
    /** The Groovy source of the module classes, in definition order. */
    final List<String> classes = new ArrayList<>();
    /** The modules defined, in definition order. */
    final List<CompiledInput.Module> modules = new ArrayList<>();

    /** A fresh Groovy identifier with this stem ({@code t12}, {@code v_x_13}). */
    String fresh(String stem) {
        return stem + (++counter);
    }

    /** The Groovy variable for a new binding of an Elixir variable. */
    String variable(String elixirName) {
        StringBuilder b = new StringBuilder("v_");
        for (char c : elixirName.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128 || c == '_') b.append(c);
            else b.append("_").append((int) c).append("_");
        }
        return fresh(b.append("_").toString());
    }

    /** The name of the class holding this input's constants. */
    String constantsClass() {
        return "K_" + id;
    }

    /** The Groovy expression of the atom {@code :name}: a constant of the input. */
    String atom(String name) {
        return constantsClass() + "." + atoms.computeIfAbsent(name, n -> "a" + atoms.size());
    }

    /** The constants class's source. */
    String constantsSource() {
        StringBuilder b = new StringBuilder("final class ").append(constantsClass()).append(" {\n");
        atoms.forEach((name, field) -> b.append("    static final Object ").append(field).append(" = procshell.shell.iex.Ops.atom(")
                .append(Groovy.string(name)).append(")\n"));
        return b.append("}\n").toString();
    }
}
