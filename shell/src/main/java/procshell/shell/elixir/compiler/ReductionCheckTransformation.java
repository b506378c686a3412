package procshell.shell.elixir.compiler;

import org.codehaus.groovy.ast.ASTNode;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.StaticMethodCallExpression;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.transform.GroovyASTTransformation;
import org.codehaus.groovy.transform.ThreadInterruptibleASTTransformation;

import procshell.runtime.process.Reductions;

/**
 * The transformation behind {@link ReductionChecks}: Groovy's {@code @ThreadInterrupt}, whose
 * check ({@code Thread.currentThread().isInterrupted()}) becomes
 * {@code procshell.runtime.process.Reductions.check()}, which also counts the reduction and ends
 * the time slice. It also puts {@link JvmExitGuard} on every class: no compiled input ends the JVM
 * by {@code System.exit}.
 */
@GroovyASTTransformation(phase = CompilePhase.CANONICALIZATION)
public final class ReductionCheckTransformation extends ThreadInterruptibleASTTransformation {
    private static final ClassNode TYPE = ClassHelper.make(ReductionChecks.class);
    private static final ClassNode REDUCTIONS = ClassHelper.make(Reductions.class);

    @Override
    public void visit(ASTNode[] nodes, SourceUnit source) {
        JvmExitGuard guard = new JvmExitGuard(source);
        for (org.codehaus.groovy.ast.ClassNode c : source.getAST().getClasses()) guard.visitClass(c);
        super.visit(nodes, source);
    }

    @Override
    protected ClassNode type() {
        return TYPE;
    }

    @Override
    protected String getErrorMessage() {
        return "interrupted";
    }

    @Override
    protected Expression createCondition() {
        return new StaticMethodCallExpression(REDUCTIONS, "check", ArgumentListExpression.EMPTY_ARGUMENTS);
    }
}
