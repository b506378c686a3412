package procshell.shell.elixir.compiler;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import groovyjarjarasm.asm.ClassWriter;
import groovyjarjarasm.asm.MethodVisitor;
import groovyjarjarasm.asm.Opcodes;

import procshell.shell.iex.Ops;

/**
 * The class of a module defined without Groovy ({@link DirectModule}), written as bytecode: what
 * the session's module table, the facades ({@code GenServer} running callbacks, {@code apply/3},
 * {@code function_exported?/3}, {@code __info__}) and stack frames know a module by. Annotated
 * {@code @ElixirName("Mod")}, it has one static method per function (private for {@code defp}),
 * taking one {@code Object} per argument and calling that function's {@link DirectFunction#invoke};
 * and a stub class {@code Cls$_fun_closureN} per {@code fn} written in a function, whose
 * {@code doCall} gives the fn's arity to the stack frames that name it
 * ({@code anonymous fn/1 in Mod.fun/2}).
 *
 * <p>Only the bytecode library bundled with Groovy is used (no Groovy compiler): writing a class is
 * tens of microseconds.
 */
final class ModuleClassWriter {
    private static final String FUNCTION = DirectFunction.class.getName().replace('.', '/');
    private static final String FIELD = "$direct";
    /**
     * The class file version of the running JVM, as Groovy writes its classes: with the name's
     * form ({@code Mod__N_1}) and a constant pool of at least {@value #MIN_CONSTANTS} entries, the
     * class's first bytes print as wide as a compiled module's, so {@code defmodule}'s value
     * {@code {:module, Mod, <<...>>, last}} breaks its lines where it did (as iex's, for the study
     * notes' modules).
     */
    private static final int VERSION = Runtime.version().feature() + 44;
    private static final int MIN_CONSTANTS = 100;
    /** The classes written so far by name, for the stack frames of any thread ({@link ModuleClassLoader#classNamed}). */
    private static final Map<String, java.lang.ref.WeakReference<Class<?>>> WRITTEN = new ConcurrentHashMap<>();

    private ModuleClassWriter() {}

    /** A fn written in a function: the function's name and the fn's arity. */
    record Closure(String function, int arity) {}

    /**
     * Writes, loads and records the class of a module.
     *
     * @param name      the Elixir name ({@code MyApp.Hello})
     * @param functions the functions, each a static method of the class
     * @param closures  the fns written in the functions, numbered from 1 in this order
     * @return the class, its functions bound (its bytes recorded for {@code defmodule}'s value)
     */
    static Class<?> define(String name, List<DirectFunction> functions, List<Closure> closures) {
        String className = name.replaceAll("[^A-Za-z0-9_]", "_") + "__" + new Unit().id + "_1";
        Loader loader = new Loader();
        byte[] bytes = moduleClass(className, name, functions);
        Class<?> cls = loader.define(className, bytes);
        for (int i = 0; i < closures.size(); i++) {
            Closure c = closures.get(i);
            String stub = className + "$_" + procshell.shell.iex.Modules.javaName(c.function()) + "_closure" + (i + 1);
            WRITTEN.put(stub, new java.lang.ref.WeakReference<>(loader.define(stub, closureClass(stub, c.arity()))));
        }
        try {
            cls.getField(FIELD).set(null, functions.toArray(new DirectFunction[0]));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        for (DirectFunction f : functions) f.owner = cls;
        Ops.recordClassBytes(cls, bytes);
        WRITTEN.put(className, new java.lang.ref.WeakReference<>(cls));
        return cls;
    }

    /** A class written here, by its binary name; null when none is. */
    static Class<?> named(String className) {
        java.lang.ref.WeakReference<Class<?>> ref = WRITTEN.get(className);
        return ref == null ? null : ref.get();
    }

    private static byte[] moduleClass(String className, String name, List<DirectFunction> functions) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(VERSION, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, className, null, "java/lang/Object", null);
        cw.visitAnnotation("L" + procshell.shell.iex.ElixirName.class.getName().replace('.', '/') + ";", true).visit("value", name);
        cw.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, FIELD, "[L" + FUNCTION + ";", null, null).visitEnd();
        for (int i = 0; i < functions.size(); i++) {
            DirectFunction f = functions.get(i);
            String descriptor = "(" + "Ljava/lang/Object;".repeat(f.arity) + ")Ljava/lang/Object;";
            MethodVisitor mv = cw.visitMethod((f.priv ? Opcodes.ACC_PRIVATE : Opcodes.ACC_PUBLIC) | Opcodes.ACC_STATIC,
                    procshell.shell.iex.Modules.javaName(f.name), descriptor, null, null);
            mv.visitCode();
            mv.visitFieldInsn(Opcodes.GETSTATIC, className, FIELD, "[L" + FUNCTION + ";");
            mv.visitLdcInsn(i);
            mv.visitInsn(Opcodes.AALOAD);
            mv.visitLdcInsn(f.arity);
            mv.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
            for (int a = 0; a < f.arity; a++) {
                mv.visitInsn(Opcodes.DUP);
                mv.visitLdcInsn(a);
                mv.visitVarInsn(Opcodes.ALOAD, a);
                mv.visitInsn(Opcodes.AASTORE);
            }
            mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, FUNCTION, "invoke", "([Ljava/lang/Object;)Ljava/lang/Object;", false);
            mv.visitInsn(Opcodes.ARETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
        int padding = 0;
        while (cw.newUTF8("padding" + padding) < MIN_CONSTANTS) padding++; // a constant pool as long as a compiled module's
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** A class whose only method, {@code doCall}, takes as many arguments as the fn (it is never called). */
    private static byte[] closureClass(String className, int arity) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(VERSION, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, className, null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "doCall",
                "(" + "Ljava/lang/Object;".repeat(arity) + ")Ljava/lang/Object;", null, null);
        mv.visitCode();
        mv.visitInsn(Opcodes.ACONST_NULL);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** One loader per module definition, so that a redefined module's classes can go. */
    private static final class Loader extends ClassLoader {
        Loader() {
            super(ModuleClassWriter.class.getClassLoader());
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
