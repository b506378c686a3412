package procshell.shell.elixir.compiler;

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
    /**
     * @param parent where the shell's classes (procshell, Groovy) come from
     * @param config the shell's compiler configuration
     */
    public ModuleClassLoader(ClassLoader parent, CompilerConfiguration config) {
        super(parent, config);
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
