package procshell.shell.elixir.compiler;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.codehaus.groovy.transform.GroovyASTTransformationClass;

/**
 * Puts a reduction check ({@link procshell.runtime.process.Reductions#check()}) at every method and
 * closure entry and every loop back-edge of the Groovy the compiler emits, as the BEAM counts a
 * reduction per function call: compiled code is preempted after its budget and stops when its
 * process is killed or its input interrupted. Applied to every input by the evaluator's
 * compilation customizer; the parameters are those of Groovy's {@code @ThreadInterrupt}.
 */
@Retention(RetentionPolicy.SOURCE)
@Target({ElementType.PACKAGE, ElementType.METHOD, ElementType.FIELD, ElementType.TYPE, ElementType.LOCAL_VARIABLE})
@GroovyASTTransformationClass("procshell.shell.elixir.compiler.ReductionCheckTransformation")
public @interface ReductionChecks {
    /** Check at method and closure entries too, not only in loops. */
    boolean checkOnMethodStart() default true;

    /** Check in every class of the source unit. */
    boolean applyToAllClasses() default true;

    /** Check in every member of the class. */
    boolean applyToAllMembers() default true;

    /** What a check throws when the thread was interrupted and no process claims it. */
    Class<? extends Throwable> thrown() default procshell.shell.eval.Interrupted.class;
}
