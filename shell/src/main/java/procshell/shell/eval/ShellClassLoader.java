package procshell.shell.eval;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.SourceUnit;

import groovy.lang.GroovyClassLoader;

/**
 * The class loader of the code typed at the prompt. It keeps the bytecode of every class it
 * defines, as the BEAM keeps a module's binary: {@code defmodule} answers
 * {@code {:module, Name, <<bytes>>, last}} with the bytes of the module's class.
 */
public final class ShellClassLoader extends GroovyClassLoader {
    /** Every live shell loader (one per shell; tests make several), for {@link #classNamed}. */
    private static final Set<ShellClassLoader> LOADERS = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private final Map<String, byte[]> bytecode = new ConcurrentHashMap<>();
    /** Per compiled input (its file name, e.g. {@code iex_7.groovy}): the Elixir line of each Groovy line. */
    private final Map<String, int[]> elixirLines = new ConcurrentHashMap<>();

    /**
     * @param parent the loader of procshell's own classes
     * @param config the compiler configuration (imports, transformations) of every input
     */
    public ShellClassLoader(ClassLoader parent, CompilerConfiguration config) {
        super(parent, config);
        LOADERS.add(this);
    }

    /**
     * Remembers which Elixir line each line of a compiled input comes from.
     *
     * @param fileName the name the input was compiled under, as stack traces give it
     * @param lines    indexed by Groovy line (from 1), the Elixir line; 0 when unknown
     */
    void elixirLines(String fileName, int[] lines) {
        elixirLines.put(fileName, lines);
    }

    /**
     * The Elixir line of a frame of code typed at the prompt, as iex numbers lines ({@code iex:8}).
     *
     * @param cls        the frame's class, or null when unknown
     * @param fileName   the frame's file name ({@code iex_7.groovy})
     * @param groovyLine the frame's line in the generated Groovy
     * @return the line of the Elixir input, or {@code groovyLine} for any other code (Groovy typed
     *         with ~G, procshell's own classes)
     */
    public static int elixirLine(Class<?> cls, String fileName, int groovyLine) {
        for (ClassLoader l = cls == null ? null : cls.getClassLoader(); l != null; l = l.getParent()) {
            if (!(l instanceof ShellClassLoader shell)) continue;
            int[] table = fileName == null ? null : shell.elixirLines.get(fileName);
            if (table != null && groovyLine > 0 && groovyLine < table.length && table[groovyLine] > 0) return table[groovyLine];
            break;
        }
        return groovyLine;
    }

    /**
     * A class typed at the prompt of any shell of this JVM, found by its name from any thread
     * (a stack trace is printed on the console's thread, which does not see the shell's loader).
     *
     * @param className the class's binary name
     * @return the class, or null when no shell defined one of that name
     */
    public static Class<?> classNamed(String className) {
        synchronized (LOADERS) {
            for (ShellClassLoader l : LOADERS) {
                Class<?> c = l.getClassCacheEntry(className);
                if (c != null) return c;
            }
        }
        return null;
    }

    /**
     * The bytecode of a class this loader defined.
     *
     * @param className the class's binary name
     * @return its class file's bytes, or an empty array for a class not defined here
     */
    public byte[] bytecode(String className) {
        return bytecode.getOrDefault(className, new byte[0]);
    }

    /**
     * The bytecode of a class typed at the prompt, as the binary of {@code defmodule}'s
     * {@code {:module, Name, binary, last}}.
     *
     * @param cls a class defined by a shell's class loader (or by a loader it created)
     * @return its class file's bytes; empty for any other class
     */
    public static byte[] bytecodeOf(Class<?> cls) {
        for (ClassLoader l = cls.getClassLoader(); l != null; l = l.getParent()) {
            if (l instanceof ShellClassLoader s) return s.bytecode(cls.getName());
        }
        return new byte[0];
    }

    @Override
    protected ClassCollector createCollector(CompilationUnit unit, SourceUnit su) {
        return new ClassCollector(new InnerLoader(this), unit, su) {
            @Override
            protected Class<?> createClass(byte[] code, ClassNode classNode) {
                // a prompt input's script class is never asked for: keep modules only
                if (!classNode.isScript()) bytecode.put(classNode.getName(), code);
                return super.createClass(code, classNode);
            }
        };
    }
}
