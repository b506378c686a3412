package procshell.shell.elixir.compiler;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.control.CompilationUnit;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.SourceUnit;

import groovy.lang.GroovyClassLoader;
import procshell.shell.iex.Ops;

/**
 * The class loader to compile {@link CompiledInput} sources with: a GroovyClassLoader that keeps
 * each class's bytecode as it defines it, so that {@code defmodule} answers
 * {@code {:module, Name, <<bytes>>, last}} with the module class's own bytes, as iex shows the
 * module's {@code .beam}.
 */
public final class ModuleClassLoader extends GroovyClassLoader {
    /** Every live shell loader (one per shell; tests make several), for {@link #classNamed}. */
    private static final Set<ModuleClassLoader> LOADERS = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    /**
     * @param parent where the shell's classes (procshell, Groovy) come from
     * @param config the shell's compiler configuration
     */
    public ModuleClassLoader(ClassLoader parent, CompilerConfiguration config) {
        super(parent, config);
        LOADERS.add(this);
    }

    /**
     * A class typed at the prompt of any shell of this JVM (compiled, or written for a module
     * defined without Groovy), found by its name from any thread
     * (a stack trace is printed on the console's thread, which does not see the shell's loader).
     *
     * @param className the class's binary name
     * @return the class, or null when no shell defined one of that name
     */
    public static Class<?> classNamed(String className) {
        Class<?> direct = ModuleClassWriter.named(className);
        if (direct != null) return direct;
        synchronized (LOADERS) {
            for (ModuleClassLoader l : LOADERS) {
                Class<?> c = l.getClassCacheEntry(className);
                if (c != null) return c;
            }
        }
        return null;
    }

    /**
     * For a stack formatter: the call ({@code Class.method}) a frame's class is a line of, when it
     * is one of the classes that give the lines of a module defined without Groovy their frames
     * (several lines of one call are nested frames, of which only the innermost is the call's).
     *
     * @param className a frame's class name
     * @return the call, or null for any other class
     */
    public static String lineFrameActivation(String className) {
        return ModuleClassWriter.lineFrameActivation(className);
    }

    @Override
    protected ClassCollector createCollector(CompilationUnit unit, SourceUnit su) {
        return new ClassCollector(new InnerLoader(this), unit, su) {
            @Override
            protected Class<?> createClass(byte[] code, ClassNode classNode) {
                Class<?> c = super.createClass(code, classNode);
                Ops.recordClassBytes(c, code);
                return c;
            }
        };
    }
}
