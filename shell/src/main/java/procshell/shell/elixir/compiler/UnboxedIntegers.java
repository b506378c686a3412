package procshell.shell.elixir.compiler;

import groovyjarjarasm.asm.Label;
import groovyjarjarasm.asm.Opcodes;
import groovyjarjarasm.asm.Type;
import groovyjarjarasm.asm.tree.MethodNode;

/**
 * The code of integer arithmetic a compiled function keeps unboxed ({@link FunctionCompiler}): a
 * variable that a sum, a difference or a product is bound to, and a parameter that a self tail call
 * passes one in, live in two JVM locals, an {@code Object} and a {@code long}; the Object local
 * holds {@link ModuleRuntime#UNBOXED} when the value is the long. Such a value is boxed only where
 * it leaves the function's locals (an argument of a call, an element, the return value), so a loop
 * such as {@code loop(n - 1, acc + n)} allocates nothing per turn, as the BEAM's small integers.
 *
 * <p>On the operand stack such a value is a pair: the Object (the marker, or any term) under the
 * long. An operation takes its fast path when both operands are unboxed and the result fits a long;
 * otherwise it boxes them and calls what the boxed code calls ({@link ModuleRuntime#add}, {@code
 * Ops.mul}, {@code Ops.lt}, ...), so errors (an ArithmeticError with its arguments) and big
 * integers are as before, and an Integer or Long result becomes unboxed for the next operation.
 */
final class UnboxedIntegers {
    private static final String RUNTIME = Type.getInternalName(ModuleRuntime.class);
    private static final String OBJECT_D = "Ljava/lang/Object;";

    private UnboxedIntegers() {}

    /** The operators whose integer fast path is emitted here, by the Java method the boxed code calls. */
    static boolean isArithmetic(String op) {
        return op != null && (op.equals("add") || op.equals("sub") || op.equals("mul"));
    }

    /** The comparisons whose integer fast path is emitted here (equality and order agree on two integers). */
    static boolean isComparison(String op) {
        return op != null && switch (op) {
            case "eq", "neq", "strictEq", "strictNeq", "lt", "gt", "le", "ge" -> true;
            default -> false;
        };
    }

    /** Pushes the marker: the long beside it is the value. */
    static void marker(MethodNode mn) {
        mn.visitFieldInsn(Opcodes.GETSTATIC, RUNTIME, "UNBOXED", OBJECT_D);
    }

    /** Replaces the pair (Object, long) on the stack by the term it is ({@link ModuleRuntime#boxed}). */
    static void box(MethodNode mn) {
        mn.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "boxed", "(" + OBJECT_D + "J)" + OBJECT_D, false);
    }

    /**
     * With the operands' pairs in locals, pushes the result's pair of {@code op} ({@code add},
     * {@code sub}, {@code mul}): the long result when both are unboxed and it does not overflow, else
     * {@code slow}'s boxed result (unboxed again when it is an Integer or a Long).
     *
     * @param oa, la, ob, lb the operands' locals (Object, long)
     * @param r    a free long local for the result
     * @param slow the boxed operation ({@code (Object, Object) -> Object})
     */
    static void arithmetic(MethodNode mn, String op, int oa, int la, int ob, int lb, int r, java.lang.reflect.Method slow) {
        Label slowPath = new Label();
        Label done = new Label();
        bothUnboxed(mn, oa, ob, slowPath);
        mn.visitVarInsn(Opcodes.LLOAD, la);
        mn.visitVarInsn(Opcodes.LLOAD, lb);
        mn.visitInsn(op.equals("add") ? Opcodes.LADD : op.equals("sub") ? Opcodes.LSUB : Opcodes.LMUL);
        mn.visitVarInsn(Opcodes.LSTORE, r);
        switch (op) {
            case "add" -> { // overflow when both operands' signs differ from the result's
                xor(mn, la, r);
                xor(mn, lb, r);
                mn.visitInsn(Opcodes.LAND);
                negative(mn, slowPath);
            }
            case "sub" -> { // overflow when the operands' signs differ and the result's differs from the left one's
                xor(mn, la, lb);
                xor(mn, la, r);
                mn.visitInsn(Opcodes.LAND);
                negative(mn, slowPath);
            }
            default -> { // the high half of the product is the sign extension of the low one
                mn.visitVarInsn(Opcodes.LLOAD, la);
                mn.visitVarInsn(Opcodes.LLOAD, lb);
                mn.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Math", "multiplyHigh", "(JJ)J", false);
                mn.visitVarInsn(Opcodes.LLOAD, r);
                mn.visitLdcInsn(63);
                mn.visitInsn(Opcodes.LSHR);
                mn.visitInsn(Opcodes.LCMP);
                mn.visitJumpInsn(Opcodes.IFNE, slowPath);
            }
        }
        marker(mn);
        mn.visitVarInsn(Opcodes.LLOAD, r);
        mn.visitJumpInsn(Opcodes.GOTO, done);
        mn.visitLabel(slowPath);
        boxedOperands(mn, oa, la, ob, lb);
        call(mn, slow);
        mn.visitInsn(Opcodes.DUP);
        mn.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "unboxedOr", "(" + OBJECT_D + ")" + OBJECT_D, false);
        mn.visitInsn(Opcodes.SWAP);
        mn.visitMethodInsn(Opcodes.INVOKESTATIC, RUNTIME, "longOf", "(" + OBJECT_D + ")J", false);
        mn.visitLabel(done);
    }

    /**
     * With the operands' pairs in locals, pushes the Boolean of comparison {@code op}: compared as
     * longs when both are unboxed, else by {@code slow} (the boxed code's {@code Ops} method).
     */
    static void comparison(MethodNode mn, String op, int oa, int la, int ob, int lb, java.lang.reflect.Method slow) {
        Label slowPath = new Label();
        Label yes = new Label();
        Label no = new Label();
        Label done = new Label();
        bothUnboxed(mn, oa, ob, slowPath);
        mn.visitVarInsn(Opcodes.LLOAD, la);
        mn.visitVarInsn(Opcodes.LLOAD, lb);
        mn.visitInsn(Opcodes.LCMP);
        int jump = switch (op) {
            case "eq", "strictEq" -> Opcodes.IFEQ;
            case "neq", "strictNeq" -> Opcodes.IFNE;
            case "lt" -> Opcodes.IFLT;
            case "gt" -> Opcodes.IFGT;
            case "le" -> Opcodes.IFLE;
            default -> Opcodes.IFGE;
        };
        mn.visitJumpInsn(jump, yes);
        mn.visitLabel(no);
        mn.visitFieldInsn(Opcodes.GETSTATIC, "java/lang/Boolean", "FALSE", "Ljava/lang/Boolean;");
        mn.visitJumpInsn(Opcodes.GOTO, done);
        mn.visitLabel(yes);
        mn.visitFieldInsn(Opcodes.GETSTATIC, "java/lang/Boolean", "TRUE", "Ljava/lang/Boolean;");
        mn.visitJumpInsn(Opcodes.GOTO, done);
        mn.visitLabel(slowPath);
        boxedOperands(mn, oa, la, ob, lb);
        call(mn, slow);
        if (slow.getReturnType() == boolean.class) {
            mn.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Boolean", "valueOf", "(Z)Ljava/lang/Boolean;", false);
        }
        mn.visitLabel(done);
    }

    private static void bothUnboxed(MethodNode mn, int oa, int ob, Label otherwise) {
        mn.visitVarInsn(Opcodes.ALOAD, oa);
        marker(mn);
        mn.visitJumpInsn(Opcodes.IF_ACMPNE, otherwise);
        mn.visitVarInsn(Opcodes.ALOAD, ob);
        marker(mn);
        mn.visitJumpInsn(Opcodes.IF_ACMPNE, otherwise);
    }

    private static void xor(MethodNode mn, int a, int b) {
        mn.visitVarInsn(Opcodes.LLOAD, a);
        mn.visitVarInsn(Opcodes.LLOAD, b);
        mn.visitInsn(Opcodes.LXOR);
    }

    private static void negative(MethodNode mn, Label then) {
        mn.visitInsn(Opcodes.LCONST_0);
        mn.visitInsn(Opcodes.LCMP);
        mn.visitJumpInsn(Opcodes.IFLT, then);
    }

    private static void boxedOperands(MethodNode mn, int oa, int la, int ob, int lb) {
        mn.visitVarInsn(Opcodes.ALOAD, oa);
        mn.visitVarInsn(Opcodes.LLOAD, la);
        box(mn);
        mn.visitVarInsn(Opcodes.ALOAD, ob);
        mn.visitVarInsn(Opcodes.LLOAD, lb);
        box(mn);
    }

    private static void call(MethodNode mn, java.lang.reflect.Method m) {
        mn.visitMethodInsn(Opcodes.INVOKESTATIC, Type.getInternalName(m.getDeclaringClass()), m.getName(), Type.getMethodDescriptor(m), false);
    }
}
