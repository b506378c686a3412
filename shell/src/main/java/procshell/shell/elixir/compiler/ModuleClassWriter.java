package procshell.shell.elixir.compiler;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import groovyjarjarasm.asm.ClassWriter;
import groovyjarjarasm.asm.MethodVisitor;
import groovyjarjarasm.asm.Opcodes;
import groovyjarjarasm.asm.tree.MethodNode;

import procshell.shell.iex.Ops;

/**
 * The class of a module defined without Groovy ({@link DirectModule}), written as bytecode: what
 * the session's module table, the facades ({@code GenServer} running callbacks, {@code apply/3},
 * {@code function_exported?/3}, {@code __info__}) and stack frames know a module by. Annotated
 * {@code @ElixirName("Mod")}, it has one static method per function (private for {@code defp}),
 * taking one {@code Object} per argument and calling that function's {@link DirectFunction#invoke};
 * and a small class per line of a function ({@link DirectLine}), in file {@code iex} at that line,
 * whose frame the stack formatter shows as the compiled method's ({@code iex:8: Mod.fun/2}), or as
 * its closure's ({@code Cls$_fun_closureN}: {@code anonymous fn/1 in Mod.fun/2}).
 *
 * <p>Only the bytecode library bundled with Groovy is used (no Groovy compiler): writing a class is
 * tens of microseconds.
 */
final class ModuleClassWriter {
    private static final String FUNCTION = DirectFunction.class.getName().replace('.', '/');
    private static final String FIELD = "$direct";
    /** The classes written so far by name, for the stack frames of any thread ({@link ModuleClassLoader#classNamed}). */
    private static final Map<String, java.lang.ref.WeakReference<Class<?>>> WRITTEN = new ConcurrentHashMap<>();

    private ModuleClassWriter() {}

    /** The line classes written so far, by name, to the call they are a line of (class and method). */
    private static final Map<String, String> LINE_FRAMES = new ConcurrentHashMap<>();
    private static final java.lang.invoke.MethodType LINE_METHOD =
            java.lang.invoke.MethodType.methodType(Object.class, Object.class, Object[].class);

    /**
     * A module's classes as {@link #verify} wrote, loaded and linked them, for {@link #define} to
     * take instead of writing and verifying them again (a module's class written with its frames
     * computed, loaded and linked twice: 1-2 ms of a {@code defmodule}'s ~10 ms of CPU when cold).
     * Taken once: a second definition from the same plan writes its own.
     */
    static final class Verified {
        private final Loader loader;
        private final Class<?> module;
        private final byte[] bytes;
        private final List<Class<?>> fns;
        private final java.util.concurrent.atomic.AtomicBoolean taken = new java.util.concurrent.atomic.AtomicBoolean();

        private Verified(Loader loader, Class<?> module, byte[] bytes, List<Class<?>> fns) {
            this.loader = loader;
            this.module = module;
            this.bytes = bytes;
            this.fns = fns;
        }

        /** True for the first caller only. */
        private boolean take() {
            return taken.compareAndSet(false, true);
        }
    }

    /**
     * Writes, loads and records the class of a module.
     *
     * @param name      the Elixir name ({@code MyApp.Hello})
     * @param className the class's binary name (its compiled code calls its methods by it)
     * @param functions the functions, each a static method of the class
     * @param lines     the lines of the functions, each given its frame
     * @param methods   the compiled functions' methods ({@link FunctionCompiler}); the others call their {@link DirectFunction}
     * @param fns       the classes of the fns compiled to JVM code ({@link CompiledFn.Body}), by internal name: nestmates of the module's
     * @param constants the compiled code's constants ({@link ModuleRuntime#constant})
     * @param verified  what {@link #verify} made of the same arguments, taken if no definition took it yet; or null
     * @return the class, its functions bound (its bytes recorded for {@code defmodule}'s value)
     */
    static Class<?> define(String name, String className, List<DirectFunction> functions, List<DirectLine> lines,
            Map<DirectFunction, MethodNode> methods, Map<String, byte[]> fns, List<Object> constants, Verified verified) {
        Verified made = verified != null && verified.take() ? verified : verify(name, className, functions, methods, fns);
        Loader loader = made.loader;
        byte[] bytes = made.bytes;
        Class<?> cls = made.module;
        for (Class<?> c : made.fns) WRITTEN.put(c.getName(), new java.lang.ref.WeakReference<>(c));
        lineFrames(className, name, lines, loader);
        try {
            cls.getField(FIELD).set(null, functions.toArray(new DirectFunction[0]));
            java.lang.reflect.Field consts = cls.getDeclaredField(ModuleRuntime.CONSTANTS);
            consts.setAccessible(true);
            consts.set(null, constants.toArray());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        for (DirectFunction f : functions) {
            f.owner = cls;
            f.bind(cls);
        }
        Ops.recordClassBytes(cls, bytes);
        DefinedModules.add(cls);
        WRITTEN.put(className, new java.lang.ref.WeakReference<>(cls));
        return cls;
    }

    /**
     * Writes a module's class and has the JVM verify it, in a loader of its own, which the
     * module's {@link #define definition} then takes (a plan never run drops it): a module whose
     * compiled code the JVM would refuse is found while planning, and left to the compiler,
     * instead of failing when first called.
     *
     * @return the classes, loaded and linked, for {@link #define}
     * @throws VerifyError (or another LinkageError) when the JVM refuses the class
     */
    static Verified verify(String name, String className, List<DirectFunction> functions, Map<DirectFunction, MethodNode> methods,
            Map<String, byte[]> fns) {
        Loader loader = new Loader();
        byte[] bytes = moduleClass(className, name, functions, methods, fns.keySet());
        Class<?> cls = loader.define(className, bytes);
        List<Class<?>> fnClasses = new java.util.ArrayList<>();
        fns.forEach((fn, code) -> fnClasses.add(loader.define(fn.replace('/', '.'), code)));
        try {
            Class.forName(cls.getName(), true, loader); // links, so verifies
            for (Class<?> c : fnClasses) Class.forName(c.getName(), true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return new Verified(loader, cls, bytes, List.copyOf(fnClasses));
    }

    /**
     * Gives each line its frame: a class per function (or fn) and line, named after the module's
     * class as the compiler's closures are ({@code Cls$_fun_closureN}), with a static method of
     * the function's name in file {@code iex} at that line (synthetic, so that the function's
     * arity stays the one of the method beside it that takes its arguments).
     */
    private static void lineFrames(String className, String name, List<DirectLine> lines, Loader loader) {
        Map<String, java.lang.invoke.MethodHandle> made = new java.util.HashMap<>();
        for (DirectLine l : lines) {
            String method = procshell.shell.iex.Modules.javaName(l.function.name);
            String frame = l.closure == 0 ? className : className + "$_" + method + "_closure" + l.closure;
            String call = l.closure == 0 ? method : "doCall";
            int arity = l.closure == 0 ? l.function.arity : l.closureArity;
            l.frame = made.computeIfAbsent(frame + "/" + call + "/" + l.line, k -> {
                String lineClass = frame + "__L" + l.line + "_" + made.size();
                Class<?> c = loader.define(lineClass, lineClass(lineClass, name, call, arity, l.line));
                WRITTEN.put(lineClass, new java.lang.ref.WeakReference<>(c));
                LINE_FRAMES.put(lineClass, frame + "." + call);
                try {
                    return java.lang.invoke.MethodHandles.publicLookup().findStatic(c, call, LINE_METHOD);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }

    /**
     * The call a line class is a line of ({@code Cls.fun}), for a stack formatter that shows one
     * frame per call: a function's outer lines are frames under its innermost one.
     *
     * @return null for any other class
     */
    static String lineFrameActivation(String className) {
        return LINE_FRAMES.get(className);
    }

    /** A class written here, by its binary name; null when none is. */
    static Class<?> named(String className) {
        java.lang.ref.WeakReference<Class<?>> ref = WRITTEN.get(className);
        return ref == null ? null : ref.get();
    }

    private static byte[] moduleClass(String className, String name, List<DirectFunction> functions, Map<DirectFunction, MethodNode> methods,
            java.util.Collection<String> nestMembers) {
        ClassWriter cw = compiledCodeWriter();
        cw.visit(Opcodes.V21, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, className, null, "java/lang/Object", null);
        cw.visitSource("iex", null);
        for (String member : nestMembers) cw.visitNestMember(member);
        cw.visitAnnotation("L" + procshell.shell.iex.ElixirName.class.getName().replace('.', '/') + ";", true).visit("value", name);
        cw.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, FIELD, "[L" + FUNCTION + ";", null, null).visitEnd();
        cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, ModuleRuntime.CONSTANTS, "[Ljava/lang/Object;", null, null).visitEnd();
        for (int i = 0; i < functions.size(); i++) {
            DirectFunction f = functions.get(i);
            MethodNode compiled = methods.get(f);
            if (compiled != null) {
                compiled.accept(cw);
                continue;
            }
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
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** A writer of a class of compiled code, its frames computed. */
    private static ClassWriter compiledCodeWriter() {
        return new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                // the compiled code's values are Objects to the verifier; no class of theirs needs loading
                return "java/lang/Object";
            }
        };
    }

    /**
     * The class of a fn compiled to JVM code ({@link FunctionCompiler}): a nestmate of the module's
     * class (its private functions and constants are the fn's too) extending
     * {@link CompiledFn.Body}, its clauses the synthetic {@code doCall(captured, args...)}, one
     * instance in {@code INSTANCE}; a static {@code doCall} of the fn's arity (never run) gives its
     * frames the fn's arity ({@code anonymous fn/2 in Mod.fun/1}).
     *
     * @param name  the class's internal name ({@code Mod__3_1$_fun_closure1}, as the stack formatter reads it)
     * @param host  the module class's internal name; null for a fn typed at the prompt ({@link #promptFn}): then the
     *              class is its own host, holds its constants, and its frames name no file (the stack formatter skips them)
     * @param body  the internal name of {@link CompiledFn.Body}
     * @param clauses the {@code doCall} method
     */
    static byte[] fnClass(String name, String host, String body, int arity, MethodNode clauses) {
        ClassWriter cw = compiledCodeWriter();
        cw.visit(Opcodes.V21, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null, body, null);
        if (host != null) {
            cw.visitSource("iex", null);
            cw.visitNestHost(host);
        } else {
            cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, ModuleRuntime.CONSTANTS, "[Ljava/lang/Object;", null, null).visitEnd();
        }
        cw.visitField(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, "INSTANCE", "L" + body + ";", null, null).visitEnd();
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        mv.visitCode();
        mv.visitTypeInsn(Opcodes.NEW, name);
        mv.visitInsn(Opcodes.DUP);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, name, "<init>", "()V", false);
        mv.visitFieldInsn(Opcodes.PUTSTATIC, name, "INSTANCE", "L" + body + ";");
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        mv = cw.visitMethod(Opcodes.ACC_PRIVATE, "<init>", "()V", null, null);
        mv.visitCode();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, body, "<init>", "()V", false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        clauses.accept(cw);
        return withArity(cw, "doCall", arity);
    }

    /**
     * Loads the class of a fn typed at the prompt ({@link #fnClass} without a host), in a loader of its own.
     *
     * @param name      its internal name
     * @param bytes     its bytes
     * @param constants its code's constants ({@link ModuleRuntime#constant})
     * @return its code
     */
    static CompiledFn.Body promptFn(String name, byte[] bytes, List<Object> constants) {
        Class<?> cls = new Loader().define(name.replace('/', '.'), bytes);
        try {
            java.lang.reflect.Field consts = cls.getDeclaredField(ModuleRuntime.CONSTANTS);
            consts.setAccessible(true);
            consts.set(null, constants.toArray());
            return (CompiledFn.Body) cls.getField("INSTANCE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Ends a class with a static method of this name and arity that is never run: what gives the
     * frames of the (synthetic) method of the same name beside it their Elixir arity.
     *
     * @return the class's bytes
     */
    private static byte[] withArity(ClassWriter cw, String name, int arity) {
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, name, "(" + "Ljava/lang/Object;".repeat(arity) + ")Ljava/lang/Object;", null, null);
        mv.visitCode();
        mv.visitInsn(Opcodes.ACONST_NULL);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * A line's class: {@code static Object call(Object expression, Object[] env)} (synthetic) runs
     * the expression at that line ({@link DirectFunction#eval}); {@code call} with the function's
     * arity (never run) gives the frame its arity.
     */
    private static byte[] lineClass(String className, String name, String call, int arity, int line) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V21, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, className, null, "java/lang/Object", null);
        cw.visitSource("iex", null);
        cw.visitAnnotation("L" + procshell.shell.iex.ElixirName.class.getName().replace('.', '/') + ";", true).visit("value", name);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNTHETIC, call,
                LINE_METHOD.toMethodDescriptorString(), null, null);
        mv.visitCode();
        groovyjarjarasm.asm.Label start = new groovyjarjarasm.asm.Label();
        mv.visitLabel(start);
        mv.visitLineNumber(line, start);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitVarInsn(Opcodes.ALOAD, 1);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, FUNCTION, "eval", LINE_METHOD.toMethodDescriptorString(), false);
        mv.visitInsn(Opcodes.ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        return withArity(cw, call, arity);
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
