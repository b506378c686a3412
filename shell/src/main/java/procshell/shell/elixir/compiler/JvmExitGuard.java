package procshell.shell.elixir.compiler;

import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;

/**
 * Replaces the calls that end the JVM ({@code System.exit(n)}, {@code Runtime.getRuntime().exit(n)}
 * and {@code .halt(n)}, {@code Runtime.runtime.halt(n)}) in a class being compiled by
 * {@code procshell.shell.eval.NodeHalt.refuseJvmExit("System.exit")}, which raises: a Groovy input
 * ({@code ~G}) cannot end the JVM under the node without a word; {@code System.halt/1} stops the
 * node as the BEAM's does.
 */
final class JvmExitGuard extends ClassCodeExpressionTransformer {
    private static final ClassNode NODE_HALT = ClassHelper.make("procshell.shell.eval.NodeHalt");
    private final SourceUnit source;

    JvmExitGuard(SourceUnit source) {
        this.source = source;
    }

    @Override
    protected SourceUnit getSourceUnit() {
        return source;
    }

    @Override
    public Expression transform(Expression e) {
        if (e instanceof ClosureExpression c) {
            c.getCode().visit(this); // a closure's body is not an expression the default walk enters
            return c;
        }
        if (e instanceof MethodCallExpression m) {
            String call = jvmExit(m);
            if (call != null) {
                Expression refused = new StaticMethodCallExpression(NODE_HALT, "refuseJvmExit", new ArgumentListExpression(new ConstantExpression(call)));
                refused.setSourcePosition(m);
                return refused;
            }
        }
        return e == null ? null : e.transformExpression(this);
    }

    /** The call as a person would name it when {@code m} ends the JVM, else null. */
    private static String jvmExit(MethodCallExpression m) {
        String method = m.getMethodAsString();
        if (!"exit".equals(method) && !"halt".equals(method)) return null;
        String receiver = m.getObjectExpression().getText();
        if ("exit".equals(method) && (receiver.equals("java.lang.System") || receiver.equals("System"))) return "System.exit";
        if (receiver.startsWith("java.lang.Runtime") || receiver.startsWith("Runtime")) {
            return receiver.endsWith("getRuntime()") || receiver.endsWith(".runtime") ? "Runtime." + method : null;
        }
        return null;
    }
}
